/**
 * The formatter's fast path: most lines of a large configuration are only
 * words, spaces, tabs and braces. Such a line is cut by the reader's own
 * plain-line scanner (grammar/plain-line.ts), so the formatter and the reader
 * split words and braces in one place. The formatter takes from it only lines
 * without quotes, comments, `@`/`~` words, include lines, blanks other than
 * space and tab, or more than MAX_SIMPLE_CHARS; anything else is left to the
 * general path (lines.ts), which gives the same result for simple lines, only
 * slower.
 */
import { OPEN_BRACE, PlainLineScanner, type CharCodes } from "../../grammar/plain-line.js";

/**
 * Longest line the fast path takes: 3 UTF-8 bytes per UTF-16 unit still fit
 * keepalived's 1023-byte line, so no byte count is needed (lines.ts fitsLine).
 */
export const MAX_SIMPLE_CHARS = 330;

const QUOTE = 34;
const AT = 64;
const TILDE = 126;
const SPACE = 32;
const TAB = 9;

const scanner = new PlainLineScanner();

/**
 * Scans the line `text[start, end)` (`end`: where its line break starts;
 * `codes`: the text's char codes, see charCodes()).
 * Returns its number of items, words and braces, readable through
 * simpleItems() until the next call; -1 when the line needs the general path.
 * Blanks between the items are not checked here: see canonicalShape() and
 * simpleBlanks().
 */
export function scanSimple(text: string, codes: CharCodes, start: number, end: number): number {
  if (end - start > MAX_SIMPLE_CHARS) return -1;
  scanner.scan(codes, start);
  if (!scanner.plain || scanner.commentAt >= 0 || scanner.lineEnd !== end) return -1;
  const items = scanner.items;
  const count = scanner.count;
  for (let k = 0; k < count; k++) {
    if (items[2 * k + 1] < 0) continue;
    const c = text.charCodeAt(items[2 * k]);
    // quoted words keep their text; `@id` lines and `~SEQ` loops are read by keepalived before its brace split
    if (c === QUOTE || c === AT || c === TILDE) return -1;
    // include lines take the rest of the line as one glob
    const startsStatement = k === 0 || items[2 * k - 1] < 0;
    if (startsStatement && c === 105 && text.startsWith("include", items[2 * k])) return -1;
  }
  return count;
}

/** The last scanned line's items, as (start, end) of a word or (offset, OPEN_BRACE | CLOSE_BRACE) of a brace. */
export function simpleItems(): Int32Array {
  return scanner.items;
}

/** Are the blanks around the `count` items of the line text[start, end) only spaces and tabs? */
export function simpleBlanks(text: string, start: number, end: number, count: number): boolean {
  const items = scanner.items;
  let from = start;
  for (let k = 0; k <= count; k++) {
    const to = k < count ? items[2 * k] : end;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c !== SPACE && c !== TAB) return false;
    }
    if (k < count) from = items[2 * k + 1] >= 0 ? items[2 * k + 1] : items[2 * k] + 1;
  }
  return true;
}

export const NOT_CANONICAL = 0;
export const CANONICAL_WORDS = 1;
export const CANONICAL_OPENS = 2;
export const CANONICAL_CLOSE = 3;

/**
 * Is the scanned simple line `text[start, end)` of `count` items exactly in
 * canonical layout: `<indent>word word`, `<indent>word word {` or
 * `<closeIndent>}`? The common case of a formatted file: what the general
 * path would print is the line itself.
 */
export function canonicalShape(text: string, start: number, end: number, count: number, indent: string, closeIndent: string): number {
  const items = scanner.items;
  if (count === 0) return NOT_CANONICAL;
  if (items[1] < 0) {
    // only `}` alone on its line, indented one level less
    const closeAlone = count === 1 && items[1] !== OPEN_BRACE && end - start === closeIndent.length + 1;
    return closeAlone && (closeIndent.length === 0 || text.startsWith(closeIndent, start)) ? CANONICAL_CLOSE : NOT_CANONICAL;
  }
  if (items[0] !== start + indent.length || (indent.length > 0 && !text.startsWith(indent, start))) return NOT_CANONICAL;
  let last = items[1];
  for (let k = 1; k < count; k++) {
    // one space, then a word or a final `{`
    if (items[2 * k] !== last + 1 || text.charCodeAt(last) !== SPACE) return NOT_CANONICAL;
    if (items[2 * k + 1] < 0) return items[2 * k + 1] === OPEN_BRACE && k === count - 1 && items[2 * k] === end - 1 ? CANONICAL_OPENS : NOT_CANONICAL;
    last = items[2 * k + 1];
  }
  return last === end ? CANONICAL_WORDS : NOT_CANONICAL;
}
