/**
 * Go to definition, find references and rename for named objects, `$NAME`
 * definitions and include lines, across every file of the configuration.
 */
import type { Location, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import type { DefinitionUse, IncludeRef, Span } from "../../grammar/ast.js";
import type { Analysis } from "./analyze.js";
import { nodeAt, onWord, symbolTable, type NameSite } from "./symbols-table.js";
import { rangeOf } from "./text.js";
import { pathToUri } from "./uri.js";

type Target =
  | { type: "name"; site: NameSite; definitions: NameSite[]; references: NameSite[] }
  | { type: "definition-use"; name: string; spans: Span[]; definition?: Span }
  | { type: "include"; include: IncludeRef };

function targetAt(analysis: Analysis, file: string, offset: number): Target | undefined {
  const ast = analysis.result.ast;
  const use: DefinitionUse | undefined = ast.definitionUses.find((u) => onWord(u.span, file, offset));
  const def = ast.definitions.find((d) => onWord(d.nameSpan, file, offset));
  if (use || def) {
    const name = (use?.name ?? def?.name)!;
    const definition = use?.definition ?? def;
    const uses = ast.definitionUses.filter((u) => u.name === name && (u.definition === definition || !definition));
    return { type: "definition-use", name, spans: uses.map((u) => u.span), definition: definition?.nameSpan };
  }
  const include = ast.includes.find((i) => onWord(i.patternSpan, file, offset));
  if (include) return { type: "include", include };
  const at = nodeAt(ast, file, offset);
  if (!at?.word) return undefined;
  const table = symbolTable(ast);
  const site = table.sites.find((s) => s.word === at.word);
  if (!site) return undefined;
  return { type: "name", site, definitions: table.definitions(site.kind, site.name), references: table.references(site.kind, site.name) };
}

function location(analysis: Analysis, span: Span): Location | undefined {
  const f = analysis.result.files.get(span.file);
  return f ? { uri: pathToUri(span.file), range: rangeOf(f, span.start, span.end) } : undefined;
}

const defined = <T>(x: T | undefined): x is T => x !== undefined;

/** Where the thing under the cursor is defined (include: the files it brings in). */
export function definition(analysis: Analysis, file: string, offset: number): Location[] {
  const t = targetAt(analysis, file, offset);
  if (!t) return [];
  if (t.type === "include") {
    const zero: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return t.include.files.map((f) => ({ uri: pathToUri(f), range: zero }));
  }
  if (t.type === "definition-use") return t.definition ? [location(analysis, t.definition)].filter(defined) : [];
  return t.definitions.map((d) => location(analysis, d.word)).filter(defined);
}

/** Every place that names the same thing (the definition too when asked). */
export function references(analysis: Analysis, file: string, offset: number, includeDeclaration = true): Location[] {
  const t = targetAt(analysis, file, offset);
  if (!t || t.type === "include") return [];
  const spans: Span[] =
    t.type === "definition-use"
      ? [...(includeDeclaration && t.definition ? [t.definition] : []), ...t.spans]
      : [...(includeDeclaration ? t.definitions : []), ...t.references].map((s) => s.word);
  const seen = new Set<string>();
  return spans
    .filter((s) => {
      const k = `${s.file}\0${s.start}\0${s.end}`;
      return !seen.has(k) && (seen.add(k), true);
    })
    .map((s) => location(analysis, s))
    .filter(defined);
}

/** The range of the renameable name under the cursor, or undefined when there is none. */
export function prepareRename(analysis: Analysis, file: string, offset: number): { range: Range; placeholder: string } | undefined {
  const t = targetAt(analysis, file, offset);
  if (!t || t.type !== "name" || t.site.word.synthetic) return undefined;
  const f = analysis.result.files.get(file);
  if (!f) return undefined;
  const w = t.site.word;
  const start = w.quoted ? w.start + 1 : w.start;
  const end = w.quoted ? w.end - 1 : w.end;
  return { range: rangeOf(f, start, end), placeholder: w.text };
}

export class RenameError extends Error {}

/**
 * Renames a vrrp_script, track_file, instance, group… in every file. Throws
 * RenameError (the server answers it as a request error) when a name is
 * produced by a $DEFINITION or the new name would not be one word.
 */
export function rename(analysis: Analysis, file: string, offset: number, newName: string): WorkspaceEdit | undefined {
  const t = targetAt(analysis, file, offset);
  if (!t || t.type !== "name") return undefined;
  if (!/^[^\s"{}#!]+$/.test(newName)) throw new RenameError(`"${newName}" is not a valid name: it must be one word without quotes, braces, # or !`);
  const sites = [...t.definitions, ...t.references];
  const synthetic = sites.find((s) => s.word.synthetic);
  if (synthetic) throw new RenameError(`"${t.site.name}" is written through a $definition at ${synthetic.word.file}; rename it there by hand`);
  const changes: Record<string, TextEdit[]> = {};
  const seen = new Set<string>();
  for (const s of sites) {
    const w = s.word;
    const f = analysis.result.files.get(w.file);
    const k = `${w.file}\0${w.start}`;
    if (!f || seen.has(k)) continue;
    seen.add(k);
    const start = w.quoted ? w.start + 1 : w.start;
    const end = w.quoted ? w.end - 1 : w.end;
    (changes[pathToUri(w.file)] ??= []).push({ range: rangeOf(f, start, end), newText: newName });
  }
  return { changes };
}
