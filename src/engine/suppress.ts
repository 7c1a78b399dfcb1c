/**
 * Suppression comments, written with `#` or `!` like any keepalived comment:
 *   # keepalived-lint disable-next-line <ids> -- reason
 *   # keepalived-lint disable-line <ids>        (trailing comment on the line itself)
 *   # keepalived-lint disable <ids>  …  # keepalived-lint enable <ids>
 *   # keepalived-lint disable-file [<ids>]
 * No ids means every rule.
 */
import type { Diagnostic, Severity } from "../../grammar/ast.js";
import { commentOfLine } from "../../grammar/comment.js";
import type { SourceFile } from "../../grammar/source.js";
import { didYouMean } from "./suggest.js";

export interface Directive {
  kind: "disable-next-line" | "disable-line" | "disable" | "enable" | "disable-file";
  /** Rule ids; empty = all. */
  ids: string[];
  file: string;
  /** 1-based line of the comment. */
  line: number;
  start: number;
  end: number;
  used: boolean;
}

const DIRECTIVE = /^[#!]\s*keepalived-lint\s+(disable-next-line|disable-line|disable-file|disable|enable)\b\s*(.*)$/;

/** Directives of one file, in order. */
export function directivesOf(file: SourceFile): Directive[] {
  const out: Directive[] = [];
  const text = file.text;
  for (let at = text.indexOf("keepalived-lint"); at >= 0; at = text.indexOf("keepalived-lint", at)) {
    const lineStart = text.lastIndexOf("\n", at) + 1;
    const nl = text.indexOf("\n", at);
    // A line has one comment at most: the rest of it needs no second look.
    at = nl < 0 ? text.length : nl + 1;
    // Only a real comment counts (not text inside quotes).
    const comment = commentOfLine(text, lineStart);
    if (!comment) continue;
    const m = DIRECTIVE.exec(text.slice(comment.start, comment.end).replace(/\r$/, ""));
    if (!m) continue;
    const start = comment.start;
    const idsText = m[2].split(/\s--\s|^--\s|^--$/)[0];
    out.push({
      kind: m[1] as Directive["kind"],
      ids: idsText.split(/[\s,]+/).filter((s) => s !== ""),
      file: file.path,
      line: file.position(start).line,
      start,
      end: comment.end,
      used: false,
    });
  }
  return out;
}

const covers = (d: Directive, ruleId: string) => d.ids.length === 0 || d.ids.includes(ruleId);

/** Drops suppressed findings; marks the directives that suppressed something. */
export function applyDirectives(diagnostics: Diagnostic[], files: ReadonlyMap<string, SourceFile>, directives: Map<string, Directive[]>): Diagnostic[] {
  return diagnostics.filter((d) => {
    const ds = directives.get(d.file);
    const file = files.get(d.file);
    if (!ds || ds.length === 0 || !file) return true;
    const line = file.position(d.start).line;
    let suppressedBy: Directive | undefined;
    let rangeOpen: Directive | undefined;
    for (const dir of ds) {
      if (!covers(dir, d.ruleId)) continue;
      if (dir.kind === "disable-file") suppressedBy ??= dir;
      else if (dir.kind === "disable-next-line" && dir.line + 1 === line) suppressedBy ??= dir;
      else if (dir.kind === "disable-line" && dir.line === line) suppressedBy ??= dir;
      else if (dir.kind === "disable" && dir.line <= line) rangeOpen = dir;
      else if (dir.kind === "enable" && dir.line <= line) rangeOpen = undefined;
    }
    suppressedBy ??= rangeOpen;
    if (suppressedBy) {
      suppressedBy.used = true;
      return false;
    }
    return true;
  });
}

/**
 * Findings of the unused-disable-directive rule: a directive naming a rule
 * that does not exist (always: it can never suppress anything, and is most
 * likely a typo), and with `reportUnused` a directive that suppressed nothing.
 */
export function directiveFindings(
  directives: Map<string, Directive[]>,
  knownIds: ReadonlySet<string>,
  reportUnused: boolean,
  severity: Severity = "warning",
  /** Rules that only check several nodes together: one configuration alone cannot tell whether their directives are used. */
  clusterOnly: ReadonlySet<string> = new Set(),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Both kinds of finding sit on the whole comment.
  const at = (d: Directive, message: string, hint: string, fix?: Diagnostic["fix"]): Diagnostic => ({
    ruleId: "unused-disable-directive", severity, file: d.file, start: d.start, end: d.end, message, hint, ...(fix && { fix }),
  });
  for (const ds of directives.values()) {
    for (const d of ds) {
      const unknown = d.ids.filter((id) => !knownIds.has(id));
      for (const id of unknown) {
        const message = `"keepalived-lint ${d.kind}" names unknown rule "${id}"${didYouMean(id, knownIds)}`;
        out.push(at(d, message, "name a rule that exists (keepalived-lint rules lists them), or remove the comment"));
      }
      if (!reportUnused || d.used || d.kind === "enable" || unknown.length > 0) continue;
      if (d.ids.length > 0 && d.ids.every((id) => clusterOnly.has(id))) continue;
      const message = `unused "keepalived-lint ${d.kind}" directive${d.ids.length ? ` for ${d.ids.join(", ")}` : ""}: nothing is reported here`;
      const removal = { description: "remove the unused directive", edits: [{ file: d.file, start: d.start, end: d.end, text: "" }] };
      out.push(at(d, message, "remove the comment", removal));
    }
  }
  return out;
}
