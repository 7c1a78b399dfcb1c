/**
 * Findings as LSP diagnostics, grouped by the file whose bytes they point at,
 * so a problem in an included file shows up in that file's editor.
 */
import type { Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from "vscode-languageserver-types";
import type { Diagnostic, Severity } from "../../grammar/ast.js";
import type { SourceFile } from "../../grammar/source.js";
import type { Analysis } from "./analyze.js";
import { rangeOf } from "./text.js";
import { pathToUri } from "./uri.js";

export const SOURCE = "keepalived-lint";

const SEVERITY: Record<Severity, DiagnosticSeverity> = { error: 1, warning: 2, info: 3 };

/** Diagnostics per file path: every file the analysis read gets an entry (empty when clean). */
export function diagnosticsByFile(analysis: Analysis): Map<string, LspDiagnostic[]> {
  const files = analysis.result.files;
  const out = new Map<string, LspDiagnostic[]>();
  for (const path of files.keys()) out.set(path, []);
  for (const d of analysis.result.diagnostics) {
    const file = files.get(d.file);
    if (!file) continue;
    out.get(d.file)!.push(convertedOf(d, file, files));
  }
  return out;
}

/**
 * The last conversion of each finding. The editor keeps most findings from
 * one lint to the next (src/engine/kept-findings.ts: the same objects, moved
 * in place), and at 50,000 lines a publish converts thousands of them per
 * edit; one whose range is the same again gets the same LSP object, which the
 * server's encoder also keeps as JSON (src/lsp/diagnostics-encoder.ts).
 * Only a finding's offsets move; everything else it says is fixed when made.
 * The places a finding names (related, via) are converted each time and
 * compared.
 */
const converted = new WeakMap<Diagnostic, LspDiagnostic>();

function convertedOf(d: Diagnostic, file: SourceFile, files: ReadonlyMap<string, SourceFile>): LspDiagnostic {
  const was = converted.get(d);
  if (d.related === undefined && d.via === undefined) {
    if (was !== undefined && isRangeOf(was.range, file, d.start, d.end)) return was;
    const out = toLspDiagnostic(d, file, files);
    converted.set(d, out);
    return out;
  }
  // The places it names are converted again, and compared.
  const out = toLspDiagnostic(d, file, files);
  if (was !== undefined && sameRange(was.range, out.range) && sameRelated(was.relatedInformation, out.relatedInformation)) return was;
  converted.set(d, out);
  return out;
}

/** Is `range` rangeOf(file, start, end)? Asked without making one (thousands per edit). */
function isRangeOf(range: Range, file: SourceFile, start: number, end: number): boolean {
  const starts = file.lineStarts;
  const line = range.start.line;
  if (line >= starts.length || starts[line] + range.start.character !== start || (line + 1 < starts.length && start >= starts[line + 1])) return false;
  const endLine = range.end.line;
  const to = Math.max(start, end);
  return endLine < starts.length && starts[endLine] + range.end.character === to && (endLine + 1 >= starts.length || to < starts[endLine + 1]);
}

function sameRelated(a: DiagnosticRelatedInformation[] | undefined, b: DiagnosticRelatedInformation[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((r, i) => r.message === b[i].message && r.location.uri === b[i].location.uri && sameRange(r.location.range, b[i].location.range));
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function toLspDiagnostic(d: Diagnostic, file: SourceFile, files: ReadonlyMap<string, SourceFile>): LspDiagnostic {
  const message = d.hint ? `${d.message}\n${d.hint}` : d.message;
  const out: LspDiagnostic = {
    range: rangeOf(file, d.start, d.end),
    severity: SEVERITY[d.severity] ?? 1,
    source: SOURCE,
    code: d.ruleId,
    message,
  };
  // Lists made only when there is something to list (an editor's publish converts thousands of findings per edit).
  if (d.related !== undefined || d.via !== undefined) {
    const related: DiagnosticRelatedInformation[] = [];
    for (const r of d.related ?? []) {
      const f = files.get(r.span.file);
      if (f) related.push({ location: { uri: pathToUri(r.span.file), range: rangeOf(f, r.span.start, r.span.end) }, message: r.message });
    }
    // Show how the reader got here (include chain) when the text was reached indirectly.
    for (const v of d.via ?? []) {
      const f = files.get(v.span.file);
      if (f) related.push({ location: { uri: pathToUri(v.span.file), range: rangeOf(f, v.span.start, v.span.end) }, message: `via ${v.kind} ${v.name}` });
    }
    if (related.length > 0) out.relatedInformation = related;
  }
  if (d.severity === "info" && d.ruleId === "deprecated-keyword") out.tags = [2];
  return out;
}
