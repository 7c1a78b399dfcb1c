/**
 * Code actions: every fix and suggestion a finding carries, a suppression
 * comment for the finding's rule, and "fix all" for the file (with the edits
 * its findings' fixes make in included files). Fixes are offset
 * edits per file (possibly in other files of the configuration); here they
 * become a WorkspaceEdit.
 */
import type { CodeAction, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import type { Diagnostic, Edit, Fix } from "../../grammar/ast.js";
import type { SourceFile } from "../../grammar/source.js";
import type { Analysis } from "./analyze.js";
import { toLspDiagnostic } from "./diagnostics.js";
import { offsetAt, rangeOf } from "./text.js";
import { pathToUri } from "./uri.js";

/** Findings not tied to a rule cannot be switched off by a comment. */
const UNSUPPRESSIBLE = new Set(["config-error", "internal-error", "unused-disable-directive"]);

export function toWorkspaceEdit(analysis: Analysis, edits: readonly Edit[]): WorkspaceEdit | undefined {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of edits) {
    const f = analysis.result.files.get(e.file);
    if (!f) return undefined;
    (changes[pathToUri(e.file)] ??= []).push({ range: rangeOf(f, e.start, e.end), newText: e.text });
  }
  return { changes };
}

export interface CodeActionOptions {
  /** Kinds the client asked for (context.only); all when absent. */
  only?: string[];
}

export function codeActions(analysis: Analysis, file: string, range: Range, options: CodeActionOptions = {}): CodeAction[] {
  const f = analysis.result.files.get(file);
  if (!f) return [];
  const start = offsetAt(f, range.start);
  const end = offsetAt(f, range.end);
  const wants = (kind: string) => !options.only || options.only.some((k) => kind === k || kind.startsWith(k + "."));
  const files = analysis.result.files;
  const out: CodeAction[] = [];
  const inFile = analysis.result.diagnostics.filter((d) => d.file === file);
  if (wants("quickfix")) {
    for (const d of inFile) {
      if (d.end < start || d.start > end) continue;
      const diag = toLspDiagnostic(d, f, files);
      const offered: [Fix, boolean][] = [...(d.fix ? [[d.fix, true] as [Fix, boolean]] : []), ...(d.suggestions ?? []).map((s) => [s, false] as [Fix, boolean])];
      for (const [fix, preferred] of offered) {
        const edit = toWorkspaceEdit(analysis, fix.edits);
        // A suggestion says its consequence in the title: the user picks it knowing what changes.
        const title = capitalise(fix.description) + (!preferred && fix.consequence ? ` (${fix.consequence})` : "");
        if (edit) out.push({ title, kind: "quickfix", diagnostics: [diag], isPreferred: preferred, edit });
      }
      if (!UNSUPPRESSIBLE.has(d.ruleId)) {
        const edit = suppression(d, f);
        out.push({ title: `Disable ${d.ruleId} for this line`, kind: "quickfix", diagnostics: [diag], edit: { changes: { [pathToUri(file)]: [edit] } } });
      }
    }
  }
  if (wants("source.fixAll")) {
    const edit = toWorkspaceEdit(analysis, fixAllEdits(analysis, inFile.flatMap((d) => (d.fix ? [d.fix] : []))));
    if (edit && Object.keys(edit.changes ?? {}).length > 0) out.push({ title: "Fix all auto-fixable keepalived-lint problems", kind: "source.fixAll.keepalived-lint", edit });
  }
  return out;
}

/**
 * The edits of "fix all" for a document: the safe fix of each of its
 * findings (never a suggestion), in every file the fix edits — a fix of a
 * finding here may change an included file, as `--fix` does. A fix goes in
 * whole or not at all: one overlapping an earlier fix in any file is left
 * for after the re-lint.
 */
function fixAllEdits(analysis: Analysis, fixes: readonly Fix[]): Edit[] {
  const taken = new Map<string, Edit[]>();
  const out: Edit[] = [];
  for (const fix of fixes) {
    const fits = fix.edits.every((e, i) => {
      const f = analysis.result.files.get(e.file);
      if (!f || e.start < 0 || e.end < e.start || e.end > f.text.length) return false;
      const others = [...(taken.get(e.file) ?? []), ...fix.edits.slice(0, i).filter((x) => x.file === e.file)];
      return !others.some((x) => overlap(x, e));
    });
    if (!fits) continue;
    for (const e of fix.edits) (taken.get(e.file) ?? taken.set(e.file, []).get(e.file)!).push(e);
    out.push(...fix.edits);
  }
  return out;
}

/** Would applyEdits drop one of the two (they overlap, or insert at the same place)? */
function overlap(a: Edit, b: Edit): boolean {
  const [first, second] = a.start < b.start || (a.start === b.start && a.end <= b.end) ? [a, b] : [b, a];
  return second.start < Math.max(first.end, first.start + (first.start === first.end ? 1 : 0));
}

/** `# keepalived-lint disable-next-line <id>` above the finding's line, with the same indentation. */
function suppression(d: Diagnostic, f: SourceFile): TextEdit {
  const line = f.position(d.start).line;
  const text = f.lineText(line);
  const indent = /^[ \t]*/.exec(text)![0];
  const eol = f.text.includes("\r\n") ? "\r\n" : "\n";
  const at = { line: line - 1, character: 0 };
  return { range: { start: at, end: at }, newText: `${indent}# keepalived-lint disable-next-line ${d.ruleId}${eol}` };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
