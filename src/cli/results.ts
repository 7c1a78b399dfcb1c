// Lint results → the line/column form the output formats take (see src/formats/types.ts).
import { isAbsolute, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Diagnostic, Fix } from "../../grammar/ast.js";
import type { SourceFile } from "../../grammar/source.js";
import { applyEdits } from "../engine/fix.js";
import type { FileResult, Message } from "../reporters/types.js";

export function displayPath(path: string, cwd: string, stdin?: { path: string; name: string }): string {
  if (stdin && path === stdin.path) return stdin.name;
  const rel = relative(cwd, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** Where CI reports find a file: relative to the repository root when under it, else its file URI. */
export function ciLocation(path: string, top: string): { rootPath: string } | { fileUri: string } {
  const rel = relative(top, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? { rootPath: rel.split(sep).join("/") } : { fileUri: pathToFileURL(path).href };
}

/**
 * A message or hint with this machine's paths under the repository root made
 * root-relative (rules name the file of a definition elsewhere): CI logs and
 * annotations must not carry a runner's absolute paths.
 */
export function withoutMachinePaths(text: string, top: string): string {
  return top === sep || top === "" ? text : text.split(top.endsWith(sep) ? top : top + sep).join("");
}

/** The repository root as a `file:` URI ending in `/` (SARIF's %SRCROOT%). */
export function rootUri(top: string): string {
  return pathToFileURL(top.endsWith(sep) ? top : top + sep).href;
}

export function toMessage(d: Diagnostic, file: SourceFile | undefined): Message {
  const start = file?.position(d.start) ?? { line: 1, column: 1 };
  const end = file?.position(d.end) ?? start;
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    ...(d.hint !== undefined && { hint: d.hint }),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    ...(file && d.fix && { fix: singleReplacement(d.file, d.fix, file), fixDescription: d.fix.description }),
    fixable: !!d.fix && d.fix.edits.length > 0,
    ...(d.refusedByKeepalived && { refusedByKeepalived: true }),
    ...(d.suggestions?.length && {
      suggestions: d.suggestions.map((s) => {
        const fix = file ? singleReplacement(d.file, s, file) : undefined;
        return { description: s.description, ...(s.consequence !== undefined && { consequence: s.consequence }), changes: s.changes ?? [], ...(fix && { fix }) };
      }),
    }),
  };
}

/** A fix as one replacement of this file's text (ESLint's `{range, text}`); undefined when it also edits other files. */
function singleReplacement(path: string, fix: Fix, file: SourceFile): Message["fix"] {
  const edits = fix.edits;
  if (edits.length === 0 || edits.some((e) => e.file !== path)) return undefined;
  const from = Math.min(...edits.map((e) => e.start));
  const to = Math.max(...edits.map((e) => e.end));
  const shifted = edits.map((e) => ({ ...e, start: e.start - from, end: e.end - from }));
  return { range: [from, to], text: applyEdits(file.text.slice(from, to), shifted).text };
}

export function sortResults(results: FileResult[]): FileResult[] {
  return results.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
}
