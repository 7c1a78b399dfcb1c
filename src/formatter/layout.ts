/**
 * The canonical layout, computed line by line from the lossless tree.
 *
 * Invariant that keeps the meaning: the sequence of logical lines keepalived
 * reads does not change. Code lines are cut only at braces (keepalived cuts
 * there itself) and a `{` only moves up onto the line that ends right before
 * it; everything else is re-indented (indentation is dropped by keepalived)
 * or left exactly as written.
 */
import type { TemplateEngine } from "../../grammar/template/index.js";
import type { CstToken } from "../../grammar/cst.js";
import { DefinitionTracker, fitsLine, formatDirective, MAX_LINE_BYTES, readLine, type PhysLine } from "./lines.js";
import type { Output } from "./output.js";
import { charCodes, OPEN_BRACE } from "../../grammar/plain-line.js";
import { CANONICAL_CLOSE, CANONICAL_OPENS, CANONICAL_WORDS, canonicalShape, NOT_CANONICAL, scanSimple, simpleBlanks, simpleItems } from "./simple.js";

export interface FormatOptions {
  /** Spaces per level, or "tab". Default 4. */
  indent?: number | "tab";
  /** The text is a template of this engine: only literal lines are re-indented (template.ts). */
  template?: TemplateEngine;
}

export interface Layout<O extends Output> {
  /** Offset of each input line, and just past its line break (only when tracked). */
  lineStarts: number[];
  lineEnds: number[];
  out: O;
  /** For input lines whose `{` moved up: the input line it moved onto (only when tracked). */
  mergedInto: Map<number, number>;
  eol: string;
}

type Item = { kind: "open" } | { kind: "close" } | { kind: "words"; text: string };

const MAX_INDENT = 64;
/** Deepest level that is indented further (docs/limits.md). */
const MAX_DEPTH = 32;

export function indentUnit(options: FormatOptions): string {
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

/**
 * An own-line comment, without the blanks around it. Its trailing blanks carry
 * nothing, and a `\r` kept there would join the line break into a CRLF (and
 * the blanks before it would go on the next run: not idempotent).
 */
function trimComment(s: string): string {
  return s.trimStart().replace(/[ \t\f\v\r]+$/, "");
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
function canonicalTokenShape(tokens: CstToken[], indent: string, closeIndent: string): Shape {
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

const BLANK_RUN = /[ \t]+/g;
const CR = 13;
/** Scratch space for the lines a simple line becomes. */
const plannedText: string[] = [];
const plannedFlags: number[] = [];

/**
 * Lays `text` out into `out`. With `track`, also records where each input line
 * is and which `{` moved up (range formatting needs both).
 */
export function layout<O extends Output>(text: string, options: FormatOptions, out: O, track = false): Layout<O> {
  const firstBreak = text.indexOf("\n");
  const style = firstBreak > 0 && text[firstBreak - 1] === "\r" ? "\r\n" : "\n";
  const lineStarts: number[] = [];
  const lineEnds: number[] = [];
  const unit = indentUnit(options);
  const mergedInto = new Map<number, number>();
  const defs = new DefinitionTracker();
  let depth = 0;
  let off = false;
  /** First blank input line of a pending run, -1 when none. */
  let blank = -1;
  let blankForced = false;
  /** The pending blank line is empty and ends in `style`: it is output as written, from `blankStart`. */
  let blankCopies = false;
  let blankStart = 0;
  /** out index of a line a following `{` may join, -1 when none. */
  let joinable = -1;
  let joinableSrc = -1;

  const indents: string[] = [];
  // Indentation stops growing at MAX_DEPTH levels: no configuration nests that deep, and an indentation
  // per level would make the output (and the work) quadratic in the nesting of unclosed blocks.
  const ind = (d: number) => (d <= 0 ? "" : (indents[Math.min(d, MAX_DEPTH)] ??= unit.repeat(Math.min(d, MAX_DEPTH))));
  const flushBlank = (closes: boolean) => {
    // no blank line right after `{`, before `}` or at the top, unless it ends a multiline definition
    const afterOpen = out.length === 0 || out.lastOpens;
    if (blankForced || (!afterOpen && !closes)) {
      if (blankCopies) out.copy(blankStart, blankStart, blankStart + style.length, blank, false);
      else out.push("", blank, style, false);
    }
    blank = -1;
    blankForced = false;
  };
  const push = (text: string, src: number, eol = style, opens = false, closes = false) => {
    if (blank >= 0) flushBlank(closes);
    out.push(text, src, eol, opens);
  };
  /** Input line `src` as written, line break included (which must be `style`, or the text must stay as written). */
  const copy = (start: number, textEnd: number, end: number, src: number, opens: boolean, closes: boolean) => {
    if (blank >= 0) flushBlank(closes);
    out.copy(start, textEnd, end, src, opens);
  };

  const n = text.length;
  // What the fast path's scanner reads (one pass over the text).
  const codes = charCodes(text);
  for (let i = 0, start = 0; start < n; i++) {
    const nl = text.indexOf("\n", start);
    const end = nl < 0 ? n : nl + 1;
    const textEnd = nl < 0 ? n : nl > start && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    if (track) {
      lineStarts.push(start);
      lineEnds.push(end);
    }
    if (nl < 0 || off || defs.inDefinition || !simpleLine(i, start, textEnd, end)) general(i, readLine(text, start, textEnd, end));
    start = end;
  }

  /** The fast path (see simple.ts); false when the line needs the general one. Does nothing then. */
  function simpleLine(i: number, start: number, textEnd: number, end: number): boolean {
    const count = scanSimple(text, codes, start, textEnd);
    if (count < 0) return false;
    const eolMatches = end - textEnd === style.length;
    // already in canonical layout: what the general path would print is the line itself
    const shape = canonicalShape(text, start, textEnd, count, ind(depth), ind(depth - 1));
    if (shape !== NOT_CANONICAL) {
      const opens = shape === CANONICAL_OPENS;
      const closes = shape === CANONICAL_CLOSE;
      if (closes) depth = Math.max(0, depth - 1);
      if (eolMatches) copy(start, textEnd, end, i, opens, closes);
      else push(text.slice(start, textEnd), i, style, opens, closes);
      if (opens) depth++;
      joinable = shape === CANONICAL_WORDS ? out.length - 1 : -1;
      joinableSrc = i;
      return true;
    }
    if (!simpleBlanks(text, start, textEnd, count)) return false;
    if (count === 0) {
      if (blank < 0) {
        blank = i;
        blankCopies = textEnd === start && eolMatches;
        blankStart = start;
      }
      return true;
    }
    const items = simpleItems();
    // reused arrays: most lines of a messy file come this way
    const planned = plannedText;
    const flags = plannedFlags;
    let np = 0;
    let d = depth;
    let joinPrev = false;
    let prevWords = false;
    /** Words runs and braces placed so far. */
    let placed = 0;
    for (let k = 0; k < count; k++) {
      const brace = items[2 * k + 1];
      if (brace >= 0) {
        // a run of words, joined by single spaces
        const first = items[2 * k];
        let last = brace;
        let single = true;
        let m = k + 1;
        for (; m < count && items[2 * m + 1] >= 0; m++) {
          if (items[2 * m] - last !== 1 || text.charCodeAt(last) !== 32) single = false;
          last = items[2 * m + 1];
        }
        // one flat string either way (a concatenation per word left the final join to flatten each)
        const words = single ? text.slice(first, last) : text.slice(first, last).replace(BLANK_RUN, " ");
        planned[np] = ind(d) + words;
        flags[np++] = 0;
        k = m - 1;
        prevWords = true;
      } else if (brace === OPEN_BRACE) {
        if (placed > 0 && prevWords) {
          planned[np - 1] += " {";
          flags[np - 1] = OPENS;
        } else if (placed === 0 && joinable >= 0 && fitsWith(out.lastLength() + 2, () => out.lastText() + " {")) joinPrev = true;
        else {
          planned[np] = ind(d) + "{";
          flags[np++] = OPENS;
        }
        d++;
        prevWords = false;
      } else {
        d = Math.max(0, d - 1);
        planned[np] = ind(d) + "}";
        flags[np++] = CLOSES;
        prevWords = false;
      }
      placed++;
    }
    for (let k = 0; k < np; k++) if (!fits(planned[k], style)) return false;
    if (joinPrev) {
      out.appendToLast(" {");
      out.lastOpens = true;
      if (track) mergedInto.set(i, joinableSrc);
      blank = -1;
      blankForced = false;
    }
    for (let k = 0; k < np; k++) push(planned[k], i, style, flags[k] === OPENS, flags[k] === CLOSES);
    depth = d;
    joinable = prevWords ? out.length - 1 : -1;
    joinableSrc = i;
    return true;
  }

  function fitsWith(length: number, textOf: () => string): boolean {
    return length * 3 + style.length <= MAX_LINE_BYTES || fits(textOf(), style);
  }

  function general(i: number, line: PhysLine) {
    defs.mark(line);
    const directive = formatDirective(line);
    if (off) {
      if (directive === "on") {
        off = false;
        push(ind(depth) + trimComment(line.text), i);
      } else {
        // left exactly as written, line break included
        if (line.eol === "" || line.eol === "\r") out.push(line.text, i, style, false);
        else out.copy(line.start, line.end - line.eol.length, line.end, i, false);
        depth = Math.max(0, depth + line.braceDelta);
      }
      joinable = -1;
      return;
    }
    switch (line.kind) {
      case "blank":
        if (blank < 0) {
          blank = i;
          blankCopies = false;
        }
        if (line.endsDefinition) blankForced = true;
        return;
      case "comment":
        push(ind(depth) + trimComment(line.text), i);
        if (directive === "off") off = true;
        joinable = -1;
        return;
      case "verbatim":
        if (line.eol === style) copy(line.start, line.end - line.eol.length, line.end, i, false, false);
        else push(line.text, i);
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
  }

  function pushReindented(i: number, line: PhysLine) {
    const own = Math.max(0, depth - line.leadingCloses);
    const body = line.tokens.some((t) => t.type === "OpenQuote") ? line.text.trimStart() : trimEnd(line.text.trimStart());
    const text = ind(own) + body;
    push(fits(text, style) ? text : line.text, i, style, line.braceDelta > 0, line.leadingCloses > 0);
    depth = Math.max(0, depth + line.braceDelta);
  }

  function layoutCode(i: number, line: PhysLine) {
    const shape = canonicalTokenShape(line.tokens, ind(depth), ind(depth - 1));
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
        } else if (k === 0 && joinable >= 0 && fits(out.lastText() + " {", style)) joinPrev = true;
        else planned.push({ text: ind(d) + "{", opens: true, closes: false });
        d++;
      } else if (it.kind === "close") {
        d = Math.max(0, d - 1);
        planned.push({ text: ind(d) + "}", opens: false, closes: true });
      } else {
        planned.push({ text: ind(d) + it.text, opens: false, closes: false });
      }
    }
    let joinedText = joinPrev ? out.lastText() + " {" : "";
    let joinedSuffix = " {";
    if (comment) {
      const sep = comment.glued ? "" : " ";
      if (planned.length > 0) planned[planned.length - 1].text += sep + comment.text;
      // only `{ # comment`: the comment follows the brace onto the keyword line
      else if (joinPrev) {
        joinedText += " " + comment.text;
        joinedSuffix += " " + comment.text;
      }
      else planned.push({ text: ind(d) + comment.text, opens: false, closes: false });
    }
    if (!planned.every((p) => fits(p.text, style)) || (joinPrev && !fits(joinedText, style))) {
      pushReindented(i, line);
      joinable = -1;
      return;
    }
    if (joinPrev) {
      // joinable is always the last output line: only blank lines (still pending) came after it
      out.appendToLast(joinedSuffix);
      out.lastOpens = true;
      if (track) mergedInto.set(i, joinableSrc);
      // blank lines between the keyword and its `{` go with the brace
      blank = -1;
      blankForced = false;
    }
    for (const p of planned) push(p.text, i, style, p.opens, p.closes);
    depth = d;
    const last = items[items.length - 1];
    joinable = !comment && last?.kind === "words" ? out.length - 1 : -1;
    joinableSrc = i;
  }

  return { lineStarts, lineEnds, out, mergedInto, eol: style };
}

const OPENS = 1;
const CLOSES = 2;
