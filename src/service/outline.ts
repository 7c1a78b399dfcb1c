/**
 * Document symbols (the outline) and folding ranges. The outline lists the
 * blocks of one file (instances, scripts, virtual servers and their real
 * servers, checkers, …); folding works on the lossless tree, so it needs
 * only the text and still works on a file that does not parse.
 */
import type { DocumentSymbol, FoldingRange, SymbolKind } from "vscode-languageserver-types";
import type { ConfigNode } from "../../grammar/ast.js";
import { buildCst, type CstElement } from "../../grammar/cst.js";
import { lookupKeyword } from "../../grammar/schema/index.js";
import type { SourceFile } from "../../grammar/source.js";
import type { Analysis } from "./analyze.js";
import { rangeOf, sourceOf } from "./text.js";

const SYMBOL: Record<string, SymbolKind> = { vrrp_instance: 5, vrrp_script: 12, virtual_server: 2, real_server: 8, vrrp_sync_group: 3 };

export function documentSymbols(analysis: Analysis, file: string): DocumentSymbol[] {
  const f = analysis.result.files.get(file);
  if (!f) return [];
  return symbolsOf(analysis.result.ast.children, f);
}

function symbolsOf(nodes: readonly ConfigNode[], f: SourceFile): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const node of nodes) {
    if (node.file !== f.path) {
      // Lines included from another file may hold blocks that close back in this file; skip them.
      continue;
    }
    if (!node.block || node.block.kind !== "keywords" || node.keyword.file !== f.path) continue;
    const end = Math.max(node.end, endOf(node, f.path));
    const nameWord = node.args[0];
    const spec = lookupKeyword(node.context, node.name);
    const symbol: DocumentSymbol = {
      name: nameWord ? `${node.name} ${node.args.map((a) => a.text).join(" ")}` : node.name,
      kind: SYMBOL[node.name] ?? (spec?.defines ? 12 : 19),
      range: rangeOf(f, node.start, end),
      selectionRange: rangeOf(f, (nameWord ?? node.keyword).start, (nameWord ?? node.keyword).end),
      children: symbolsOf(node.children, f),
    };
    if (spec?.description) symbol.detail = spec.description;
    out.push(symbol);
  }
  return out;
}

/** Where a node's text ends in its own file: its closing brace, else its last line there. */
function endOf(node: ConfigNode, path: string): number {
  if (node.block?.close && node.block.close.file === path) return node.block.close.end;
  let end = node.file === path ? node.end : 0;
  for (const c of node.children) if (c.file === path) end = Math.max(end, endOf(c, path));
  return end;
}

export interface FoldingOptions {
  /** Most ranges the client wants. */
  rangeLimit?: number;
}

/** Folds every multi-line `{ … }` and every run of two or more comment lines. */
export function foldingRanges(text: string, options: FoldingOptions = {}): FoldingRange[] {
  const f = sourceOf(text);
  const out: FoldingRange[] = [];
  const line = (offset: number) => f.position(offset).line - 1;
  const visit = (els: readonly CstElement[]) => {
    for (const el of els) {
      if (el.type !== "Block") continue;
      const startLine = line(el.open.start);
      // Keep the closing brace visible, as editors do for C-like blocks.
      const endLine = el.close ? line(el.close.start) - 1 : line(Math.max(el.open.start, text.slice(0, el.end).trimEnd().length - 1));
      if (endLine > startLine) out.push({ startLine, endLine });
      visit(el.children);
    }
  };
  visit(buildCst(text).children);
  let runStart = -1;
  let prev = -2;
  const lines = text.split("\n");
  for (let i = 0; i <= lines.length; i++) {
    const isComment = i < lines.length && /^\s*[#!]/.test(lines[i]);
    if (isComment) {
      if (prev !== i - 1) runStart = i;
      prev = i;
    } else if (prev === i - 1 && runStart >= 0 && prev > runStart) {
      out.push({ startLine: runStart, endLine: prev, kind: "comment" });
      runStart = -1;
    }
  }
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return options.rangeLimit !== undefined ? out.slice(0, options.rangeLimit) : out;
}
