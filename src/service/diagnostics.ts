/**
 * Findings as LSP diagnostics, grouped by the file whose bytes they point at,
 * so a problem in an included file shows up in that file's editor.
 */
import type { Diagnostic as LspDiagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from "vscode-languageserver-types";
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
    out.get(d.file)!.push(toLspDiagnostic(d, file, files));
  }
  return out;
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
