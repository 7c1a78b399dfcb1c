/**
 * The canonical layout, computed line by line from the lossless tree.
 *
 * Invariant that keeps the meaning: the sequence of logical lines keepalived
 * reads does not change. Code lines are cut only at braces (keepalived cuts
 * there itself) and a `{` only moves up onto the line that ends right before
 * it; everything else is re-indented (indentation is dropped by keepalived)
 * or left exactly as written.
 */
import type { CstToken } from "../../grammar/cst.js";
import { fitsLine, formatDirective, scanLines, type PhysLine } from "./lines.js";

export interface FormatOptions {
  /** Spaces per level, or "tab". Default 4. */
  indent?: number | "tab";
}

/**
 * The output lines, kept as flat arrays (text and line break alternating, and
 * the input line of each) rather than one object per line: a 500,000-line file
 * would otherwise spend most of its time in the garbage collector.
 */
export class Output {
  /** text₀, eol₀, text₁, eol₁, … */
  readonly parts: string[] = [];
  /** Input line of each output line. */
  readonly src: number[] = [];
  /** Does the last output line end with a `{` that opens a block? */
  lastOpens = false;

  get length(): number {
    return this.src.length;
  }

  push(text: string, src: number, eol: string, opens = false): void {
    this.parts.push(text, eol);
    this.src.push(src);
    this.lastOpens = opens;
  }

  text(k: number): string {
    return this.parts[2 * k];
  }

  setText(k: number, text: string): void {
    this.parts[2 * k] = text;
  }
}

export interface Layout {
  /** Offset of each input line, and just past its line break. */
  lineStarts: number[];
  lineEnds: number[];
  out: Output;
  /** For input lines whose `{` moved up: the input line it moved onto. */
  mergedInto: Map<number, number>;
  eol: string;
}

type Item = { kind: "open" } | { kind: "close" } | { kind: "words"; text: string };

const MAX_INDENT = 64;

function indentUnit(options: FormatOptions): string {
  const n = options.indent;
  if (n === "tab") return "\t";
  if (typeof n === "number" && Number.isInteger(n) && n >= 0) return " ".repeat(Math.min(n, MAX_INDENT));
  return "    ";
}

function fits(text: string, eol: string): boolean {
  return fitsLine(text, eol.length);
}

/** Trailing spaces and tabs are dropped by keepalived (decomment()). */
function trimEnd(s: string): string {
  const t = s.replace(/[ \t]+$/, "");
  // a `\r` right before the line break would become part of a CRLF break
  return t.endsWith("\r") ? s : t;
}

/** A code line as words, braces and an optional trailing comment; glued tokens stay glued. */
function itemsOf(tokens: CstToken[]): { items: Item[]; comment?: { text: string; glued: boolean } } {
  const items: Item[] = [];
  let words = "";
  let blankBefore = false;
  let prevWasContent = false;
  const flush = () => {
    if (words !== "") items.push({ kind: "words", text: words });
    words = "";
  };
  for (const t of tokens) {
    switch (t.type) {
      case "Blank":
        blankBefore = true;
        continue;
      case "LBrace":
      case "RBrace":
        flush();
        items.push({ kind: t.type === "LBrace" ? "open" : "close" });
        prevWasContent = false;
        break;
      case "Comment":
        flush();
        // A comment's trailing blanks (\r included) carry nothing, and a kept \r would join the line break.
        return { items, comment: { text: t.text.replace(/[ \t\f\v\r]+$/, ""), glued: prevWasContent && !blankBefore } };
      default:
        // a quote glued to a word is a separate word for keepalived but one for its script reader: keep it glued
        words += words === "" ? t.text : (blankBefore ? " " : "") + t.text;
        prevWasContent = true;
    }
    blankBefore = false;
  }
  flush();
  return { items };
}

const enum Shape {
  Other,
  /** `<indent>word word` */
  Words,
  /** `<indent>word word {` */
  Opens,
  /** `<indent>}` */
  Close,
}

/** Is this code line already exactly what the layout would print? (The common case, checked cheaply.) */
function canonicalShape(tokens: CstToken[], indent: string, closeIndent: string): Shape {
  let k = 0;
  let leading = "";
  if (tokens.length > 0 && tokens[0].type === "Blank") {
    leading = tokens[0].text;
    k = 1;
  }
  const first = tokens[k];
  if (first === undefined) return Shape.Other;
  if (first.type === "RBrace") return k + 1 === tokens.length && leading === closeIndent ? Shape.Close : Shape.Other;
  if (leading !== indent || (first.type !== "Word" && first.type !== "Quoted")) return Shape.Other;
  for (k++; k < tokens.length; k += 2) {
    const blank = tokens[k];
    const next = tokens[k + 1];
    if (blank.type !== "Blank" || blank.text !== " " || next === undefined) return Shape.Other;
    if (next.type === "LBrace") return k + 2 === tokens.length ? Shape.Opens : Shape.Other;
    if (next.type !== "Word" && next.type !== "Quoted") return Shape.Other;
  }
  return Shape.Words;
}

export function layout(text: string, options: FormatOptions = {}): Layout {
  const firstBreak = text.indexOf("\n");
  const style = firstBreak > 0 && text[firstBreak - 1] === "\r" ? "\r\n" : "\n";
  const lineStarts: number[] = [];
  const lineEnds: number[] = [];
  const unit = indentUnit(options);
  const out = new Output();
  const mergedInto = new Map<number, number>();
  let depth = 0;
  let off = false;
  /** First blank input line of a pending run, -1 when none. */
  let blank = -1;
  let blankForced = false;
  /** out index of a line a following `{` may join, -1 when none. */
  let joinable = -1;
  let joinableSrc = -1;

  const indents: string[] = [];
  const ind = (d: number) => (d <= 0 ? "" : (indents[d] ??= unit.repeat(d)));
  const push = (text: string, src: number, eol = style, opens = false, closes = false) => {
    if (blank >= 0) {
      // no blank line right after `{`, before `}` or at the top, unless it ends a multiline definition
      const afterOpen = out.length === 0 || out.lastOpens;
      const beforeClose = closes;
      if (blankForced || (!afterOpen && !beforeClose)) out.push("", blank, style);
      blank = -1;
      blankForced = false;
    }
    out.push(text, src, eol, opens);
  };

  scanLines(text, (line, i) => {
    lineStarts.push(line.start);
    lineEnds.push(line.end);
    const directive = formatDirective(line);
    if (off) {
      if (directive === "on") {
        off = false;
        push(ind(depth) + trimEnd(line.text.trimStart()), i);
      } else {
        // left exactly as written, line break included
        out.push(line.text, i, line.eol === "" || line.eol === "\r" ? style : line.eol);
        depth = Math.max(0, depth + line.braceDelta);
      }
      joinable = -1;
      return;
    }
    switch (line.kind) {
      case "blank":
        if (blank < 0) blank = i;
        if (line.endsDefinition) blankForced = true;
        return;
      case "comment":
        push(ind(depth) + trimEnd(line.text.trimStart()), i);
        if (directive === "off") off = true;
        joinable = -1;
        return;
      case "verbatim":
        push(line.text, i);
        depth = Math.max(0, depth + line.braceDelta);
        joinable = -1;
        return;
      case "reindent":
        pushReindented(i, line);
        joinable = -1;
        return;
      case "code":
        layoutCode(i, line);
        return;
    }
  });

  function pushReindented(i: number, line: PhysLine) {
    const own = Math.max(0, depth - line.leadingCloses);
    const body = line.tokens.some((t) => t.type === "OpenQuote") ? line.text.trimStart() : trimEnd(line.text.trimStart());
    const text = ind(own) + body;
    push(fits(text, style) ? text : line.text, i, style, line.braceDelta > 0, line.leadingCloses > 0);
    depth = Math.max(0, depth + line.braceDelta);
  }

  function layoutCode(i: number, line: PhysLine) {
    const shape = canonicalShape(line.tokens, ind(depth), ind(depth - 1));
    if (shape !== Shape.Other) {
      // already in canonical layout: the general path below would give the same text
      if (shape === Shape.Close) depth = Math.max(0, depth - 1);
      push(line.text, i, style, shape === Shape.Opens, shape === Shape.Close);
      if (shape === Shape.Opens) depth++;
      joinable = shape === Shape.Words ? out.length - 1 : -1;
      joinableSrc = i;
      return;
    }
    const { items, comment } = itemsOf(line.tokens);
    const planned: { text: string; opens: boolean; closes: boolean }[] = [];
    let d = depth;
    let joinPrev = false;
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      if (it.kind === "open") {
        if (k > 0 && items[k - 1].kind === "words") {
          planned[planned.length - 1].text += " {";
          planned[planned.length - 1].opens = true;
        } else if (k === 0 && joinable >= 0 && fits(out.text(joinable) + " {", style)) joinPrev = true;
        else planned.push({ text: ind(d) + "{", opens: true, closes: false });
        d++;
      } else if (it.kind === "close") {
        d = Math.max(0, d - 1);
        planned.push({ text: ind(d) + "}", opens: false, closes: true });
      } else {
        planned.push({ text: ind(d) + it.text, opens: false, closes: false });
      }
    }
    let joinedText = joinPrev ? out.text(joinable) + " {" : "";
    if (comment) {
      const sep = comment.glued ? "" : " ";
      if (planned.length > 0) planned[planned.length - 1].text += sep + comment.text;
      // only `{ # comment`: the comment follows the brace onto the keyword line
      else if (joinPrev) joinedText += " " + comment.text;
      else planned.push({ text: ind(d) + comment.text, opens: false, closes: false });
    }
    if (!planned.every((p) => fits(p.text, style)) || (joinPrev && !fits(joinedText, style))) {
      pushReindented(i, line);
      joinable = -1;
      return;
    }
    if (joinPrev) {
      out.setText(joinable, joinedText);
      // joinable is always the last output line: only blank lines (still pending) came after it
      out.lastOpens = true;
      mergedInto.set(i, joinableSrc);
      // blank lines between the keyword and its `{` go with the brace
      blank = -1;
      blankForced = false;
    }
    // an already formatted line keeps its own string (a slice of the input: less memory than a new one)
    if (planned.length === 1 && planned[0].text === line.text) planned[0].text = line.text;
    for (const p of planned) push(p.text, i, style, p.opens, p.closes);
    depth = d;
    const last = items[items.length - 1];
    joinable = !comment && last?.kind === "words" ? out.length - 1 : -1;
    joinableSrc = i;
  }

  return { lineStarts, lineEnds, out, mergedInto, eol: style };
}

/** Joins a layout into the formatted text (always ending with a line break when not empty). */
export function render(out: Output): string {
  return out.parts.join("");
}
