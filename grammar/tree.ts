/**
 * Storage of the typed AST. A 500,000-line configuration has half a million
 * lines and a million and a half words; as JavaScript objects they cost most
 * of a parse in allocation and garbage collection. So the parser writes nodes
 * and words into typed-array columns, and ConfigNode / Word objects are made
 * from them on first access. Callers see the ConfigNode interface of ast.ts
 * and nothing of this file.
 *
 * Nodes are stored in document order (pre-order), so a node's subtree is the
 * index range [n, subtreeEnd[n]): its first child is n + 1 and a child's next
 * sibling starts where the child's subtree ends. Memory touched is what costs
 * (page faults on fresh arrays), hence few and narrow columns.
 */
import type { Block, ConfigNode, Span, Via, Word } from "./ast.js";

const ENTRY = 1;
const KNOWN = 2;
const BLOCK_KEYWORDS = 4;
const BLOCK_VALUES = 8;
const HAS_REST = 16;
const HAS_VIA = 32;
/** The block's `{` is the word right after the node's words (it always is: it must be the next line). */
const HAS_OPEN = 64;

/**
 * Word kinds: text is the file slice; the slice is a double-quoted string and
 * the text is what lies between the quotes; or an object the preprocessor built.
 */
const WORD_SLICE = 0;
const WORD_OBJECT = 1;
const WORD_QUOTED = 2;
/** `"`: a slice word starting with it is a quoted string (see PlainLineScanner.items). */
const QUOTE = 34;
/** Narrow columns hold up to this; a word beyond it is stored as an object. */
const U16_MAX = 0xffff;

const NONE = -1;

/** Shared empty arrays for leaf nodes (most lines): frozen so a stray push fails loudly. */
const NO_CHILDREN: ConfigNode[] = Object.freeze([]) as unknown as ConfigNode[];
const NO_ARGS: Word[] = Object.freeze([]) as unknown as Word[];

type Column = Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;

function grow<T extends Column>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
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
  private wFile = new Uint16Array(1024);
  private wStart = new Int32Array(1024);
  private wLength = new Uint16Array(1024);
  private wKind = new Uint8Array(1024);
  /** Include chain of a slice word: index into viaTable + 1 (0: none). */
  private wVia = new Uint16Array(1024);
  private viaTable: Via[][] = [];
  private wObjects = new Map<number, Word>();

  // ---- nodes (read by NodeView)
  nodeCount = 0;
  flags = new Uint8Array(512);
  context = new Uint16Array(512);
  childContext = new Uint16Array(512);
  subtreeEnd = new Int32Array(512);
  end = new Int32Array(512);
  word0 = new Int32Array(512);
  words = new Int32Array(512);
  closeWord = new Int32Array(512);
  private rests = new Map<number, string>();
  private vias = new Map<number, Via[]>();
  private rootViews: ConfigNode[] | undefined;

  /**
   * Makes room for the nodes and words of `chars` more characters of text, so
   * that a large file does not grow (and copy) the columns a dozen times.
   * Reserved memory is not touched until written, so the estimate is generous
   * (a line per 12 characters, a word per 4); the columns still grow past it.
   */
  reserve(chars: number): void {
    const nodes = this.nodeCount + Math.ceil(chars / 12);
    if (nodes > this.flags.length) this.growNodes(nodes);
    const words = this.wordCount + Math.ceil(chars / 4);
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

  contextName(id: number): string {
    return this.contexts[id] ?? "";
  }

  // ---- words ---------------------------------------------------------------

  /**
   * A word that is its file slice [start, end), read through includes `via`:
   * either the text itself (no escapes) or, when it starts with `"`, a closed
   * double-quoted string whose text is between the quotes.
   */
  addSliceWord(file: number, start: number, end: number, via?: Via[]): number {
    const viaId = via ? this.viaId(via) : 0;
    const quoted = this.texts[file].charCodeAt(start) === QUOTE;
    if (file > U16_MAX || end - start > U16_MAX || viaId > U16_MAX) {
      const text = quoted ? this.texts[file].slice(start + 1, end - 1) : this.texts[file].slice(start, end);
      const word: Word = { file: this.paths[file], start, end, text, quoted };
      if (via) word.via = via;
      return this.addWordObject(word);
    }
    const w = this.wordCount;
    if (w === this.wFile.length) this.growWords();
    this.wFile[w] = file;
    this.wStart[w] = start;
    this.wLength[w] = end - start;
    this.wKind[w] = quoted ? WORD_QUOTED : WORD_SLICE;
    this.wVia[w] = viaId;
    this.wordCount = w + 1;
    return w;
  }

  /** A word the preprocessor built (quoted, escaped, expanded, …). */
  addWordObject(word: Word): number {
    this.fileId(word.file, "");
    const w = this.wordCount;
    if (w === this.wFile.length) this.growWords();
    this.wKind[w] = WORD_OBJECT;
    this.wObjects.set(w, word);
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

  private growWords(n = this.wFile.length * 2) {
    this.wFile = grow(this.wFile, n);
    this.wStart = grow(this.wStart, n);
    this.wLength = grow(this.wLength, n);
    this.wKind = grow(this.wKind, n);
    this.wVia = grow(this.wVia, n);
  }

  wordText(w: number): string {
    const kind = this.wKind[w];
    if (kind === WORD_OBJECT) return this.wObjects.get(w)!.text;
    const start = this.wStart[w];
    const end = start + this.wLength[w];
    const text = this.texts[this.wFile[w]];
    return kind === WORD_QUOTED ? text.slice(start + 1, end - 1) : text.slice(start, end);
  }

  /** Looks word w's text up in `table` (a KeywordTable) without making it a string. */
  lookup<T>(w: number, table: { get(text: string, start: number, end: number): T }): T {
    const kind = this.wKind[w];
    if (kind === WORD_OBJECT) {
      const text = this.wObjects.get(w)!.text;
      return table.get(text, 0, text.length);
    }
    const inner = kind === WORD_QUOTED ? 1 : 0;
    const start = this.wStart[w];
    return table.get(this.texts[this.wFile[w]], start + inner, start + this.wLength[w] - inner);
  }

  wordFile(w: number): number {
    return this.wKind[w] !== WORD_OBJECT ? this.wFile[w] : this.fileIds.get(this.wObjects.get(w)!.file)!;
  }

  wordStart(w: number): number {
    return this.wKind[w] !== WORD_OBJECT ? this.wStart[w] : this.wObjects.get(w)!.start;
  }

  wordEnd(w: number): number {
    return this.wKind[w] !== WORD_OBJECT ? this.wStart[w] + this.wLength[w] : this.wObjects.get(w)!.end;
  }

  /** The Word object of word w (a new one each call for slice words: the node that owns the word keeps it). */
  word(w: number): Word {
    if (this.wKind[w] === WORD_OBJECT) return this.wObjects.get(w)!;
    const v: Word = { file: this.paths[this.wFile[w]], start: this.wStart[w], end: this.wordEnd(w), text: this.wordText(w), quoted: this.wKind[w] === WORD_QUOTED };
    if (this.wVia[w] !== 0) v.via = this.viaTable[this.wVia[w] - 1];
    return v;
  }

  span(w: number): Span {
    return { file: this.paths[this.wordFile(w)], start: this.wordStart(w), end: this.wordEnd(w) };
  }

  // ---- nodes ---------------------------------------------------------------

  /**
   * Appends a node for words [w0, w0 + count). It is the child of the node
   * whose block is open (pre-order: nothing to link). Its span runs from the
   * first word to the last one in the same file.
   */
  addNode(entry: boolean, known: boolean, context: number, w0: number, count: number, via: Via[] | undefined): number {
    const n = this.nodeCount;
    if (n === this.flags.length) this.growNodes();
    const last = w0 + count - 1;
    const lastEnd = this.wordEnd(last);
    const sameFile = last === w0 || (this.wordFile(last) === this.wordFile(w0) && lastEnd >= this.wordStart(w0));
    this.flags[n] = (entry ? ENTRY : 0) | (known ? KNOWN : 0) | (via ? HAS_VIA : 0);
    this.context[n] = context;
    this.subtreeEnd[n] = n + 1;
    this.end[n] = sameFile ? lastEnd : this.wordEnd(w0);
    this.word0[n] = w0;
    this.words[n] = count;
    this.closeWord[n] = NONE;
    if (via) this.vias.set(n, via);
    this.nodeCount = n + 1;
    return n;
  }

  private growNodes(n = this.flags.length * 2) {
    this.flags = grow(this.flags, n);
    this.context = grow(this.context, n);
    this.childContext = grow(this.childContext, n);
    this.subtreeEnd = grow(this.subtreeEnd, n);
    this.end = grow(this.end, n);
    this.word0 = grow(this.word0, n);
    this.words = grow(this.words, n);
    this.closeWord = grow(this.closeWord, n);
  }

  setBlock(n: number, values: boolean, childContext: number): void {
    this.flags[n] |= values ? BLOCK_VALUES : BLOCK_KEYWORDS;
    this.childContext[n] = childContext;
  }

  /** Records the block's `{`: the word just added, right after the node's words. */
  setOpen(n: number, w: number): void {
    if (w === this.word0[n] + this.words[n]) this.flags[n] |= HAS_OPEN;
  }

  /**
   * Ends node n's block: its subtree is complete. `close` is the `}` word
   * (NONE when the configuration ended first); the node is widened over it
   * when it is in the same file.
   */
  closeBlock(n: number, close: number): void {
    this.subtreeEnd[n] = this.nodeCount;
    if (close === NONE) return;
    this.closeWord[n] = close;
    const end = this.wordEnd(close);
    if (this.wordFile(close) === this.wordFile(this.word0[n]) && end > this.end[n]) this.end[n] = end;
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

  keywordWord(n: number): number {
    return this.word0[n];
  }

  restOf(n: number): string {
    return this.rests.get(n) ?? "";
  }

  viaOf(n: number): Via[] | undefined {
    return this.vias.get(n);
  }

  openWord(n: number): number {
    return this.flags[n] & HAS_OPEN ? this.word0[n] + this.words[n] : NONE;
  }

  // ---- views ---------------------------------------------------------------

  /** Top-level nodes, in load order (call once the parser has finished). */
  roots(): ConfigNode[] {
    this.rootViews ??= this.list(0, this.nodeCount, undefined);
    return this.rootViews;
  }

  /** Views of the nodes in [from, to) that are children of `parent` (siblings are one subtree apart). */
  list(from: number, to: number, parent: ConfigNode | undefined): ConfigNode[] {
    if (from >= to) return NO_CHILDREN;
    const out: ConfigNode[] = [];
    for (let c = from; c < to; c = this.subtreeEnd[c]) out.push(new NodeView(this, c, parent));
    return out;
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
    const w0 = store.word0[index];
    this.kind = flags & ENTRY ? "entry" : "keyword";
    this.context = store.contextName(store.context[index]);
    this.known = (flags & KNOWN) !== 0;
    this.file = store.paths[store.wordFile(w0)];
    this.start = store.wordStart(w0);
    this.end = store.end[index];
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
      const open = s.openWord(this.#index);
      const close = s.closeWord[this.#index];
      this.#block = kind && {
        kind,
        childContext: s.contextName(s.childContext[this.#index]),
        open: open === NONE ? undefined : s.span(open),
        close: close === NONE ? undefined : s.span(close),
      };
    }
    return this.#block;
  }

  get children(): ConfigNode[] {
    this.#children ??= this.#store.list(this.#index + 1, this.#store.subtreeEnd[this.#index], this);
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
