/**
 * Storage of the typed AST. A 500,000-line configuration has half a million
 * lines and a million and a half words; as JavaScript objects they cost most
 * of a parse in allocation and garbage collection. So the parser writes nodes
 * and words into typed-array columns, and ConfigNode / Word objects are made
 * from them on first access. Callers see the ConfigNode interface of ast.ts
 * and nothing of this file.
 *
 * Nodes are stored in document order (pre-order), so a node's subtree is the
 * index range [n, its block's end): its first child is n + 1 and a child's next
 * sibling starts where the child's subtree ends. Memory touched is what costs
 * (page faults on fresh arrays), hence few and narrow columns: 8 bytes per
 * node (flags, keyword, first word, word count). What only a block has (its subtree
 * end, child context and `}`) is in block columns, one row per block, in
 * node order. What can be worked out when a view is made is not stored: a
 * node's context is its parent's child context, its end follows from its
 * words and its `}`.
 */
import type { Block, ConfigNode, Via, WalkedLine, Word } from "./ast.js";
import type { KeywordFacts } from "./schema/types.js";
import { grow } from "./columns.js";
import { WordColumns } from "./word-columns.js";

const ENTRY = 1;
const KNOWN = 2;
const BLOCK_KEYWORDS = 4;
const BLOCK_VALUES = 8;
const HAS_REST = 16;
const HAS_VIA = 32;
/** The block's `{` is the word right after the node's words (it always is: it must be the next line). */
const HAS_OPEN = 64;

/** A word count of this or more is kept in `bigCounts` (a 1023-character line can hold more words than a byte counts). */
const MANY = 0xff;

const NONE = -1;

/** Shared empty arrays for leaf nodes (most lines): frozen so a stray push fails loudly. */
const NO_CHILDREN: ConfigNode[] = Object.freeze([]) as unknown as ConfigNode[];
const NO_ARGS: Word[] = Object.freeze([]) as unknown as Word[];

export class TreeStore {
  // Not readonly only for copy(): a store is never given other words.
  words = new WordColumns();
  readonly contexts: string[] = [];
  /** Each context's keywords, by context id, as the parser's KeywordTable numbers them (`keys`). */
  readonly keywordsOf: (readonly KeywordFacts[])[] = [];
  private contextIds = new Map<string, number>();
  /** Context of the top-level nodes (set by the parser). */
  topContext = 0;

  // ---- nodes
  nodeCount = 0;
  private flags = new Uint8Array(512);
  private word0 = new Int32Array(512);
  /** The node's keyword in its context's `keywordsOf` list, + 1 (0: an entry or unknown keyword). */
  private keys = new Uint16Array(512);
  /** Words of the node's line; MANY: see bigCounts. */
  private counts = new Uint8Array(512);
  private bigCounts = new Map<number, number>();
  private rests = new Map<number, string>();
  private vias = new Map<number, Via[]>();
  private rootViews: ConfigNode[] | undefined;
  /**
   * Each node's view once made, whoever asked first (its parent's list, or
   * the rules' walk for one line), so that a node has one view: rules keep
   * nodes and compare them.
   */
  private views: (NodeView | undefined)[] | undefined;

  // ---- blocks, in node order
  blockCount = 0;
  private blockChild = new Uint16Array(128);
  /** End of the block node's subtree (exclusive); the node count until the block is closed. */
  private blockEnd = new Int32Array(128);
  private blockClose = new Int32Array(128);
  /**
   * The first block row after the block's subtree (the block count when it
   * was closed): where the row of its next sibling, if that is a block, is.
   * Views walk siblings with it, so no view searches for its block's row.
   */
  private blockAfter = new Int32Array(128);

  /**
   * Makes room for the nodes, blocks and words of `chars` more characters of
   * text, so that a large file does not grow (and copy) the columns a dozen
   * times. Reserved memory is not touched until written, so the estimate is
   * generous (a line per 12 characters, a block per 40, a word per 4); the
   * columns still double past it.
   */
  reserve(chars: number): void {
    const nodes = this.nodeCount + Math.ceil(chars / 12);
    if (nodes > this.flags.length) this.growNodes(nodes);
    const blocks = this.blockCount + Math.ceil(chars / 40);
    if (blocks > this.blockChild.length) this.growBlocks(blocks);
    this.words.reserve(Math.ceil(chars / 4));
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

  // ---- nodes ---------------------------------------------------------------

  /**
   * Appends a node for words [w0, w0 + count). It is the child of the node
   * whose block is open (pre-order: nothing to link). `key` is its keyword's
   * KeywordTable.index() in its context (0: not a keyword there); an entry is
   * known and has none.
   */
  addNode(entry: boolean, key: number, w0: number, count: number, via: Via[] | undefined): number {
    const n = this.nodeCount;
    if (n === this.flags.length) this.growNodes(n * 2);
    this.flags[n] = (entry ? ENTRY | KNOWN : key !== 0 ? KNOWN : 0) | (via ? HAS_VIA : 0);
    this.keys[n] = entry ? 0 : key;
    this.word0[n] = w0;
    if (count < MANY) this.counts[n] = count;
    else {
      this.counts[n] = MANY;
      this.bigCounts.set(n, count);
    }
    if (via) this.vias.set(n, via);
    this.nodeCount = n + 1;
    return n;
  }

  private growNodes(n: number) {
    this.flags = grow(this.flags, n);
    this.word0 = grow(this.word0, n);
    this.keys = grow(this.keys, n);
    this.counts = grow(this.counts, n);
  }

  private growBlocks(n: number) {
    this.blockChild = grow(this.blockChild, n);
    this.blockEnd = grow(this.blockEnd, n);
    this.blockClose = grow(this.blockClose, n);
    this.blockAfter = grow(this.blockAfter, n);
  }

  /** Makes node n (the last one added) a block; returns the block's index, for closeBlock(). */
  setBlock(n: number, values: boolean, childContext: number): number {
    const b = this.blockCount;
    if (b === this.blockChild.length) this.growBlocks(b * 2);
    this.flags[n] |= values ? BLOCK_VALUES : BLOCK_KEYWORDS;
    this.blockChild[b] = childContext;
    this.blockEnd[b] = n + 1;
    this.blockClose[b] = NONE;
    this.blockAfter[b] = b + 1;
    this.blockCount = b + 1;
    return b;
  }

  /** Records the block's `{`: the word just added, right after the node's words. */
  setOpen(n: number, w: number): void {
    if (w === this.word0[n] + this.wordCount(n)) this.flags[n] |= HAS_OPEN;
  }

  /** Ends block b: its subtree is complete. `close` is the `}` word (NONE when the configuration ended first). */
  closeBlock(b: number, close: number): void {
    this.blockEnd[b] = this.nodeCount;
    this.blockClose[b] = close;
    this.blockAfter[b] = this.blockCount;
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

  flagsOf(n: number): number {
    return this.flags[n];
  }

  isEntry(n: number): boolean {
    return (this.flags[n] & ENTRY) !== 0;
  }

  /** The kind of node n's block, or undefined when it has none. */
  blockKind(n: number): Block["kind"] | undefined {
    const f = this.flags[n];
    return f & BLOCK_KEYWORDS ? "keywords" : f & BLOCK_VALUES ? "values" : undefined;
  }

  /** The keyword facts of node n in context `context` (undefined: an entry or a word that is no keyword there). */
  keywordFacts(n: number, context: number): KeywordFacts | undefined {
    const k = this.keys[n];
    return k === 0 ? undefined : this.keywordsOf[context][k - 1];
  }

  /** Node n's keyword in its context's `keywordsOf` list, + 1; 0 for an entry or a word that is no keyword there. */
  keywordKey(n: number): number {
    return this.keys[n];
  }

  keywordWord(n: number): number {
    return this.word0[n];
  }

  wordCount(n: number): number {
    const c = this.counts[n];
    return c === MANY ? this.bigCounts.get(n)! : c;
  }

  restOf(n: number): string {
    return this.rests.get(n) ?? "";
  }

  viaOf(n: number): Via[] | undefined {
    return this.vias.get(n);
  }

  openWord(n: number): number {
    return this.flags[n] & HAS_OPEN ? this.word0[n] + this.wordCount(n) : NONE;
  }

  // A view knows its node's block row (NONE: not a block); these read the block columns by row.

  blockEndAt(row: number): number {
    return this.blockEnd[row];
  }

  blockChildAt(row: number): number {
    return this.blockChild[row];
  }

  blockCloseAt(row: number): number {
    return row === NONE ? NONE : this.blockClose[row];
  }

  /** The first block row after the subtree of the block at `row` (see blockAfter). */
  blockAfterAt(row: number): number {
    return this.blockAfter[row];
  }

  /**
   * Where node n's span ends: at its last word when that is in the same file
   * (after the first, not through an include), else at its first; widened
   * over its `}` when that is in the same file.
   */
  nodeEnd(n: number, row: number): number {
    const w = this.words;
    const w0 = this.word0[n];
    const last = w0 + this.wordCount(n) - 1;
    const file = w.file(w0);
    const lastEnd = w.end(last);
    let end = last === w0 || (w.file(last) === file && lastEnd >= w.start(w0)) ? lastEnd : w.end(w0);
    const close = this.blockCloseAt(row);
    if (close !== NONE && w.file(close) === file && w.end(close) > end) end = w.end(close);
    return end;
  }

  /**
   * Moves the whole parse `delta` characters on, as if its text started that
   * much later in the file (the editor's incremental re-read: a block that
   * did not change is kept, only moved). Views read their span from the
   * store; the words and spans they made read the store's base
   * (WordColumns.makeMovable, set up by the parse that may move).
   * Views keep their identity and the objects they made.
   */
  rebase(delta: number): void {
    if (delta !== 0) this.words.rebase(delta);
  }

  // ---- patching (grammar/word-patch.ts) -------------------------------------

  /** A copy over `words` (a copy of this store's): the columns copied, no views (they are made anew from the copy). */
  copyWith(words: WordColumns): TreeStore {
    const c = new TreeStore();
    c.words = words;
    c.contexts.push(...this.contexts);
    c.keywordsOf.push(...this.keywordsOf);
    for (const [name, id] of this.contextIds) c.contextIds.set(name, id);
    c.topContext = this.topContext;
    const nodes = Math.max(1, this.nodeCount);
    c.nodeCount = this.nodeCount;
    c.flags = this.flags.slice(0, nodes);
    c.word0 = this.word0.slice(0, nodes);
    c.keys = this.keys.slice(0, nodes);
    c.counts = this.counts.slice(0, nodes);
    c.bigCounts = new Map(this.bigCounts);
    c.rests = new Map(this.rests);
    c.vias = new Map(this.vias);
    const blocks = Math.max(1, this.blockCount);
    c.blockCount = this.blockCount;
    c.blockChild = this.blockChild.slice(0, blocks);
    c.blockEnd = this.blockEnd.slice(0, blocks);
    c.blockClose = this.blockClose.slice(0, blocks);
    c.blockAfter = this.blockAfter.slice(0, blocks);
    return c;
  }

  /** The node whose line has word w (its keyword or an arg), or NONE (a brace). */
  nodeOfWord(w: number): number {
    let lo = 0;
    let hi = this.nodeCount - 1;
    if (hi < 0 || this.word0[0] > w) return NONE;
    // The last node whose first word is at or before w (words are in reading order, as nodes are).
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.word0[mid] <= w) lo = mid;
      else hi = mid - 1;
    }
    return w < this.word0[lo] + this.wordCount(lo) ? lo : NONE;
  }

  /** The context (id) each of `nodes` (ascending) is in: one walk over the nodes with a stack of open blocks. */
  contextsOf(nodes: readonly number[]): number[] {
    const out: number[] = [];
    const ends: number[] = [];
    const contexts: number[] = [this.topContext];
    let row = 0;
    let k = 0;
    for (let n = 0; n < this.nodeCount && k < nodes.length; n++) {
      while (ends.length > 0 && ends[ends.length - 1] <= n) {
        ends.pop();
        contexts.pop();
      }
      while (k < nodes.length && nodes[k] === n) {
        out.push(contexts[contexts.length - 1]);
        k++;
      }
      if (this.hasBlock(n)) {
        ends.push(this.blockEnd[row]);
        contexts.push(this.blockChild[row]);
        row++;
      }
    }
    return out;
  }

  /** Gives node n the keyword `key` of its context (KeywordTable.index(); 0: none): the patch of a renamed keyword. */
  rekey(n: number, key: number): void {
    this.keys[n] = key;
    this.flags[n] = key !== 0 ? this.flags[n] | KNOWN : this.flags[n] & ~KNOWN;
  }

  // ---- views ---------------------------------------------------------------

  /** The view of node n: the one made before, else a new one with these facts (row, parent, context are the node's). */
  viewAt(n: number, row: number, parent: ConfigNode | undefined, context: number): NodeView {
    // Sized once at the node count (V8 moves a large array between generations by page, without copying it).
    const views = (this.views ??= new Array(this.nodeCount));
    return (views[n] ??= new NodeView(this, n, row, parent, context));
  }

  /** Forgets the views of nodes [from, to) (forgetMade): asked again, they are made anew. */
  dropViews(from: number, to: number): void {
    const views = this.views;
    if (views) for (let n = from; n < to && n < views.length; n++) views[n] = undefined;
  }

  /** Top-level nodes, in load order (call once the parser has finished). */
  roots(): ConfigNode[] {
    this.rootViews ??= this.list(0, this.nodeCount, 0, undefined, this.topContext);
    return this.rootViews;
  }

  /**
   * Views of the nodes in [from, to) that are children of `parent` (siblings
   * are one subtree apart), all in `context`. `row` is the first block row at
   * or after node `from`: blocks are in node order, so a block sibling's row
   * is that cursor, and the next one is the row after its subtree.
   */
  list(from: number, to: number, row: number, parent: ConfigNode | undefined, context: number): ConfigNode[] {
    if (from >= to) return NO_CHILDREN;
    // Counted first, so the list is made at its size: a list grown by push keeps room for 17 or more,
    // and a large configuration has a hundred thousand lists of a few lines each.
    let n = 0;
    for (let c = from, r = row; c < to; n++) {
      if (this.hasBlock(c)) {
        c = this.blockEnd[r];
        r = this.blockAfter[r];
      } else c++;
    }
    const out: ConfigNode[] = new Array(n);
    let i = 0;
    for (let c = from; c < to; ) {
      if (this.hasBlock(c)) {
        out[i++] = this.viewAt(c, row, parent, context);
        c = this.blockEnd[row];
        row = this.blockAfter[row];
      } else {
        out[i++] = this.viewAt(c, NONE, parent, context);
        c++;
      }
    }
    return out;
  }
}

/**
 * What a view makes on first request and keeps (identity matters: rules keep
 * words and compare them). A class with every field from the start: records
 * grown one property at a time took as many shapes as orders of asking, and
 * V8 threw away the optimised code of the getters that read them.
 */
class Made {
  keyword: Word | undefined = undefined;
  args: Word[] | undefined = undefined;
  block: Block | undefined = undefined;
  /** The span when something moved it off the store's (--template-vars maps a rendering's nodes onto the template). */
  moved: { start: number; end: number } | undefined = undefined;
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
  // Few fields: a large configuration has hundreds of thousands of views, all kept for the lint,
  // and every field is memory the garbage collector copies. What the store has is read through getters.
  readonly parent: ConfigNode | undefined;
  readonly #store: TreeStore;
  readonly #index: number;
  /** The node's block row in the store (NONE: not a block). */
  readonly #row: number;
  /** The store's id of the node's context. */
  readonly #context: number;
  #children: ConfigNode[] | undefined;
  /** What the view made on request (most views are never asked): one field rather than four. */
  #made: Made | undefined;

  constructor(store: TreeStore, index: number, row: number, parent: ConfigNode | undefined, context: number) {
    this.parent = parent;
    this.#store = store;
    this.#index = index;
    this.#row = row;
    this.#context = context;
  }

  get kind(): ConfigNode["kind"] {
    return this.#store.isEntry(this.#index) ? "entry" : "keyword";
  }

  get known(): boolean {
    return (this.#store.flagsOf(this.#index) & KNOWN) !== 0;
  }

  get context(): string {
    return this.#store.contextName(this.#context);
  }

  get spec(): KeywordFacts | undefined {
    return this.#store.keywordFacts(this.#index, this.#context);
  }

  get file(): string {
    const w = this.#store.words;
    return w.paths[w.file(this.#store.keywordWord(this.#index))];
  }

  get start(): number {
    const moved = this.#made?.moved;
    return moved ? moved.start : this.#store.words.start(this.#store.keywordWord(this.#index));
  }

  set start(offset: number) {
    this.#moved().start = offset;
  }

  get end(): number {
    const moved = this.#made?.moved;
    return moved ? moved.end : this.#store.nodeEnd(this.#index, this.#row);
  }

  set end(offset: number) {
    this.#moved().end = offset;
  }

  /** The span, kept on the view from now on (see `moved`). */
  #moved(): { start: number; end: number } {
    const made = (this.#made ??= new Made());
    // From the words: a parse that moves moves it too.
    return (made.moved ??= this.#store.words.spanAt(this.start, this.end));
  }

  get name(): string {
    // A known keyword's name is its facts' (one string, no slice of the file per line).
    const spec = this.spec;
    return spec !== undefined ? spec.name : this.keyword.text;
  }

  /** Lets go of what this view and those below it made, and of the views below it (see forgetMade). */
  forget(): void {
    if (this.#row !== NONE) this.#store.dropViews(this.#index + 1, this.#store.blockEndAt(this.#row));
    this.#clear();
  }

  #clear(): void {
    const children = this.#children;
    this.#children = undefined;
    this.#made = undefined;
    if (children) for (let i = 0; i < children.length; i++) (children[i] as NodeView).#clear();
  }

  get keyword(): Word {
    const made = (this.#made ??= new Made());
    return (made.keyword ??= this.#store.words.word(this.#store.keywordWord(this.#index)));
  }

  /** The number of args, without making them. */
  argCount(): number {
    return Math.max(0, this.#store.wordCount(this.#index) - 1);
  }

  /** The text of arg i (0 ≤ i < argCount()), without making its Word. */
  argText(i: number): string {
    const args = this.#made?.args;
    return args ? args[i].text : this.#store.words.text(this.#store.keywordWord(this.#index) + 1 + i);
  }

  get args(): Word[] {
    const s = this.#store;
    const count = s.wordCount(this.#index);
    // A line without args shares one empty list (and makes no record).
    if (count <= 1) return NO_ARGS;
    const made = (this.#made ??= new Made());
    if (!made.args) {
      const w0 = s.keywordWord(this.#index);
      const a: Word[] = [];
      for (let w = w0 + 1; w < w0 + count; w++) a.push(s.words.word(w));
      made.args = a;
    }
    return made.args;
  }

  get block(): Block | undefined {
    const kind = this.#store.blockKind(this.#index);
    if (kind === undefined) return undefined;
    const made = (this.#made ??= new Made());
    if (!made.block) {
      const s = this.#store;
      const open = s.openWord(this.#index);
      const close = s.blockCloseAt(this.#row);
      made.block = {
        kind,
        childContext: s.contextName(s.blockChildAt(this.#row)),
        open: open === NONE ? undefined : s.words.span(open),
        close: close === NONE ? undefined : s.words.span(close),
      };
    }
    return made.block;
  }

  get children(): ConfigNode[] {
    const s = this.#store;
    const r = this.#row;
    // The first block row after this node's is the first in its subtree, if there is one.
    this.#children ??= r !== NONE ? s.list(this.#index + 1, s.blockEndAt(r), r + 1, this, s.blockChildAt(r)) : NO_CHILDREN;
    return this.#children;
  }

  /** See childContextOf. */
  childContext(): string | undefined {
    return this.#row === NONE ? undefined : this.#store.contextName(this.#store.blockChildAt(this.#row));
  }

  /** Where `view` reads its node, without an object for it: its index, row and context into `into`, and the store. */
  static readInto(view: NodeView, into: number[]): TreeStore {
    into[0] = view.#index;
    into[1] = view.#row;
    into[2] = view.#context;
    return view.#store;
  }

  /** Where this view reads its node (see storeNodeOf). */
  storeNode(): StoreNode {
    return { store: this.#store, index: this.#index, row: this.#row, context: this.#context };
  }

  get rest(): string {
    return this.#store.flagsOf(this.#index) & HAS_REST ? this.#store.restOf(this.#index) : "";
  }

  get via(): Via[] | undefined {
    return this.#store.flagsOf(this.#index) & HAS_VIA ? this.#store.viaOf(this.#index) : undefined;
  }
}

export { NONE as NO_NODE };

/**
 * Lets go of what the views of `node`'s subtree made (words, child lists,
 * blocks), for a consumer that goes through a large tree once, top-level
 * node by top-level node (parse --json): else all of it stays alive to the
 * end, ~300 MB for 500,000 lines. Asked again, a view makes them anew, as
 * new objects: not for a tree whose words or children anyone keeps.
 */
export function forgetMade(node: ConfigNode): void {
  if (node instanceof NodeView) node.forget();
}

/** A node as the store keeps it: its index, its block row (NO_NODE: none) and its context's id. */
export interface StoreNode {
  store: TreeStore;
  index: number;
  row: number;
  context: number;
}

/**
 * The store node behind a view, for a consumer that reads a large tree once
 * and fast (parse --json) without making the views, words and lists below
 * it; undefined for a node the reader did not make. The caller walks the
 * subtree as TreeStore.list does. Spans a view was given (set start/end) are
 * not in the store.
 */
export function storeNodeOf(node: ConfigNode): StoreNode | undefined {
  return node instanceof NodeView ? node.storeNode() : undefined;
}

/**
 * The context of the lines in `node`'s block (undefined: no block), without
 * making the block or the child lines when the node is the reader's.
 */
export function childContextOf(node: ConfigNode): string | undefined {
  return node instanceof NodeView ? node.childContext() : node.block?.childContext;
}

/**
 * How many args a line has: node.args.length, without making a Word object
 * per arg when the node is the reader's (rules ask it of every line).
 */
export function argCount(node: ConfigNode): number {
  return node instanceof NodeView ? node.argCount() : node.args.length;
}

/** The text of a line's arg `i` (undefined past its last), without a Word object per arg when the node is the reader's. */
export function argTextOf(node: ConfigNode, i: number): string | undefined {
  if (!(node instanceof NodeView)) return node.args[i]?.text;
  return i < node.argCount() ? node.argText(i) : undefined;
}

/**
 * The texts of a line's args as one string (joined with NUL; the text itself
 * for one arg): a key for caching what depends on the texts alone, made
 * without a Word object per arg when the node is the reader's.
 */
export function argsKey(node: ConfigNode): string {
  if (!(node instanceof NodeView)) return node.args.length === 1 ? node.args[0].text : node.args.map((a) => a.text).join("\0");
  return joinedArgs(node);
}

/** The args' texts joined with NUL (the text itself for one arg), read through argCount/argText. */
function joinedArgs(line: Pick<WalkedLine, "argCount" | "argText">): string {
  const n = line.argCount();
  if (n === 1) return line.argText(0);
  let key = "";
  for (let i = 0; i < n; i++) key += i === 0 ? line.argText(i) : `\0${line.argText(i)}`;
  return key;
}

/**
 * The rules' walk (WalkedLine): every line of a top-level line's subtree, in
 * reading order, read from the store. The store is in reading order already,
 * so the walk is a loop over node indices with a stack of the open blocks,
 * and no view is made for a line no handler asks for (`node`, `parent`,
 * `sibling`): on a large LVS configuration, most lines. One object, moved
 * from line to line.
 */
export class LineWalker implements WalkedLine {
  #store: TreeStore | undefined;
  /** The top-level line's index (`at` counts from it). */
  #top = 0;
  /** The line the walk is at: its index, block row (NONE: no block), context id and depth. */
  #n = 0;
  #row = NONE;
  #context = 0;
  #depth = 0;
  // By depth, the line the walk is at and the lines whose blocks it is in: index, row, context, view once made.
  readonly #indices: number[] = [];
  readonly #rows: number[] = [];
  readonly #contexts: number[] = [];
  readonly #views: (ConfigNode | undefined)[] = [];
  /** The stand-in for a node the reader did not make (none in a lint; kept for any ConfigNode). */
  readonly #plain = new PlainLine();

  /**
   * Calls `visit` with a line for each line of `top`'s subtree, `top` first;
   * a block line for which `visit` returns false has its lines skipped.
   */
  walk(top: ConfigNode, visit: (line: WalkedLine) => boolean | void): void {
    if (!(top instanceof NodeView)) {
      this.#plain.walk(top, visit);
      return;
    }
    // Read into an array kept for it: the model walks each of tens of thousands of real servers.
    const where = this.#where;
    const store = NodeView.readInto(top, where);
    const t = where[0];
    const r0 = where[1];
    const c0 = where[2];
    this.#store = store;
    this.#top = t;
    const indices = this.#indices;
    const rows = this.#rows;
    const contexts = this.#contexts;
    const views = this.#views;
    indices[0] = t;
    rows[0] = r0;
    contexts[0] = c0;
    views[0] = top;
    this.#at(t, r0, c0, 0);
    if (visit(this) === false || r0 === NONE) return;
    // ends[d] and inner[d]: where the block of the line at depth d ends, and its lines' context.
    const ends = this.#ends;
    const inner = this.#inner;
    ends[0] = store.blockEndAt(r0);
    inner[0] = store.blockChildAt(r0);
    // Blocks are numbered in reading order: the next block line's row is one more than the last one's.
    let next = r0 + 1;
    let depth = 1;
    const end = ends[0];
    for (let n = t + 1; n < end; n++) {
      while (n >= ends[depth - 1]) depth--;
      const row = store.hasBlock(n) ? next++ : NONE;
      const context = inner[depth - 1];
      indices[depth] = n;
      rows[depth] = row;
      contexts[depth] = context;
      views[depth] = undefined;
      this.#at(n, row, context, depth);
      const descend = visit(this);
      if (row === NONE) continue;
      if (descend === false) {
        // On past the block's lines, and its blocks' rows.
        n = store.blockEndAt(row) - 1;
        next = store.blockAfterAt(row);
      } else {
        ends[depth] = store.blockEndAt(row);
        inner[depth] = store.blockChildAt(row);
        depth++;
      }
    }
    views.fill(undefined);
  }

  readonly #where: number[] = [0, 0, 0];
  readonly #ends: number[] = [];
  readonly #inner: number[] = [];

  #at(n: number, row: number, context: number, depth: number): void {
    this.#n = n;
    this.#row = row;
    this.#context = context;
    this.#depth = depth;
  }

  get kind(): ConfigNode["kind"] {
    return this.#store!.isEntry(this.#n) ? "entry" : "keyword";
  }

  get known(): boolean {
    return (this.#store!.flagsOf(this.#n) & KNOWN) !== 0;
  }

  get spec(): KeywordFacts | undefined {
    return this.#store!.keywordFacts(this.#n, this.#context);
  }

  get name(): string {
    // As a view has it, without making the keyword's Word.
    const spec = this.spec;
    return spec !== undefined ? spec.name : this.#store!.words.text(this.#store!.keywordWord(this.#n));
  }

  get context(): string {
    return this.#store!.contextName(this.#context);
  }

  get rest(): string {
    return this.#store!.flagsOf(this.#n) & HAS_REST ? this.#store!.restOf(this.#n) : "";
  }

  get depth(): number {
    return this.#depth;
  }

  get opensBlock(): boolean {
    return this.#row !== NONE;
  }

  get childContext(): string | undefined {
    return this.#row === NONE ? undefined : this.#store!.contextName(this.#store!.blockChildAt(this.#row));
  }

  get at(): number {
    return this.#n - this.#top;
  }

  argCount(): number {
    return Math.max(0, this.#store!.wordCount(this.#n) - 1);
  }

  argText(i: number): string {
    return this.#store!.words.text(this.#store!.keywordWord(this.#n) + 1 + i);
  }

  get node(): ConfigNode {
    return this.#viewAt(this.#depth);
  }

  get parent(): ConfigNode | undefined {
    return this.#depth === 0 ? this.#views[0]!.parent : this.#viewAt(this.#depth - 1);
  }

  sibling(at: number): ConfigNode {
    const store = this.#store!;
    const target = this.#top + at;
    if (this.#depth === 0) throw new Error("sibling() of a top-level line");
    // Siblings are one subtree apart, from the block's first line on (as TreeStore.list walks them).
    const d = this.#depth - 1;
    let row = this.#rows[d] + 1;
    let n = this.#indices[d] + 1;
    while (n < target) {
      if (store.hasBlock(n)) {
        n = store.blockEndAt(row);
        row = store.blockAfterAt(row);
      } else n++;
    }
    if (n !== target) throw new Error(`line ${at} is not in the block of line ${this.at}`);
    return store.viewAt(n, store.hasBlock(n) ? row : NONE, this.#viewAt(d), this.#contexts[this.#depth]);
  }

  /** The view of the line at depth d (the walk's line or one whose block it is in), made with its parent's if need be. */
  #viewAt(d: number): ConfigNode {
    let view = this.#views[d];
    if (view === undefined) {
      view = this.#store!.viewAt(this.#indices[d], this.#rows[d], this.#viewAt(d - 1), this.#contexts[d]);
      this.#views[d] = view;
    }
    return view;
  }
}

/** WalkedLine over ConfigNode objects, for a tree the reader did not make. */
class PlainLine implements WalkedLine {
  #node!: ConfigNode;
  #depth = 0;
  /** The subtree's lines so far, by `at`. */
  #seen: ConfigNode[] = [];

  walk(top: ConfigNode, visit: (line: WalkedLine) => boolean | void): void {
    this.#seen = [];
    const go = (node: ConfigNode, depth: number) => {
      this.#node = node;
      this.#depth = depth;
      this.#seen.push(node);
      if (visit(this) === false) return;
      for (const child of node.children) go(child, depth + 1);
    };
    go(top, 0);
    this.#seen = [];
  }

  get kind() {
    return this.#node.kind;
  }
  get known() {
    return this.#node.known;
  }
  get spec() {
    return this.#node.spec;
  }
  get name() {
    return this.#node.name;
  }
  get context() {
    return this.#node.context;
  }
  get rest() {
    return this.#node.rest;
  }
  get depth() {
    return this.#depth;
  }
  get opensBlock() {
    return this.#node.block !== undefined;
  }
  get childContext() {
    return this.#node.block?.childContext;
  }
  get at() {
    return this.#seen.length - 1;
  }
  get node() {
    return this.#node;
  }
  get parent() {
    return this.#node.parent;
  }
  sibling(at: number): ConfigNode {
    const node = this.#seen[at];
    if (!node || node.parent !== this.#node.parent) throw new Error(`line ${at} is not in the block of line ${this.at}`);
    return node;
  }
  argCount() {
    return this.#node.args.length;
  }
  argText(i: number) {
    return this.#node.args[i]!.text;
  }
}

/** argsKey for the walk's line. */
export function argsKeyOfLine(line: WalkedLine): string {
  return joinedArgs(line);
}
