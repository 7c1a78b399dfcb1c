/**
 * A file as the reader saw it, with a lazily built line table so that
 * offsets become line/column only at the edges (formats, editor).
 */

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (what editors count). */
  column: number;
}

/** How a text differs from an earlier version of it: [start, oldEnd) of the earlier text became [start, newEnd). */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export class SourceFile {
  private starts: Int32Array | undefined;
  /** An earlier version whose line table is built, and the edit since: this file's table is made from it. */
  private earlier: { file: SourceFile; edit: TextEdit } | undefined;

  constructor(
    /** Path as the reader resolved it (absolute when the front end gave an absolute path). */
    readonly path: string,
    readonly text: string,
    /**
     * The same file before one edit, when known: the line table is then its
     * table with the edited stretch scanned again, not the whole text (an
     * editor asks after every keystroke, at 50,000 lines too). Kept only if
     * that table is built, so versions never chain.
     */
    earlier?: { file: SourceFile; edit: TextEdit },
  ) {
    if (earlier?.file.starts) this.earlier = earlier;
  }

  /**
   * Offsets at which each line starts (line 1 at index 0). Typed: after an
   * edit the table is the earlier one's, copied in one move up to the edit
   * and moved by a number after it (a list of numbers built entry by entry
   * cost ~1 ms per keystroke at 50,000 lines).
   */
  get lineStarts(): Int32Array {
    if (!this.starts) {
      this.starts = this.earlier ? this.startsAfterEdit(this.earlier.file.starts!, this.earlier.edit) : this.scanStarts();
      this.earlier = undefined;
    }
    return this.starts;
  }

  private scanStarts(): Int32Array {
    const t = this.text;
    // One pass, into room for a line per 16 characters (doubled when short), then cut to size:
    // a second pass to count the lines first cost a third more on a 10 MB file.
    let s = new Int32Array((t.length >> 4) + 16);
    let k = 1;
    for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) {
      if (k === s.length) {
        const grown = new Int32Array(2 * k);
        grown.set(s);
        s = grown;
      }
      s[k++] = i + 1;
    }
    return s.slice(0, k);
  }

  /** The earlier table: starts up to the edit kept, the edited text scanned, the rest moved by the change in length. */
  private startsAfterEdit(old: Int32Array, { start, oldEnd, newEnd }: TextEdit): Int32Array {
    // Lines starting at or before the edit's start stay (the first line starts at 0, at or before any).
    const kept = lineIndexAt(old, start) + 1;
    let after = kept;
    while (after < old.length && old[after] <= oldEnd) after++;
    const t = this.text;
    let added = 0;
    for (let k = t.indexOf("\n", start); k >= 0 && k < newEnd; k = t.indexOf("\n", k + 1)) added++;
    const s = new Int32Array(kept + added + old.length - after);
    s.set(old.subarray(0, kept));
    let at = kept;
    for (let k = t.indexOf("\n", start); k >= 0 && k < newEnd; k = t.indexOf("\n", k + 1)) s[at++] = k + 1;
    const delta = newEnd - oldEnd;
    for (let i = after; i < old.length; i++) s[at++] = old[i] + delta;
    return s;
  }

  /** 1-based line and column of an offset (clamped into the file). */
  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    return { line, column: o - this.lineStarts[line - 1] + 1 };
  }

  /** 1-based line of an offset (clamped into the file): position().line without an object (findings name thousands of lines per lint). */
  lineOf(offset: number): number {
    return lineIndexAt(this.lineStarts, Math.max(0, Math.min(offset, this.text.length))) + 1;
  }

  /** Offset of a 1-based line/column (clamped). */
  offset(line: number, column: number): number {
    const starts = this.lineStarts;
    const l = Math.max(1, Math.min(line, starts.length));
    const lineEnd = l < starts.length ? starts[l] : this.text.length;
    return Math.min(starts[l - 1] + Math.max(0, column - 1), lineEnd);
  }

  /** Text of a 1-based line without its line break. */
  lineText(line: number): string {
    const starts = this.lineStarts;
    if (line < 1 || line > starts.length) return "";
    const end = line < starts.length ? starts[line] : this.text.length;
    return this.text.slice(starts[line - 1], end).replace(/\r?\n$/, "");
  }
}

/** Index of the last of the rising line starts `starts` at or before `offset` (0 when none is): the 0-based line holding it. */
export function lineIndexAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
