/**
 * Where the layout puts its output lines. Two kinds: range formatting needs
 * every output line with the input line it came from (LineOutput); whole-file
 * formatting only needs the text (TextOutput), and there a line that is
 * already formatted is not even cut out of the input: runs of such lines are
 * copied as one slice, so an already formatted 500,000-line file costs one
 * pass over its chars and no string per line.
 */

export interface Output {
  /** Number of output lines so far. */
  readonly length: number;
  /** Does the last output line end with a `{` that opens a block? */
  lastOpens: boolean;
  /** A new output line. */
  push(text: string, src: number, eol: string, opens: boolean): void;
  /** A new output line that is input line `src` as written, `input[start, end)`, its line break `input[textEnd, end)` included. */
  copy(start: number, textEnd: number, end: number, src: number, opens: boolean): void;
  /** The text of the last output line. */
  lastText(): string;
  /** The length of lastText(). */
  lastLength(): number;
  /** Appends `suffix` to the last line's text (before its line break). */
  appendToLast(suffix: string): void;
}

/** Every output line, as flat arrays (one object per line would keep the garbage collector busy on large files). */
export class LineOutput implements Output {
  /** text₀, eol₀, text₁, eol₁, … */
  readonly parts: string[] = [];
  /** Input line of each output line. */
  readonly src: number[] = [];
  lastOpens = false;

  constructor(private readonly input: string) {}

  get length(): number {
    return this.src.length;
  }

  push(text: string, src: number, eol: string, opens: boolean): void {
    this.parts.push(text, eol);
    this.src.push(src);
    this.lastOpens = opens;
  }

  copy(start: number, textEnd: number, end: number, src: number, opens: boolean): void {
    this.push(this.input.slice(start, textEnd), src, this.input.slice(textEnd, end), opens);
  }

  lastText(): string {
    return this.parts[this.parts.length - 2];
  }

  lastLength(): number {
    return this.lastText().length;
  }

  appendToLast(suffix: string): void {
    this.parts[this.parts.length - 2] += suffix;
  }
}

/**
 * Pieces are joined into a chunk every so often: a string per line kept alive
 * to the end would survive into the garbage collector's old generation, and
 * collecting there cost more than all the formatting.
 */
const PIECES_PER_CHUNK = 4096;

/** Only the formatted text: new lines as strings, unchanged runs of input as slices. */
export class TextOutput implements Output {
  private readonly chunks: string[] = [];
  private pieces: string[] = [];
  /** The pending run of input copied as is, `input[runStart, runEnd)`; -1 when none. */
  private runStart = -1;
  private runEnd = -1;
  /** The last line when it was copied: its text is `input[lastStart, lastEnd)`; -1 when it was pushed (text and line break are the last two pieces). */
  private lastStart = -1;
  private lastEnd = -1;
  /** What appendToLast added to the last line, and the last line's break; once there is a suffix, the last piece is suffix + break. */
  private lastSuffix = "";
  private lastEol = "";
  length = 0;
  lastOpens = false;

  constructor(private readonly input: string) {}

  push(text: string, _src: number, eol: string, opens: boolean): void {
    this.flush();
    if (this.pieces.length >= PIECES_PER_CHUNK) this.compact();
    this.pieces.push(text, eol);
    this.lastStart = -1;
    this.lastSuffix = "";
    this.lastEol = eol;
    this.length++;
    this.lastOpens = opens;
  }

  copy(start: number, textEnd: number, end: number, _src: number, opens: boolean): void {
    if (start !== this.runEnd) {
      this.flush();
      this.runStart = start;
    }
    this.runEnd = end;
    this.lastStart = start;
    this.lastEnd = textEnd;
    this.lastSuffix = "";
    this.length++;
    this.lastOpens = opens;
  }

  lastText(): string {
    return (this.lastStart >= 0 ? this.input.slice(this.lastStart, this.lastEnd) : this.pieces[this.pieces.length - 2]) + this.lastSuffix;
  }

  lastLength(): number {
    return (this.lastStart >= 0 ? this.lastEnd - this.lastStart : this.pieces[this.pieces.length - 2].length) + this.lastSuffix.length;
  }

  appendToLast(suffix: string): void {
    if (this.lastStart >= 0 && this.lastSuffix === "") {
      // the last line ends the pending run: the run now stops before its line break, which becomes a piece
      this.lastEol = this.input.slice(this.lastEnd, this.runEnd);
      this.runEnd = this.lastEnd;
      this.flush();
      this.lastSuffix = suffix;
      this.pieces.push(suffix + this.lastEol);
      return;
    }
    this.lastSuffix += suffix;
    this.pieces[this.pieces.length - 1] = this.lastSuffix + this.lastEol;
  }

  /** Joins the pieces so far into one chunk (the last line must not be needed again). */
  private compact(): void {
    this.chunks.push(this.pieces.join(""));
    this.pieces = [];
  }

  private flush(): void {
    if (this.runEnd > this.runStart) this.pieces.push(this.input.slice(this.runStart, this.runEnd));
    this.runStart = -1;
    this.runEnd = -1;
  }

  text(): string {
    this.flush();
    if (this.chunks.length === 0) return this.pieces.length === 1 ? this.pieces[0] : this.pieces.join("");
    this.compact();
    return this.chunks.join("");
  }
}

/**
 * Receives what changes, in input order: whole input lines [from, to)
 * (0-based), which are the input's [start, end), replaced by `text`, whole
 * lines each with its line break (the file's last one may have none).
 */
export type LineChanges = (from: number, to: number, text: string, start: number, end: number) => void;

/**
 * Only what changes, line by line: the output lines of each input line
 * (layout emits them in input order), compared with that line as written,
 * handed on as they are known. `format --diff` prints its hunks from these
 * (src/cli/change-diff.ts) instead of diffing the formatted text against the
 * input, and no formatted text is made.
 */
export class ChangesOutput implements Output {
  length = 0;
  lastOpens = false;
  /** The input line whose output lines are being collected, and its offsets [start, end). -1: none yet. */
  private src = -1;
  private srcStart = 0;
  private srcEnd = 0;
  /** Its output so far; `plain`: exactly one copy of the line as written (no text made at all). */
  private text = "";
  private plain = false;
  /** Where the last output line starts in `text`, and its line break (appendToLast goes before it). */
  private lastAt = 0;
  private lastEol = "";
  /** The input line `cursorLine` starts at `cursorStart` (found by moving forward: sources only grow). */
  private cursorLine = 0;
  private cursorStart = 0;

  constructor(
    private readonly input: string,
    private readonly changed: LineChanges,
  ) {}

  push(text: string, src: number, eol: string, opens: boolean): void {
    this.open(src);
    this.unplain();
    this.lastAt = this.text.length;
    this.lastEol = eol;
    this.text += text + eol;
    this.length++;
    this.lastOpens = opens;
  }

  copy(start: number, textEnd: number, end: number, src: number, opens: boolean): void {
    const first = src !== this.src;
    this.open(src);
    if (first && start === this.srcStart && end === this.srcEnd) {
      this.plain = true;
    } else {
      this.unplain();
      this.lastAt = this.text.length;
      this.text += this.input.slice(start, end);
    }
    this.lastEol = this.input.slice(textEnd, end);
    this.length++;
    this.lastOpens = opens;
  }

  lastText(): string {
    if (this.plain) return this.input.slice(this.srcStart, this.srcEnd - this.lastEol.length);
    return this.text.slice(this.lastAt, this.text.length - this.lastEol.length);
  }

  lastLength(): number {
    return this.plain ? this.srcEnd - this.srcStart - this.lastEol.length : this.text.length - this.lastAt - this.lastEol.length;
  }

  appendToLast(suffix: string): void {
    this.unplain();
    this.text = this.text.slice(0, this.text.length - this.lastEol.length) + suffix + this.lastEol;
  }

  /** A line kept as written becomes text that can grow: its one output line, at 0. */
  private unplain(): void {
    if (!this.plain) return;
    this.text = this.input.slice(this.srcStart, this.srcEnd);
    this.plain = false;
    this.lastAt = 0;
  }

  /** Hands on the last changes, once layout is done. */
  finish(): void {
    this.close();
    const lines = this.lineCount();
    if (this.src + 1 < lines) this.changed(this.src + 1, lines, "", this.src < 0 ? 0 : this.srcEnd, this.input.length);
  }

  /** Starts collecting input line `src` (closing the one before); lines skipped between them have no output. */
  private open(src: number): void {
    if (src === this.src) return;
    if (src < this.src) throw new Error(`formatter output out of input order (line ${src + 1} after ${this.src + 1})`);
    this.close();
    const skippedFrom = this.src < 0 ? 0 : this.srcEnd;
    this.moveCursor(src);
    if (src > this.src + 1) this.changed(this.src + 1, src, "", skippedFrom, this.cursorStart);
    this.src = src;
    this.srcStart = this.cursorStart;
    const nl = this.input.indexOf("\n", this.srcStart);
    this.srcEnd = nl < 0 ? this.input.length : nl + 1;
    this.text = "";
    this.plain = false;
  }

  private close(): void {
    if (this.src < 0 || this.plain) return;
    const text = this.text;
    // Compared in place: no copy of the input line.
    if (text.length !== this.srcEnd - this.srcStart || !this.input.startsWith(text, this.srcStart)) this.changed(this.src, this.src + 1, text, this.srcStart, this.srcEnd);
  }

  private moveCursor(line: number): void {
    while (this.cursorLine < line) {
      const nl = this.input.indexOf("\n", this.cursorStart);
      if (nl < 0) throw new Error(`formatter output names input line ${line + 1}, past the end`);
      this.cursorStart = nl + 1;
      this.cursorLine++;
    }
  }

  /** Input lines as layout counts them (a final line break ends the last line; it does not start another). */
  private lineCount(): number {
    const input = this.input;
    let count = this.cursorLine;
    let at = this.cursorStart;
    while (at < input.length) {
      count++;
      const nl = input.indexOf("\n", at);
      at = nl < 0 ? input.length : nl + 1;
    }
    return count;
  }
}
