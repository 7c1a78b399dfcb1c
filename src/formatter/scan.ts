/**
 * A hand-written twin of grammar/lexer.ts for the formatter's hot path: the
 * same token types and boundaries (test/format/scan.test.ts checks it against
 * the chevrotain lexer on random text), in one pass over char codes. The
 * formatter reads every token of a 500,000-line file once; the generic lexer
 * made that several times slower than keepalived reading the same file.
 */
import type { CstToken, CstTokenType } from "../../grammar/cst.js";

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
const FF = 12;
const VT = 11;
const QUOTE = 34;
const HASH = 35;
const BANG = 33;
const LBRACE = 123;
const RBRACE = 125;
const BACKSLASH = 92;
const NUL = 0;

function isBlank(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === SPACE || c === TAB || c === FF || c === VT || (c === CR && text.charCodeAt(i + 1) !== LF);
}

/** End of the line's rest from `i` (stops before `\n` or a `\r\n`). */
function restOfLine(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) === LF)) break;
    i++;
  }
  return i;
}

/** Like restOfLine, but a final `\r` (before `\n` or at the end of the text) is left out, as the lexer's Comment does. */
function restOfComment(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && (i + 1 >= n || text.charCodeAt(i + 1) === LF))) break;
    i++;
  }
  return i;
}

function isWordChar(c: number): boolean {
  return !(c === SPACE || c === TAB || c === FF || c === VT || c === CR || c === LF || c === QUOTE || c === LBRACE || c === RBRACE || c === HASH || c === BANG || c === BACKSLASH || c === NUL);
}

/** Tokens of `text[from, to)` (offsets into `text`), as grammar/lexer.ts cuts them. */
export function scanTokens(text: string, from = 0, to = text.length): CstToken[] {
  const out: CstToken[] = [];
  let i = from;
  const tok = (type: CstTokenType, end: number) => {
    out.push({ type, text: text.slice(i, end), start: i });
    i = end;
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === LF) tok("Newline", i + 1);
    else if (c === CR && text.charCodeAt(i + 1) === LF) tok("Newline", i + 2);
    else if (isBlank(text, i)) {
      let j = i + 1;
      while (j < to && isBlank(text, j)) j++;
      tok("Blank", j);
    } else if (c === HASH || c === BANG) tok("Comment", restOfComment(text, i + 1));
    else if (c === NUL) tok("Nul", restOfLine(text, i + 1));
    else if (c === LBRACE) tok("LBrace", i + 1);
    else if (c === RBRACE) tok("RBrace", i + 1);
    else if (c === QUOTE) {
      let j = i + 1;
      const n = text.length;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === QUOTE || d === LF || (d === CR && (j + 1 >= n || text.charCodeAt(j + 1) === LF))) break;
        j++;
      }
      if (j < n && text.charCodeAt(j) === QUOTE) tok("Quoted", j + 1);
      else tok("OpenQuote", j);
    } else {
      // a word: ordinary characters, `\#` / `\!` pairs, and lone backslashes
      let j = i;
      while (j < to) {
        const d = text.charCodeAt(j);
        if (d === BACKSLASH) {
          const e = text.charCodeAt(j + 1);
          j += e === HASH || e === BANG ? 2 : 1;
        } else if (isWordChar(d)) j++;
        else break;
      }
      tok("Word", j);
    }
  }
  return out;
}
