/**
 * The words of a parse, and the files they are slices of. A large
 * configuration has over a million words, and every byte per word is a
 * megabyte of fresh memory (page faults cost more than the parse itself on a
 * small machine), so a word is two columns, 6 bytes: its start offset and
 * length in the file. What is nearly always the same from one word to the
 * next is kept as runs: a word's file and include chain are those of the
 * last run that starts at or before it (a run starts where the reader
 * switches file). Whether a word is quoted is read off the file: a slice
 * word that starts with `"` is a closed double-quoted string, its text
 * between the quotes (the plain-line scanner makes no other word with a
 * quote in it). Words the preprocessor built (escapes, expansions, …) are
 * objects, marked by a length of OBJECT.
 */
import type { Span, Via, Word } from "./ast.js";
import { grow } from "./columns.js";
import { LINE_END } from "./plain-line.js";

/** A length that marks an object word; its start is then an index into `objects`. */
const OBJECT = 0xffff;
/** `"`: a slice word starting with it is a closed quoted string. */
const QUOTE = 34;

/** The text of the file slice [start, end): inside the quotes when it is a quoted string. */
function sliceText(text: string, start: number, end: number): string {
  return text.charCodeAt(start) === QUOTE ? text.slice(start + 1, end - 1) : text.slice(start, end);
}

/** One word as WordColumns.read() gives it (an object a reader keeps and refills). */
export class WordFacts {
  /** The preprocessor's word, when it is one; else the text is texts[file] from textStart, textLength characters. */
  object: Word | undefined = undefined;
  file = 0;
  /** Where the word starts in its file (its quote, for a quoted word). */
  offset = 0;
  quoted = false;
  textStart = 0;
  textLength = 0;
}

export class WordColumns {
  // ---- files, by id
  readonly paths: string[] = [];
  readonly texts: string[] = [];
  private fileIds = new Map<string, number>();

  count = 0;
  private starts = new Int32Array(1024);
  private lengths = new Uint16Array(1024);
  private objects: Word[] = [];
  /** Runs: from word runWord[i] on (up to the next run), slice words are in file runFile[i], through runVia[i]. */
  private runWord: number[] = [];
  private runFile: number[] = [];
  /** Index into viaTable + 1 (0: read through no include). */
  private runVia: number[] = [];
  private viaTable: Via[][] = [];
  /** What rebase() added. */
  private shift = 0;
  /** Where a movable parse's text starts in its file, when it is anchored (see anchorTo). */
  private anchor: { readonly start: number } | undefined;
  /**
   * A parse that may move (the editor's pieces, reader.parsePiece): the
   * words and spans it hands out read their offsets through `base`, so that
   * rebase() and the anchor move them all at once. Moving each object
   * instead cost the editor ~17 ms an edit at 50,000 lines (walking the
   * views), then ~9 (a flat list of them), in cache misses.
   */
  private movable = false;

  /** Added to every slice word's offset: the text was read as a piece of a file that starts this far in (see rebase, anchorTo). */
  get base(): number {
    const anchor = this.anchor;
    return anchor === undefined ? this.shift : anchor.start + this.shift;
  }

  /** From now on, words handed out (and words added) move with rebase() and the anchor: call before reading. */
  makeMovable(): void {
    this.movable = true;
  }

  /**
   * Places a movable parse at `anchor.start` in its file, wherever that is
   * when asked (the editor's chunks learn where they are lazily: an edit
   * moves every chunk after it).
   */
  anchorTo(anchor: { readonly start: number }): void {
    this.anchor = anchor;
  }

  /** A span [start, end) of these words' text that moves with them when they are movable (a view's own span). */
  spanAt(start: number, end: number): { start: number; end: number } {
    return this.movable ? new MovableSpan(this, start, end) : { start, end };
  }

  fileId(path: string, text: string): number {
    let id = this.fileIds.get(path);
    if (id !== undefined && this.texts[id] === "") this.texts[id] = text;
    if (id === undefined) {
      id = this.paths.length;
      this.paths.push(path);
      this.texts.push(text);
      this.fileIds.set(path, id);
    }
    return id;
  }

  /** Makes room for `n` more words, so that a large file does not grow (and copy) the columns a dozen times. */
  reserve(n: number): void {
    if (this.count + n > this.starts.length) this.growTo(this.count + n);
  }

  /**
   * The words of plain lines (plain-line.ts), as slices of the file: every
   * item of `items` (`count` pairs) but a line end, in order, a brace as a
   * one-character word. All are in `file` through `via`. Returns the first
   * word's index. One run check and one capacity check for thousands of
   * words: this is the reader's hot path.
   */
  addItems(file: number, via: Via[] | undefined, items: Int32Array, count: number): number {
    const w0 = this.count;
    if (w0 + count > this.starts.length) this.growTo(Math.max(2 * this.starts.length, w0 + count));
    this.runFor(file, via);
    // Room is made above, so no word below grows (and replaces) the columns.
    const starts = this.starts;
    const lengths = this.lengths;
    let w = w0;
    for (let k = 0; k < count; k++) {
      const start = items[2 * k];
      const kind = items[2 * k + 1];
      const length = kind >= 0 ? kind - start : kind === LINE_END ? -1 : 1;
      if (length < 0) continue;
      if (length >= OBJECT) {
        this.count = w;
        this.addLong(file, start, start + length, via);
        w = this.count;
        continue;
      }
      starts[w] = start;
      lengths[w] = length;
      w++;
    }
    this.count = w;
    return w0;
  }

  /** A slice too long for the length column (over 64K characters): kept as an object. */
  private addLong(file: number, start: number, end: number, via: Via[] | undefined): number {
    const text = this.texts[file];
    const word: Word = { file: this.paths[file], start, end, text: sliceText(text, start, end), quoted: text.charCodeAt(start) === QUOTE };
    if (via) word.via = via;
    return this.addObject(word);
  }

  /** Starts a run unless the last one is already in `file` through `via`. */
  private runFor(file: number, via: Via[] | undefined) {
    const viaId = via ? this.viaId(via) : 0;
    const r = this.runWord.length - 1;
    if (r < 0 || this.runFile[r] !== file || this.runVia[r] !== viaId) {
      this.runWord.push(this.count);
      this.runFile.push(file);
      this.runVia.push(viaId);
    }
  }

  /** A word the preprocessor built (quoted, escaped, expanded, …). */
  addObject(word: Word): number {
    this.fileId(word.file, "");
    this.objects.push(this.movable ? movableCopy(this, word) : word);
    return this.push(this.objects.length - 1, OBJECT);
  }

  private push(start: number, length: number): number {
    const w = this.count;
    if (w === this.starts.length) this.growTo(w * 2);
    this.starts[w] = start;
    this.lengths[w] = length;
    this.count = w + 1;
    return w;
  }

  private growTo(n: number) {
    this.starts = grow(this.starts, n);
    this.lengths = grow(this.lengths, n);
  }

  private viaId(via: Via[]): number {
    // A file's lines share one via array: the last one is nearly always it.
    const t = this.viaTable;
    if (t.length > 0 && t[t.length - 1] === via) return t.length;
    t.push(via);
    return t.length;
  }

  /** The run word w (a slice word) belongs to: the last one, while parsing; else a binary search. */
  private run(w: number): number {
    const starts = this.runWord;
    let hi = starts.length - 1;
    if (starts[hi] <= w) return hi;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= w) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private object(w: number): Word | undefined {
    return this.lengths[w] === OBJECT ? this.objects[this.starts[w]] : undefined;
  }

  private quoted(file: number, w: number): boolean {
    return this.texts[file].charCodeAt(this.starts[w]) === QUOTE;
  }

  /**
   * What a consumer that goes through every word once (parse --json) needs
   * of word w, put in `into` without a Word object: its file, where it
   * starts, whether it is quoted, and its text, as the preprocessor's object
   * or as where it lies in `texts[file]` (inside its quotes).
   */
  read(w: number, into: WordFacts): void {
    const length = this.lengths[w];
    if (length === OBJECT) {
      const o = this.objects[this.starts[w]];
      into.object = o;
      into.file = this.fileIds.get(o.file)!;
      into.offset = o.start;
      into.quoted = o.quoted;
      return;
    }
    const file = this.runFile[this.run(w)];
    const start = this.starts[w];
    // Inside the quotes of a quoted word, as sliceText reads it.
    const quoted = this.quoted(file, w);
    into.object = undefined;
    into.file = file;
    into.offset = this.base + start;
    into.quoted = quoted;
    into.textStart = quoted ? start + 1 : start;
    into.textLength = quoted ? length - 2 : length;
  }

  text(w: number): string {
    const o = this.object(w);
    if (o) return o.text;
    const start = this.starts[w];
    return sliceText(this.texts[this.runFile[this.run(w)]], start, start + this.lengths[w]);
  }

  file(w: number): number {
    const o = this.object(w);
    return o ? this.fileIds.get(o.file)! : this.runFile[this.run(w)];
  }

  start(w: number): number {
    const o = this.object(w);
    return o ? o.start : this.base + this.starts[w];
  }

  end(w: number): number {
    const o = this.object(w);
    return o ? o.end : this.base + this.starts[w] + this.lengths[w];
  }

  /**
   * Moves every word `delta` characters on (the editor re-reads a changed
   * block and moves the unchanged ones after it). Slice words keep their
   * offsets into the text they were read from and add the base; the
   * preprocessor's word objects are moved in place, unless the parse is
   * movable (makeMovable): its words and spans read the base.
   */
  rebase(delta: number): void {
    this.shift += delta;
    if (this.movable) return;
    const objects = this.objects;
    for (let i = 0; i < objects.length; i++) {
      objects[i].start += delta;
      objects[i].end += delta;
    }
  }

  /**
   * A copy to patch (grammar/word-patch.ts): the columns copied, the word
   * objects and include chains shared (a patch changes neither). Only a
   * parse that was never moved: a movable one's words read a base.
   */
  copy(): WordColumns | undefined {
    if (this.movable || this.shift !== 0 || this.anchor !== undefined) return undefined;
    const c = new WordColumns();
    c.paths.push(...this.paths);
    c.texts.push(...this.texts);
    for (const [path, id] of this.fileIds) c.fileIds.set(path, id);
    c.count = this.count;
    c.starts = this.starts.slice(0, Math.max(1, this.count));
    c.lengths = this.lengths.slice(0, Math.max(1, this.count));
    c.objects = this.objects.slice();
    c.runWord = this.runWord.slice();
    c.runFile = this.runFile.slice();
    c.runVia = this.runVia.slice();
    c.viaTable = this.viaTable.slice();
    return c;
  }

  /**
   * Makes `text` the text of file `path`, where `edits` (sorted, apart)
   * each replaced one whole slice word of the old text by `length`
   * characters: the edited words take their new lengths and every later
   * word of the file moves by what the edits before it added. Returns the
   * edited words' indices, in the edits' order, or undefined when the words
   * are not so: an edit that is not exactly one unquoted slice word, a word
   * the preprocessor built at or after the first edit (its span would move),
   * or a file read more than once (its words' offsets would not rise).
   * The columns may be half patched then: the caller drops the copy.
   */
  patchFile(path: string, text: string, edits: readonly { start: number; end: number; length: number }[]): number[] | undefined {
    const file = this.fileIds.get(path);
    if (file === undefined || edits.length === 0) return undefined;
    const first = edits[0].start;
    // The preprocessor's words keep their own spans: one at or after the first edit would have to move.
    for (const o of this.objects) if (o.file === path && o.end > first) return undefined;
    const old = this.texts[file];
    // Locals, not fields: this loop goes through every word of a configuration (a million and a half in the benchmark).
    const starts = this.starts;
    const lengths = this.lengths;
    const edited: number[] = [];
    let next = 0; // the first edit not yet passed
    let nextStart = edits[0].start;
    let nextEnd = edits[0].end;
    let delta = 0; // what the edits passed so far added
    let last = -1; // start of the file's last slice word
    const runs = this.runWord.length;
    for (let r = 0; r < runs; r++) {
      if (this.runFile[r] !== file) continue;
      const to = r + 1 < runs ? this.runWord[r + 1] : this.count;
      for (let w = this.runWord[r]; w < to; w++) {
        const length = lengths[w];
        if (length === OBJECT) continue;
        const start = starts[w];
        if (start <= last) return undefined;
        last = start;
        while (start >= nextEnd) {
          // Passed without meeting its word: the edit was not a word.
          if (edited.length === next) return undefined;
          delta += edits[next].length - (nextEnd - nextStart);
          next++;
          nextStart = next < edits.length ? edits[next].start : Infinity;
          nextEnd = next < edits.length ? edits[next].end : Infinity;
        }
        if (start >= nextStart) {
          // Exactly this word, and not a quoted string (its text is inside its quotes).
          if (start !== nextStart || start + length !== nextEnd || old.charCodeAt(start) === QUOTE || edited.length !== next) return undefined;
          edited.push(w);
          lengths[w] = edits[next].length;
        }
        starts[w] = start + delta;
      }
    }
    if (edited.length !== edits.length) return undefined;
    this.texts[file] = text;
    return edited;
  }

  /** The Word object of word w (a new one each call for slice words: the node that owns the word keeps it). */
  word(w: number): Word {
    const o = this.object(w);
    if (o) return o;
    // One run lookup for file, text and include chain.
    const r = this.run(w);
    const file = this.runFile[r];
    const start = this.starts[w];
    const end = start + this.lengths[w];
    const text = sliceText(this.texts[file], start, end);
    const v: Word = this.movable
      ? new MovableWord(this, this.paths[file], this.base + start, this.base + end, text, this.quoted(file, w))
      : { file: this.paths[file], start: this.base + start, end: this.base + end, text, quoted: this.quoted(file, w) };
    if (this.runVia[r] !== 0) v.via = this.viaTable[this.runVia[r] - 1];
    return v;
  }

  span(w: number): Span {
    const file = this.paths[this.file(w)];
    if (!this.movable) return { file, start: this.start(w), end: this.end(w) };
    const s = new MovableSpan(this, this.start(w), this.end(w)) as MovableSpan & Span;
    s.file = file;
    return s;
  }
}

/**
 * A span of a movable parse: its offsets are kept relative to the words'
 * base and read through getters, so rebase() moves it without touching it.
 * Private fields (#), so that a copy (`{ ...span }`) or a printout shows no
 * internals; such a copy has no start and end, which is why only the
 * editor's pieces hand these out (its results copy spans field by field).
 */
class MovableSpan {
  readonly #words: WordColumns;
  #offset: number;
  #length: number;

  constructor(words: WordColumns, start: number, end: number) {
    this.#words = words;
    this.#offset = start - words.base;
    this.#length = end - start;
  }

  get start(): number {
    return this.#words.base + this.#offset;
  }

  set start(offset: number) {
    const end = this.end;
    this.#offset = offset - this.#words.base;
    this.#length = end - offset;
  }

  get end(): number {
    return this.#words.base + this.#offset + this.#length;
  }

  set end(offset: number) {
    this.#length = offset - this.start;
  }
}

/** A slice word of a movable parse (see MovableSpan). */
class MovableWord extends MovableSpan implements Word {
  file: string;
  text: string;
  quoted: boolean;
  declare via?: Via[];
  declare synthetic?: boolean;

  constructor(words: WordColumns, file: string, start: number, end: number, text: string, quoted: boolean) {
    super(words, start, end);
    this.file = file;
    this.text = text;
    this.quoted = quoted;
  }
}

/** A word the preprocessor built, as a word of a movable parse (the parse hands out the copy). */
function movableCopy(words: WordColumns, word: Word): Word {
  const copy = new MovableWord(words, word.file, word.start, word.end, word.text, word.quoted);
  if (word.synthetic !== undefined) copy.synthetic = word.synthetic;
  if (word.via !== undefined) copy.via = word.via;
  return copy;
}
