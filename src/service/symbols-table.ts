/**
 * The named objects of a configuration (vrrp_script, track_file, instances,
 * groups, …): where each is defined and every word that refers to it, taken
 * from the schema (`defines`, `ref`, `entryRef`) so no keyword list lives here.
 */
import type { ConfigAst, ConfigNode, Word } from "../../grammar/ast.js";
import { getContext, lookupKeyword, type RefKind } from "../../grammar/schema/index.js";

export interface NameSite {
  kind: RefKind;
  name: string;
  word: Word;
  node: ConfigNode;
  role: "definition" | "reference";
}

export interface SymbolTable {
  sites: NameSite[];
  definitions(kind: RefKind, name: string): NameSite[];
  references(kind: RefKind, name: string): NameSite[];
  /** Names defined for a kind, in load order, each once. */
  names(kind: RefKind): string[];
}

/** Every node of the configuration, depth first in load order. */
export function* walk(nodes: readonly ConfigNode[]): Generator<ConfigNode> {
  for (const n of nodes) {
    yield n;
    if (n.children.length > 0) yield* walk(n.children);
  }
}

/** Entries of a value block where every word names an object (`group { VI_1 VI_2 }`), not just the first. */
function everyWordRefers(context: string): boolean {
  return /^<[^>]*>\.\.\./.test(getContext(context)?.lineGrammar ?? "");
}

export function symbolTable(ast: ConfigAst): SymbolTable {
  const sites: NameSite[] = [];
  for (const node of walk(ast.children)) sitesOf(node, sites);
  const key = (k: RefKind, n: string) => `${k}\0${n}`;
  const index = new Map<string, NameSite[]>();
  for (const s of sites) {
    const k = key(s.kind, s.name);
    const list = index.get(k);
    if (list) list.push(s);
    else index.set(k, [s]);
  }
  return {
    sites,
    definitions: (kind, name) => (index.get(key(kind, name)) ?? []).filter((s) => s.role === "definition"),
    references: (kind, name) => (index.get(key(kind, name)) ?? []).filter((s) => s.role === "reference"),
    names: (kind) => [...new Set(sites.filter((s) => s.kind === kind && s.role === "definition").map((s) => s.name))],
  };
}

/** The names node's line defines or refers to, added to `out`. */
export function sitesOf(node: ConfigNode, out: NameSite[] = []): NameSite[] {
  if (node.kind === "entry") {
    const kind = getContext(node.context)?.entryRef;
    if (!kind) return out;
    const words = everyWordRefers(node.context) ? [node.keyword, ...node.args] : [node.keyword];
    for (const w of words) out.push({ kind, name: w.text, word: w, node, role: "reference" });
    return out;
  }
  if (!node.known) return out;
  const spec = lookupKeyword(node.context, node.name);
  const first = node.args[0];
  if (!spec || !first) return out;
  if (spec.defines) out.push({ kind: spec.defines, name: first.text, word: first, node, role: "definition" });
  else if (spec.ref) out.push({ kind: spec.ref, name: first.text, word: first, node, role: "reference" });
  else if (first.text === "group" && node.args[1] && /\bgroup <vsg-name>/.test(spec.args)) {
    // `virtual_server group NAME` names a virtual_server_group (the grammar says so; there is no ref field for it).
    out.push({ kind: "virtual_server_group", name: node.args[1].text, word: node.args[1], node, role: "reference" });
  }
  return out;
}

/**
 * The top-level nodes whose lines can hold `offset` of `file`: in a
 * configuration of one file, those whose span (its `}` included) holds it,
 * found by bisection (hover and completion must not walk 50,000 lines); with
 * includes or an unclosed block, all of them (their lines lie outside the
 * spans).
 */
export function topNodesAround(ast: ConfigAst, file: string, offset: number): readonly ConfigNode[] {
  const top = ast.children;
  if (ast.includes.length > 0 || ast.roots.length !== 1 || ast.roots[0] !== file) return top;
  // A block the file ends in has lines beyond its span. Only the last node can be one (an unclosed block
  // takes every line after it), and asking each node for its block made views of 50,000 lines per hover.
  const last = top[top.length - 1];
  if (last?.block !== undefined && last.block.close === undefined) return top;
  let lo = 0;
  let hi = top.length;
  // The first node that ends at or after the offset; the next one may start right there too.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (top[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < top.length && top[to].start <= offset) to++;
  return top.slice(lo, to);
}

/** Is `offset` on the word (its end included, so a cursor right after a word counts)? */
export function onWord(w: { file: string; start: number; end: number }, file: string, offset: number): boolean {
  return w.file === file && offset >= w.start && offset <= w.end;
}

/** The node whose line holds `offset` in `file`, and the word under it, if any. */
export function nodeAt(ast: ConfigAst, file: string, offset: number): { node: ConfigNode; word?: Word; index: number } | undefined {
  let found: { node: ConfigNode; word?: Word; index: number } | undefined;
  for (const node of walk(topNodesAround(ast, file, offset))) {
    const words = [node.keyword, ...node.args];
    const i = words.findIndex((w) => onWord(w, file, offset));
    if (i >= 0) {
      // Prefer the word that really contains the offset over one that merely ends there.
      const exact = words.findIndex((w) => w.file === file && offset >= w.start && offset < w.end);
      const index = exact >= 0 ? exact : i;
      found = { node, word: words[index], index };
      if (exact >= 0) return found;
    }
  }
  return found;
}
