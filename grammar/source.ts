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

export class SourceFile {
  private starts: number[] | undefined;

  constructor(
    /** Path as the reader resolved it (absolute when the front end gave an absolute path). */
    readonly path: string,
    readonly text: string,
  ) {}

  /** Offsets at which each line starts (line 1 at index 0). */
  get lineStarts(): readonly number[] {
    if (!this.starts) {
      const s = [0];
      const t = this.text;
      for (let i = t.indexOf("\n"); i >= 0; i = t.indexOf("\n", i + 1)) s.push(i + 1);
      this.starts = s;
    }
    return this.starts;
  }

  /** 1-based line and column of an offset (clamped into the file). */
  position(offset: number): Position {
    const starts = this.lineStarts;
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - starts[lo] + 1 };
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
