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
 *
 * The scanner reads char codes from a typed array (CharCodes) rather than
 * the string: an array load is a few instructions, charCodeAt() on a large
 * string many more (a 200,000-line parse: 16% fewer instructions in all).
 */

export const OPEN_BRACE = -1;
export const CLOSE_BRACE = -2;
/** Ends the items of a physical line in a run (scanRun); its offset is where the next line starts. */
export const LINE_END = -3;

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

/** A text's char codes, one per UTF-16 unit (so offsets are the string's): bytes when the text is ASCII. */
export type CharCodes = Uint8Array | Uint16Array;

const encoder = new TextEncoder();

/** The char codes of `text`: its bytes when it is ASCII (the usual configuration), else its UTF-16 units. */
export function charCodes(text: string): CharCodes {
  const bytes = new Uint8Array(text.length);
  // ASCII is the only text whose UTF-8 has one byte per unit: then all of it is read and written.
  const r = encoder.encodeInto(text, bytes);
  if (r.read === text.length && r.written === text.length) return bytes;
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/**
 * The lines a run (scanRun) leaves to its caller: the reader's preprocessor
 * must see a line whose statement starts with `@id`, `~SEQ` or `include`
 * itself, and one that is too long (reported) or, for keepalived 2.2.7, has
 * a backslash in its comment (a definition may go on).
 */
export class RunStops {
  /** Per code below 128: 1 if a statement whose first word starts with it stops the run, 2 if some of `words` start with it. */
  readonly first = new Uint8Array(128);

  /**
   * @param prefixes statements whose first word starts with one of these characters
   * @param words statements whose first word is one of these
   * @param maxLine lines of this many characters or more
   * @param commentBackslash lines whose comment holds a backslash
   */
  constructor(prefixes: string, private readonly words: readonly string[], readonly maxLine: number, readonly commentBackslash: boolean) {
    for (const w of words) this.first[w.charCodeAt(0)] = 2;
    for (let i = 0; i < prefixes.length; i++) this.first[prefixes.charCodeAt(i)] = 1;
  }

  /** Does a statement whose first word is codes[start, end) stop the run? (Only asked when `first` marks its first character.) */
  statement(codes: CharCodes, start: number, end: number): boolean {
    if (this.first[codes[start]] === 1) return true;
    for (const w of this.words) if (w.length === end - start && spells(codes, start, w)) return true;
    return false;
  }
}

/** Is there a backslash in codes[from, to)? */
function hasBackslash(codes: CharCodes, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (codes[i] === 92) return true;
  return false;
}

/** Is `word` spelled at codes[start …]? */
export function spells(codes: CharCodes, start: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (codes[start + i] !== word.charCodeAt(i)) return false;
  return true;
}

export class PlainLineScanner {
  /**
   * Items of the scanned line (scan) or lines (scanRun), in order, as
   * pairs: a word is (start, end); a brace is (offset, OPEN_BRACE |
   * CLOSE_BRACE); in a run, a line with items ends with (next line's
   * start, LINE_END). A quoted word's span includes its quotes, so it is the
   * only word that starts with `"` (an unquoted word never holds one).
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
  /** After scanRun: where the first line it did not take starts (the text's length: none). */
  runEnd = 0;
  /** After scanRun: did it stop at a line it did not take (rather than at the end of the text or at its limit)? */
  stopped = false;

  /** Scans the physical line that starts at `start` (codes: see charCodes): its items and the fields above. */
  scan(codes: CharCodes, start: number): void {
    this.count = 0;
    this.lines(codes, start, undefined, 0);
  }

  /**
   * Scans the lines from `start` on and keeps the plain ones, up to about
   * `limit` items, stopping before a line that is not plain or that `stops`
   * leaves to the caller (runEnd: where that line starts). A run is how the
   * reader reads most of a configuration: one call for thousands of lines.
   */
  scanRun(codes: CharCodes, start: number, stops: RunStops, limit: number): void {
    this.count = 0;
    this.lines(codes, start, stops, limit);
  }

  /**
   * The scan of scan() and scanRun(): one line, or (with `stops`) lines up
   * to `limit` items. Words, the common item, are stored through locals
   * rather than fields: this loop reads every character of a configuration,
   * and the fields' loads and stores made it half again as slow (measured on
   * the 500,000-line benchmark config).
   */
  private lines(codes: CharCodes, start: number, stops: RunStops | undefined, limit: number): void {
    const n = codes.length;
    let items = this.items;
    let count = this.count;
    let lineStart = start;
    // Statements starting with these characters may stop a run (one load per statement, no call).
    const stopFirst = stops?.first;
    for (;;) {
      const mark = count;
      let plain = true;
      let commentAt = -1;
      let lineEnd = n;
      let next = n;
      // Does the next word start a statement (the line's first word, or the first after a brace)?
      let statement = true;
      let stop = false;
      let i = lineStart;
      // Indentation first: most lines start with it, and a blank before any word needs no class lookup.
      while (i < n && (codes[i] === 32 || codes[i] === 9)) i++;
      for (; i < n; i++) {
        let c = codes[i];
        // A word character? Written out above `$` (36), where only `\`, `{` and `}` are not.
        if (c > 36 ? c !== 92 && c !== 123 && c !== 125 : CLASS[c] === WORD) {
          const wordStart = i;
          const first = c;
          while (++i < n && ((c = codes[i]) > 36 ? c !== 92 && c !== 123 && c !== 125 : CLASS[c] === WORD));
          if (2 * count + 2 > items.length) items = this.grow();
          items[2 * count] = wordStart;
          items[2 * count + 1] = i;
          count++;
          if (statement) {
            statement = false;
            if (stopFirst !== undefined && first < 128 && stopFirst[first] !== 0 && stops!.statement(codes, wordStart, i)) stop = true;
          }
          if (i === n) break;
        }
        if (c === 32) continue;
        const k = CLASS[c]; // c < 128 here: every code from 128 up is a word character
        if (k === BLANK) continue;
        if (k === NEWLINE) {
          lineEnd = i;
          next = i + 1;
          break;
        }
        if (k === OPEN || k === CLOSE) {
          if (2 * count + 2 > items.length) items = this.grow();
          items[2 * count] = i;
          items[2 * count + 1] = k === OPEN ? OPEN_BRACE : CLOSE_BRACE;
          count++;
          statement = true;
          continue;
        }
        if (k === QUOTE) {
          const close = this.quoted(codes, i);
          if (close >= 0) {
            if (2 * count + 2 > items.length) items = this.grow();
            items[2 * count] = i;
            items[2 * count + 1] = close + 1;
            count++;
            statement = false; // a quoted word is never `@id`, `~SEQ` or include
            i = close;
            continue;
          }
        } else if (k === CR && i + 1 < n && codes[i + 1] === 10) {
          lineEnd = i;
          next = i + 2;
          break;
        } else if (k === COMMENT) {
          commentAt = i;
          break;
        }
        // An unmatched quote, SPECIAL, or a \r inside the line: the line is the lexer's.
        plain = false;
        break;
      }
      if (i < n && lineEnd === n) {
        // The loop stopped at a comment or a refusal: the line ends before the next "\n" (or "\r\n"), if any.
        const nl = codes.indexOf(10, i);
        if (nl >= 0) {
          lineEnd = nl > i && codes[nl - 1] === 13 ? nl - 1 : nl;
          next = nl + 1;
        }
      }
      if (stops === undefined) {
        this.count = count;
        this.line(plain, commentAt, lineEnd, next, codes);
        return;
      }
      if (!plain || stop || lineEnd - lineStart >= stops.maxLine || (stops.commentBackslash && commentAt >= 0 && hasBackslash(codes, commentAt, lineEnd))) {
        // Not taken: the caller reads this line.
        this.count = mark;
        this.runEnd = lineStart;
        this.stopped = true;
        return;
      }
      if (count > mark) {
        if (2 * count + 2 > items.length) items = this.grow();
        items[2 * count] = next;
        items[2 * count + 1] = LINE_END;
        count++;
      }
      lineStart = next;
      if (lineStart >= n || count >= limit) {
        this.count = count;
        this.runEnd = lineStart;
        this.stopped = false;
        return;
      }
    }
  }

  /** The fields of the line scan() read. */
  private line(plain: boolean, commentAt: number, lineEnd: number, next: number, codes: CharCodes) {
    this.plain = plain;
    this.commentAt = commentAt;
    this.commentBackslash = commentAt >= 0 && hasBackslash(codes, commentAt, lineEnd);
    this.lineEnd = lineEnd;
    this.next = next;
  }

  /**
   * The closing quote of the string opened at `open`, or -1 when the lexer
   * must read it: unmatched on the line, or holding a character the lexer
   * treats with care (NUL, `\r`) or the preprocessor rewrites (`$` is
   * substituted inside quotes too; a backslash is kept off the fast path).
   */
  private quoted(codes: CharCodes, open: number): number {
    const n = codes.length;
    for (let i = open + 1; i < n; i++) {
      const c = codes[i];
      if (c === 34) return i;
      if (c === 10 || c === 13 || c === 0 || c === 36 || c === 92) return -1;
    }
    return -1;
  }

  /** Doubles `items` (a 1023-character line holds up to 512 words and braces; a run holds thousands). */
  private grow(): Int32Array<ArrayBuffer> {
    const bigger = new Int32Array(this.items.length * 2);
    bigger.set(this.items);
    this.items = bigger;
    return bigger;
  }
}
