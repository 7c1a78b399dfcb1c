/**
 * The formatter's fast path: most lines of a large configuration are only
 * words, spaces, tabs and braces. Such a line is cut here straight from the
 * char codes, without token objects; anything else (quotes, comments, `$`,
 * `@`/`~` prefixes, includes, backslashes, NUL, blanks other than space and
 * tab, very long lines) is left to the general path (lines.ts), which gives
 * the same result for simple lines, only slower.
 */

export const BLANK = 0;
export const WORD = 1;
export const OPEN = 2;
export const CLOSE = 3;

/** What a char code is to the fast path (ASCII only; everything from 128 up is a word char, as in the lexer). */
const WORD_CHAR = 0;
const SPACE_CHAR = 1;
const OPEN_CHAR = 2;
const CLOSE_CHAR = 3;
/** Needs the general path. */
const OTHER_CHAR = 4;

const CLASS = new Uint8Array(128);
for (const c of [0, 11, 12, 13, 10, 34, 35, 33, 92, 36]) CLASS[c] = OTHER_CHAR; // NUL VT FF CR LF " # ! \ $
CLASS[32] = SPACE_CHAR;
CLASS[9] = SPACE_CHAR;
CLASS[123] = OPEN_CHAR;
CLASS[125] = CLOSE_CHAR;

const AT = 64;
const TILDE = 126;

/**
 * Longest line the fast path takes: 3 UTF-8 bytes per UTF-16 unit still fit
 * keepalived's 1023-byte line, so no byte count is needed (lines.ts fitsLine).
 */
export const MAX_SIMPLE_CHARS = 330;

/**
 * Tokens of the simple line `text[start, end)`, as (kind, start, end) triples
 * in `out` (which needs room for 3 × (MAX_SIMPLE_CHARS + 1) numbers). Returns
 * their count, or -1 when the line needs the general path.
 */
export function scanSimple(text: string, start: number, end: number, out: Int32Array): number {
  if (end - start > MAX_SIMPLE_CHARS) return -1;
  let n = 0;
  let i = start;
  let statementStart = true;
  while (i < end) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? CLASS[c] : WORD_CHAR;
    const from = i;
    let kind: number;
    if (cls === SPACE_CHAR) {
      i++;
      while (i < end) {
        const d = text.charCodeAt(i);
        if (d !== 32 && d !== 9) break;
        i++;
      }
      kind = BLANK;
    } else if (cls === WORD_CHAR) {
      // `@id` lines and `~SEQ` loops are read by keepalived before its brace split
      if (c === AT || c === TILDE) return -1;
      // include lines take the rest of the line as one glob
      if (statementStart && c === 105 && text.startsWith("include", i)) return -1;
      i++;
      while (i < end) {
        const d = text.charCodeAt(i);
        const dc = d < 128 ? CLASS[d] : WORD_CHAR;
        if (dc !== WORD_CHAR) {
          if (dc === OTHER_CHAR) return -1;
          break;
        }
        i++;
      }
      kind = WORD;
      statementStart = false;
    } else if (cls === OPEN_CHAR || cls === CLOSE_CHAR) {
      i++;
      kind = cls === OPEN_CHAR ? OPEN : CLOSE;
      statementStart = true;
    } else {
      return -1;
    }
    out[3 * n] = kind;
    out[3 * n + 1] = from;
    out[3 * n + 2] = i;
    n++;
  }
  return n;
}

export const NOT_CANONICAL = 0;
export const CANONICAL_WORDS = 1;
export const CANONICAL_OPENS = 2;
export const CANONICAL_CLOSE = 3;

/**
 * Is the line `text[start, end)` a simple line (scanSimple would take it)
 * exactly in canonical layout: `<indent>word word`, `<indent>word word {` or
 * `<closeIndent>}`? The common case of a formatted file, checked in one pass
 * without tokens.
 */
export function canonicalSimple(text: string, start: number, end: number, indent: string, closeIndent: string): number {
  const length = end - start;
  if (length > MAX_SIMPLE_CHARS) return NOT_CANONICAL;
  if (length === closeIndent.length + 1 && text.charCodeAt(end - 1) === 125 && (closeIndent.length === 0 || text.startsWith(closeIndent, start))) {
    return CANONICAL_CLOSE;
  }
  let i = start + indent.length;
  if (i >= end || (indent.length > 0 && !text.startsWith(indent, start))) return NOT_CANONICAL;
  let c = text.charCodeAt(i);
  if (c === 105 && text.startsWith("include", i)) return NOT_CANONICAL;
  for (;;) {
    // at the first char of a word
    if (c === AT || c === TILDE || (c < 128 && CLASS[c] !== WORD_CHAR)) return NOT_CANONICAL;
    for (i++; i < end; i++) {
      c = text.charCodeAt(i);
      if (c >= 128 || CLASS[c] === WORD_CHAR) continue;
      break;
    }
    if (i >= end) return CANONICAL_WORDS;
    // one space, then a word or a final `{`
    if (c !== 32 || i + 1 >= end) return NOT_CANONICAL;
    c = text.charCodeAt(++i);
    if (c === 123) return i + 1 === end ? CANONICAL_OPENS : NOT_CANONICAL;
  }
}
