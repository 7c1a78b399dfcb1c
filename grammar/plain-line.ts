/**
 * The reader's fast path. Most lines of a configuration are words, blanks,
 * braces and perhaps a comment; for those, keepalived's tokenizer and the
 * chevrotain lexer agree in the obvious way, so the words are found by one
 * scan of char codes without building tokens. A line with anything that needs
 * the lexer's care — a backslash, NUL, a `\r` inside the line, a `$`, an
 * unmatched double quote — is marked not plain and goes through the chevrotain
 * lexer instead. A closed double-quoted string is plain: it is one word (also
 * when a word touches it: `x"y z"w` is three words), its text is what lies
 * between the quotes, and `#`, `!`, blanks and braces inside it are text.
 * test/reader/plain-line.test.ts checks both paths read the same AST.
 */

export const OPEN_BRACE = -1;
export const CLOSE_BRACE = -2;

const WORD = 0;
const BLANK = 1;
const OPEN = 2;
const CLOSE = 3;
const COMMENT = 4;
const SPECIAL = 5;
const NEWLINE = 6;
const CR = 7;
const QUOTE = 8;

/** Class of each ASCII code; every code from 128 up is a word character (keepalived splits on ASCII blanks only). */
const CLASS = (() => {
  const t = new Uint8Array(128);
  for (const c of [32, 9, 12, 11]) t[c] = BLANK; // keepalived's blanks: space, \t, \f, \v
  t[123] = OPEN;
  t[125] = CLOSE;
  t[35] = COMMENT; // #
  t[33] = COMMENT; // !
  for (const c of [92, 36, 0]) t[c] = SPECIAL; // \ $ NUL
  t[34] = QUOTE; // "
  t[10] = NEWLINE;
  t[13] = CR;
  return t;
})();

export class PlainLineScanner {
  /**
   * Items of the last plain line, in order, as pairs: a word is
   * (start, end); a brace is (offset, OPEN_BRACE | CLOSE_BRACE). A quoted
   * word's span includes its quotes, so it is the only word that starts
   * with `"` (an unquoted word never holds one).
   */
  items = new Int32Array(64);
  /** Number of pairs in `items`. */
  count = 0;
  /** Could the last line be read here? */
  plain = false;
  /** End of the last line's text (before "\n" or "\r\n"). */
  lineEnd = 0;
  /** Where the next line starts. */
  next = 0;
  /** Offset of the line's comment (`#`/`!`), or -1. */
  commentAt = -1;
  /** Does the comment hold a backslash (keepalived 2.2.7 may continue a definition there)? */
  commentBackslash = false;

  /**
   * Scans the physical line that starts at `start`. Words, the common item,
   * are stored through locals rather than push(): this loop reads every
   * character of a configuration, and the fields' loads and stores made it
   * half again as slow (measured on the 500,000-line benchmark config).
   */
  scan(text: string, start: number): void {
    const n = text.length;
    this.commentAt = -1;
    this.commentBackslash = false;
    this.plain = true;
    let items = this.items;
    let count = 0;
    let wordStart = -1;
    let i = start;
    // Indentation first: most lines start with it, and a blank before any word needs no class lookup.
    while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      const k = c < 128 ? CLASS[c] : WORD;
      if (k === WORD) {
        if (wordStart < 0) wordStart = i;
        continue;
      }
      if (wordStart >= 0) {
        if (2 * count + 2 > items.length) items = this.grow();
        items[2 * count] = wordStart;
        items[2 * count + 1] = i;
        count++;
        wordStart = -1;
      }
      if (k === BLANK) continue;
      // Everything else is rare: through push() and the fields.
      this.count = count;
      if (k === QUOTE) {
        const close = this.quoted(text, i);
        if (close < 0) return this.refuse(text, i);
        this.push(i, close + 1);
        i = close;
      } else if (k === OPEN) this.push(i, OPEN_BRACE);
      else if (k === CLOSE) this.push(i, CLOSE_BRACE);
      else if (k === NEWLINE) return this.end(i, i + 1);
      else if (k === CR && i + 1 < n && text.charCodeAt(i + 1) === 10) return this.end(i, i + 2);
      else if (k === COMMENT) return this.comment(text, i);
      else return this.refuse(text, i); // SPECIAL, or a \r inside the line
      items = this.items;
      count = this.count;
    }
    this.count = count;
    if (wordStart >= 0) this.push(wordStart, n);
    this.end(n, n);
  }

  /**
   * The closing quote of the string opened at `open`, or -1 when the lexer
   * must read it: unmatched on the line, or holding a character the lexer
   * treats with care (NUL, `\r`) or the preprocessor rewrites (`$` is
   * substituted inside quotes too; a backslash is kept off the fast path).
   */
  private quoted(text: string, open: number): number {
    const n = text.length;
    for (let i = open + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) return i;
      if (c === 10 || c === 13 || c === 0 || c === 36 || c === 92) return -1;
    }
    return -1;
  }

  private end(lineEnd: number, next: number) {
    this.lineEnd = lineEnd;
    this.next = next;
  }

  /** The rest of the line is a comment: find its end (and note a backslash in it). */
  private comment(text: string, at: number) {
    this.commentAt = at;
    const n = text.length;
    for (let i = at + 1; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) return this.end(i > at + 1 && text.charCodeAt(i - 1) === 13 ? i - 1 : i, i + 1);
      if (c === 92) this.commentBackslash = true;
    }
    this.end(n, n);
  }

  private refuse(text: string, at: number) {
    this.plain = false;
    const nl = text.indexOf("\n", at);
    if (nl < 0) this.end(text.length, text.length);
    else this.end(nl > at && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl, nl + 1);
  }

  private push(a: number, b: number) {
    const k = this.count * 2;
    if (k + 2 > this.items.length) this.grow();
    this.items[k] = a;
    this.items[k + 1] = b;
    this.count++;
  }

  /** Doubles `items` (a 1023-character line holds up to 512 words and braces). */
  private grow(): Int32Array<ArrayBuffer> {
    const bigger = new Int32Array(this.items.length * 2);
    bigger.set(this.items);
    this.items = bigger;
    return bigger;
  }
}
