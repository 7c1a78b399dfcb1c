/**
 * The lossless tree of one file: every byte is a token (blanks, line breaks
 * and comments included) and `{ … }` pairs nest as blocks, so printing the
 * tree gives back the file exactly. Formatting and fixes work on this tree;
 * the typed AST (what keepalived loads) is built separately by the parser.
 */
import { lex } from "./lexer.js";

export type CstTokenType = "Word" | "Quoted" | "OpenQuote" | "Blank" | "Newline" | "Comment" | "LBrace" | "RBrace" | "Nul";

export interface CstToken {
  type: CstTokenType;
  text: string;
  /** Offset in the file. */
  start: number;
}

export interface CstBlock {
  type: "Block";
  open: CstToken;
  children: CstElement[];
  /** Absent when the file ends inside the block. */
  close?: CstToken;
  start: number;
  end: number;
}

export type CstElement = CstToken | CstBlock;

export interface CstFile {
  text: string;
  children: CstElement[];
}

/** Builds the lossless tree of a file's text. An extra `}` stays a plain token at its level. */
export function buildCst(text: string): CstFile {
  const root: CstElement[] = [];
  const stack: CstBlock[] = [];
  let into = root;
  for (const t of lex(text).tokens) {
    const tok: CstToken = { type: t.tokenType.name as CstTokenType, text: t.image, start: t.startOffset };
    if (tok.type === "LBrace") {
      const block: CstBlock = { type: "Block", open: tok, children: [], start: tok.start, end: tok.start + 1 };
      into.push(block);
      stack.push(block);
      into = block.children;
    } else if (tok.type === "RBrace" && stack.length > 0) {
      const block = stack.pop()!;
      block.close = tok;
      block.end = tok.start + 1;
      into = stack.length > 0 ? stack[stack.length - 1].children : root;
    } else {
      into.push(tok);
    }
  }
  for (const b of stack) b.end = endOf(b);
  return { text, children: root };
}

function endOf(el: CstElement): number {
  if (el.type !== "Block") return el.start + el.text.length;
  if (el.close) return el.close.start + 1;
  const last = el.children[el.children.length - 1];
  return last ? endOf(last) : el.open.start + 1;
}

/** The text of a tree: concatenation of its tokens in order. */
export function printCst(el: CstFile | CstElement[] | CstElement): string {
  if (Array.isArray(el)) return el.map((e) => printCst(e)).join("");
  if ("children" in el && !("type" in el)) return printCst(el.children);
  const e = el as CstElement;
  if (e.type === "Block") return e.open.text + printCst(e.children) + (e.close ? e.close.text : "");
  return e.text;
}
