/**
 * Completion from the schema and the configuration: keywords valid in the
 * block around the cursor, enum values, names of defined objects where a
 * reference is expected, and paths after an include. Works on half-typed text
 * because it reads the cursor's line itself and only asks the parsed tree
 * which block the cursor is in.
 */
import type { CompletionItem, CompletionItemKind, Range } from "vscode-languageserver-types";
import type { ConfigAst, ConfigNode } from "../../grammar/ast.js";
import { dirname, resolve } from "../../grammar/paths.js";
import { getContext, lookupKeyword, ROOT_CONTEXT, type KeywordSpec, type RefKind } from "../../grammar/schema/index.js";
import type { Analysis } from "./analyze.js";
import { symbolTable, topNodesAround, walk } from "./symbols-table.js";
import { positionAt } from "./text.js";

const KIND = { keyword: 14, value: 12, reference: 18, file: 17, folder: 19 } satisfies Record<string, CompletionItemKind>;

/** Schema context of the block that holds `offset` in `file`. */
export function contextAt(ast: ConfigAst, file: string, offset: number): string {
  let inner: ConfigNode | undefined;
  let outerOfFile: ConfigNode | undefined;
  for (const node of walk(topNodesAround(ast, file, offset))) {
    if (node.file !== file) continue;
    outerOfFile ??= node;
    const b = node.block;
    if (!b) continue;
    const opened = b.open ? b.open.file === file && b.open.end <= offset : node.end <= offset;
    const notClosed = !b.close || b.close.file !== file || offset <= b.close.start;
    // Walk order is depth first, so a later match is nested inside an earlier one.
    if (opened && notClosed && node.start < offset) inner = node;
  }
  if (inner?.block) return inner.block.childContext;
  // A file included inside a block starts in that block's context.
  return outerOfFile?.parent?.block?.childContext ?? ROOT_CONTEXT;
}

interface LineState {
  /** Complete words before the cursor's word. */
  before: string[];
  /** The word being typed (up to the cursor). */
  partial: string;
  partialStart: number;
}

/** The words of the cursor's line before the cursor; undefined inside a comment. */
function lineState(text: string, offset: number): LineState | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const words: { text: string; start: number }[] = [];
  const re = /"[^"]*"?|[^\s"{}]+|[{}]/g;
  for (let m = re.exec(prefix); m; m = re.exec(prefix)) {
    if (m[0].startsWith("#") || m[0].startsWith("!")) return undefined;
    // Text after a brace on the same line starts a new statement.
    if (m[0] === "{" || m[0] === "}") words.length = 0;
    else words.push({ text: m[0].replace(/^"|"$/g, ""), start: lineStart + m.index });
  }
  const typing = prefix.length > 0 && !/\s/.test(prefix[prefix.length - 1]) && !/[{}]$/.test(prefix);
  const last = typing ? words.pop() : undefined;
  return { before: words.map((w) => w.text), partial: last?.text ?? "", partialStart: last ? last.start + (text[last.start] === '"' ? 1 : 0) : offset };
}

export function complete(analysis: Analysis, file: string, offset: number): CompletionItem[] {
  const f = analysis.result.files.get(file);
  if (!f) return [];
  const state = lineState(f.text, offset);
  if (!state) return [];
  const ast = analysis.result.ast;
  const context = contextAt(ast, file, offset);
  const ctx = getContext(context);
  const { before } = state;

  if (before.length >= 1 && /^include[a-z]?$/.test(before[0])) {
    return before.length === 1 ? includePaths(analysis, file, state, f.text, offset) : [];
  }
  if (ctx?.kind === "value_block") {
    const everyWord = /^<[^>]*>\.\.\./.test(ctx.lineGrammar ?? "");
    if (ctx.entryRef && (before.length === 0 || everyWord)) return names(ast, ctx.entryRef);
    // After the entry's first word: the option words its line grammar spells out (weight, dev, scope, …).
    return before.length > 0 ? grammarWords(ctx.lineGrammar ?? "", before) : [];
  }
  if (before.length === 0) return keywords(context);
  if (before.length === 1) {
    const spec = lookupKeyword(context, before[0]);
    if (!spec) return [];
    if (spec.ref) return names(ast, spec.ref);
    const values = enumValues(spec);
    if (values.length) return values.map((v) => ({ label: v, kind: KIND.value, detail: `${spec.name} value` }));
  }
  return [];
}

/** The words an enum keyword accepts: the schema's list, else the leading `A|B|C` of its grammar. */
function enumValues(spec: KeywordSpec): string[] {
  if (spec.values?.length) return spec.values;
  if (spec.type !== "enum") return [];
  const first = spec.args.split(/\s/)[0];
  return /^[\w-]+(\|[\w-]+)+$/.test(first) ? first.split("|") : [];
}

/** Literal option words of a value-block line grammar, minus those already on the line and the one a value follows. */
function grammarWords(grammar: string, before: string[]): CompletionItem[] {
  // Placeholders (<…>) and remarks ((…)) are not words to type.
  const literal = grammar.replace(/<[^>]*>/g, " ").replace(/\([^)]*\)/g, " ");
  const words = new Set(literal.match(/[A-Za-z][\w-]*/g) ?? []);
  for (const w of before) words.delete(w);
  return [...words].map((w) => ({ label: w, kind: KIND.keyword, detail: grammar }));
}

function keywords(context: string): CompletionItem[] {
  const ctx = getContext(context);
  if (!ctx) return [];
  const items: CompletionItem[] = [];
  for (const spec of ctx.keywords.values()) items.push(keywordItem(spec));
  return items.sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0));
}

function keywordItem(spec: KeywordSpec): CompletionItem {
  const item: CompletionItem = {
    label: spec.name,
    kind: KIND.keyword,
    detail: spec.args ? `${spec.name} ${spec.args}` : spec.name,
    // Deprecated keywords and aliases sort after the ones to use.
    sortText: `${spec.deprecated || spec.aliasOf ? "1" : "0"}${spec.name}`,
  };
  if (spec.description) item.documentation = spec.description;
  if (spec.deprecated) item.tags = [1];
  return item;
}

function names(ast: ConfigAst, kind: RefKind): CompletionItem[] {
  return symbolTable(ast).names(kind).map((n) => ({ label: n, kind: KIND.reference, detail: kind }));
}

function includePaths(analysis: Analysis, file: string, state: LineState, text: string, offset: number): CompletionItem[] {
  const typed = state.partial;
  const slash = typed.lastIndexOf("/");
  const dirPart = slash >= 0 ? typed.slice(0, slash + 1) : "";
  const dir = resolve(dirname(file), dirPart || ".");
  const entries = analysis.fs.listDir(dir) ?? [];
  const f = analysis.result.files.get(file)!;
  const from = state.partialStart + (slash >= 0 ? slash + 1 : 0);
  const range: Range = { start: positionAt(f, from), end: positionAt(f, offset) };
  void text;
  return entries
    .filter((name) => !name.startsWith(".") || typed.slice(slash + 1).startsWith("."))
    .map((name) => {
      const isDir = analysis.fs.stat(resolve(dir, name)) === "directory";
      const label = isDir ? name + "/" : name;
      return { label, kind: isDir ? KIND.folder : KIND.file, textEdit: { range, newText: label } };
    });
}
