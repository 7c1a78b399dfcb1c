/**
 * Storage of the typed AST. A 500,000-line configuration has half a million
 * lines and a million words; as JavaScript objects they cost most of a parse
 * in allocation and garbage collection. So the parser writes nodes and words
 * into typed-array columns, and ConfigNode / Word objects are made from them
 * on first access (and then kept, so the same node is always the same object).
 * Callers see the ConfigNode interface of ast.ts and nothing of this file.
 */
import type { Block, ConfigNode, Span, Via, Word } from "./ast.js";

const ENTRY = 1;
const KNOWN = 2;
const BLOCK_KEYWORDS = 4;
const BLOCK_VALUES = 8;
const HAS_REST = 16;
const HAS_VIA = 32;

/** Word kinds: text is the file slice, or an object built by the preprocessor. */
const WORD_SLICE = 0;
const WORD_OBJECT = 1;

const NONE = -1;

/** Shared empty arrays for leaf nodes (most lines): frozen so a stray push fails loudly. */
const NO_CHILDREN: ConfigNode[] = Object.freeze([]) as unknown as ConfigNode[];
const NO_ARGS: Word[] = Object.freeze([]) as unknown as Word[];

function growInts(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

function growBytes(a: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(size);
  b.set(a);
  return b;
}

export class TreeStore {
  // ---- files and contexts, by id
  readonly paths: string[] = [];
  readonly texts: string[] = [];
  private fileIds = new Map<string, number>();
  readonly contexts: string[] = [];
  private contextIds = new Map<string, number>();

  // ---- words
  wordCount = 0;
  private wFile = new Int32Array(1024);
  private wStart = new Int32Array(1024);
  private wEnd = new Int32Array(1024);
  private wKind = new Uint8Array(1024);
  /** Include chain of a slice word: index into viaTable + 1 (0: none). */
  private wVia = new Int32Array(1024);
  private viaTable: Via[][] = [];
  private wObjects = new Map<number, Word>();

  // ---- nodes
  nodeCount = 0;
  /** @internal */ flags = new Uint8Array(512);
  /** @internal */ ctx = new Int32Array(512);
  /** @internal */ childCtx = new Int32Array(512);
  /** @internal */ parentOf = new Int32Array(512);
  /** @internal */ firstChild = new Int32Array(512);
  /** @internal */ lastChild = new Int32Array(512);
  /** @internal */ nextSibling = new Int32Array(512);
  /** @internal */ fileOf = new Int32Array(512);
  /** @internal */ startOf = new Int32Array(512);
  /** @internal */ endOf = new Int32Array(512);
  /** @internal */ word0 = new Int32Array(512);
  /** @internal */ words = new Int32Array(512);
  /** @internal */ openWord = new Int32Array(512);
  /** @internal */ closeWord = new Int32Array(512);
  private rests = new Map<number, string>();
  private vias = new Map<number, Via[]>();
  private rootFirst = NONE;
  private rootLast = NONE;
  private rootViews: ConfigNode[] | undefined;

  /**
   * Makes room for the nodes and words of `chars` more characters of text, so
   * that a large file does not grow the columns a dozen times. The estimate
   * (a line per 24 characters, a word per 8) is generous for real configs;
   * the columns still grow when it is wrong.
   */
  reserve(chars: number): void {
    const nodes = this.nodeCount + Math.ceil(chars / 24);
    if (nodes > this.flags.length) this.growNodes(nodes);
    const words = this.wordCount + Math.ceil(chars / 8);
    if (words > this.wFile.length) this.growWords(words);
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

  contextId(name: string): number {
    let id = this.contextIds.get(name);
    if (id === undefined) {
      id = this.contexts.length;
      this.contexts.push(name);
      this.contextIds.set(name, id);
    }
    return id;
  }

  // ---- words ---------------------------------------------------------------

  /** A word whose text is exactly its file slice (no quotes, no escapes), read through includes `via`. */
  addSliceWord(file: number, start: number, end: number, via?: Via[]): number {
    const w = this.wordCount;
    if (w === this.wFile.length) this.growWords();
    this.wFile[w] = file;
    this.wStart[w] = start;
    this.wEnd[w] = end;
    this.wKind[w] = WORD_SLICE;
    this.wVia[w] = via ? this.viaId(via) : 0;
    this.wordCount = w + 1;
    return w;
  }

  private viaId(via: Via[]): number {
    // A file's lines share one via array: the last one is nearly always it.
    const t = this.viaTable;
    if (t.length > 0 && t[t.length - 1] === via) return t.length;
    t.push(via);
    return t.length;
  }

  /** A word the preprocessor built (quoted, escaped, expanded, …). */
  addWordObject(word: Word): number {
    const w = this.addSliceWord(this.fileId(word.file, ""), word.start, word.end);
    this.wKind[w] = WORD_OBJECT;
    this.wObjects.set(w, word);
    return w;
  }

  private growWords(n = this.wFile.length * 2) {
    this.wFile = growInts(this.wFile, n);
    this.wStart = growInts(this.wStart, n);
    this.wEnd = growInts(this.wEnd, n);
    this.wKind = growBytes(this.wKind, n);
    this.wVia = growInts(this.wVia, n);
  }

  wordText(w: number): string {
    return this.wKind[w] === WORD_SLICE ? this.texts[this.wFile[w]].slice(this.wStart[w], this.wEnd[w]) : this.wObjects.get(w)!.text;
  }

  wordFile(w: number): number {
    return this.wFile[w];
  }

  wordStart(w: number): number {
    return this.wStart[w];
  }

  wordEnd(w: number): number {
    return this.wEnd[w];
  }

  /** The Word object of word w (a new one each call for slice words: the node that owns the word keeps it). */
  word(w: number): Word {
    if (this.wKind[w] === WORD_OBJECT) return this.wObjects.get(w)!;
    const v: Word = { file: this.paths[this.wFile[w]], start: this.wStart[w], end: this.wEnd[w], text: this.wordText(w), quoted: false };
    if (this.wVia[w] !== 0) v.via = this.viaTable[this.wVia[w] - 1];
    return v;
  }

  span(w: number): Span {
    return { file: this.paths[this.wFile[w]], start: this.wStart[w], end: this.wEnd[w] };
  }

  // ---- nodes ---------------------------------------------------------------

  /**
   * Appends a node for words [w0, w0 + count) under `parent` (NONE: top level).
   * Its span runs from the first word to the last one in the same file.
   */
  addNode(parent: number, entry: boolean, known: boolean, context: number, w0: number, count: number, via: Via[] | undefined): number {
    const n = this.nodeCount;
    if (n === this.flags.length) this.growNodes();
    const last = w0 + count - 1;
    const file = this.wFile[w0];
    const start = this.wStart[w0];
    const sameFile = this.wFile[last] === file && this.wEnd[last] >= start;
    this.flags[n] = (entry ? ENTRY : 0) | (known ? KNOWN : 0);
    this.ctx[n] = context;
    this.childCtx[n] = NONE;
    this.parentOf[n] = parent;
    this.firstChild[n] = NONE;
    this.lastChild[n] = NONE;
    this.nextSibling[n] = NONE;
    this.fileOf[n] = file;
    this.startOf[n] = start;
    this.endOf[n] = sameFile ? this.wEnd[last] : this.wEnd[w0];
    this.word0[n] = w0;
    this.words[n] = count;
    this.openWord[n] = NONE;
    this.closeWord[n] = NONE;
    if (via) {
      this.vias.set(n, via);
      this.flags[n] |= HAS_VIA;
    }
    if (parent === NONE) {
      if (this.rootLast === NONE) this.rootFirst = n;
      else this.nextSibling[this.rootLast] = n;
      this.rootLast = n;
    } else {
      if (this.lastChild[parent] === NONE) this.firstChild[parent] = n;
      else this.nextSibling[this.lastChild[parent]] = n;
      this.lastChild[parent] = n;
    }
    this.nodeCount = n + 1;
    return n;
  }

  private growNodes(n = this.flags.length * 2) {
    this.flags = growBytes(this.flags, n);
    this.ctx = growInts(this.ctx, n);
    this.childCtx = growInts(this.childCtx, n);
    this.parentOf = growInts(this.parentOf, n);
    this.firstChild = growInts(this.firstChild, n);
    this.lastChild = growInts(this.lastChild, n);
    this.nextSibling = growInts(this.nextSibling, n);
    this.fileOf = growInts(this.fileOf, n);
    this.startOf = growInts(this.startOf, n);
    this.endOf = growInts(this.endOf, n);
    this.word0 = growInts(this.word0, n);
    this.words = growInts(this.words, n);
    this.openWord = growInts(this.openWord, n);
    this.closeWord = growInts(this.closeWord, n);
  }

  setBlock(n: number, values: boolean, childContext: number): void {
    this.flags[n] |= values ? BLOCK_VALUES : BLOCK_KEYWORDS;
    this.childCtx[n] = childContext;
  }

  setOpen(n: number, w: number): void {
    this.openWord[n] = w;
  }

  /** Records the closing `}` and widens the node over it (when in the same file). */
  setClose(n: number, w: number): void {
    this.closeWord[n] = w;
    if (this.wFile[w] === this.fileOf[n] && this.wEnd[w] > this.endOf[n]) this.endOf[n] = this.wEnd[w];
  }

  setRest(n: number, rest: string): void {
    if (rest !== "") {
      this.rests.set(n, rest);
      this.flags[n] |= HAS_REST;
    }
  }

  hasBlock(n: number): boolean {
    return (this.flags[n] & (BLOCK_KEYWORDS | BLOCK_VALUES)) !== 0;
  }

  isKnown(n: number): boolean {
    return (this.flags[n] & KNOWN) !== 0;
  }

  lastChildOf(n: number): number {
    return n === NONE ? this.rootLast : this.lastChild[n];
  }

  keywordWord(n: number): number {
    return this.word0[n];
  }

  // ---- views ---------------------------------------------------------------

  /** Top-level nodes, in load order. */
  roots(): ConfigNode[] {
    this.rootViews ??= this.list(this.rootFirst, undefined);
    return this.rootViews;
  }

  /** Views of the sibling chain that starts at `first`; `parent` is their parent's view. */
  list(first: number, parent: ConfigNode | undefined): ConfigNode[] {
    if (first === NONE) return NO_CHILDREN;
    const out: ConfigNode[] = [];
    for (let c = first; c !== NONE; c = this.nextSibling[c]) out.push(new NodeView(this, c, parent));
    return out;
  }

  /** Index → context name (for NodeView). */
  contextName(id: number): string {
    return id === NONE ? "" : this.contexts[id];
  }

  restOf(n: number): string {
    return this.rests.get(n) ?? "";
  }

  viaOf(n: number): Via[] | undefined {
    return this.vias.get(n);
  }
}

/**
 * A ConfigNode read from the store. Views are made once the parser has
 * finished (the parser itself works on indices), by their parent's
 * `children` (or the roots), so each node has one view and knows its
 * parent's. Words, children and the block become objects on first access
 * and are kept. The store is private (#) so that printing a node (test
 * diffs, debuggers) shows the node, not the whole tree.
 */
class NodeView implements ConfigNode {
  readonly kind: ConfigNode["kind"];
  readonly context: string;
  readonly known: boolean;
  readonly file: string;
  readonly start: number;
  readonly end: number;
  readonly parent: ConfigNode | undefined;
  readonly #store: TreeStore;
  readonly #index: number;
  readonly #flags: number;
  #keyword: Word | undefined;
  #args: Word[] | undefined;
  #children: ConfigNode[] | undefined;
  #block: Block | undefined | null = null;

  constructor(store: TreeStore, index: number, parent: ConfigNode | undefined) {
    const flags = store.flags[index];
    this.kind = flags & ENTRY ? "entry" : "keyword";
    this.context = store.contextName(store.ctx[index]);
    this.known = (flags & KNOWN) !== 0;
    this.file = store.paths[store.fileOf[index]];
    this.start = store.startOf[index];
    this.end = store.endOf[index];
    this.parent = parent;
    this.#store = store;
    this.#index = index;
    this.#flags = flags;
  }

  get name(): string {
    return this.keyword.text;
  }

  get keyword(): Word {
    this.#keyword ??= this.#store.word(this.#store.word0[this.#index]);
    return this.#keyword;
  }

  get args(): Word[] {
    if (!this.#args) {
      const s = this.#store;
      const w0 = s.word0[this.#index];
      const count = s.words[this.#index];
      if (count <= 1) this.#args = NO_ARGS;
      else {
        const a: Word[] = [];
        for (let w = w0 + 1; w < w0 + count; w++) a.push(s.word(w));
        this.#args = a;
      }
    }
    return this.#args;
  }

  get block(): Block | undefined {
    if (this.#block === null) {
      const f = this.#flags;
      const kind = f & BLOCK_KEYWORDS ? "keywords" : f & BLOCK_VALUES ? "values" : undefined;
      const s = this.#store;
      const open = s.openWord[this.#index];
      const close = s.closeWord[this.#index];
      this.#block = kind && {
        kind,
        childContext: s.contextName(s.childCtx[this.#index]),
        open: open === NONE ? undefined : s.span(open),
        close: close === NONE ? undefined : s.span(close),
      };
    }
    return this.#block;
  }

  get children(): ConfigNode[] {
    this.#children ??= this.#store.list(this.#store.firstChild[this.#index], this);
    return this.#children;
  }

  get rest(): string {
    return this.#flags & HAS_REST ? this.#store.restOf(this.#index) : "";
  }

  get via(): Via[] | undefined {
    return this.#flags & HAS_VIA ? this.#store.viaOf(this.#index) : undefined;
  }
}

export { NONE as NO_NODE };
