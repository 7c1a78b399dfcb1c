/**
 * The reader's nodes as parse --json prints them, written as bytes straight
 * from the reader's store: no view, word or list object per line, and no
 * JSON.stringify (with two-space indents it managed ~230 MB/s, most of a
 * 500,000-line parse --json).
 *
 * The bytes are JSON.stringify(value, null, 2) of each node as
 *   { name, kind, context, known, file, line, column, endLine, endColumn,
 *     keyword: WORD, args: [WORD...], block?: { kind, childContext, closed },
 *     children: [NODE...] }
 * with WORD = { text, quoted, synthetic?: true, file, line, column }: the
 * ConfigNode's fields, positions 1-based (1:1 in a file the parse did not
 * read), `closed` when the block has its `}`. test/cli/tree-json.test.ts
 * builds that value from the ConfigNode and holds the two equal.
 */
import type { SourceFile } from "../../grammar/source.js";
import { NO_NODE, type StoreNode, type TreeStore } from "../../grammar/tree.js";
import type { ByteOut } from "./byte-out.js";

const nl = (depth: number) => "\n" + "  ".repeat(depth);
const UTF8 = new TextEncoder();
/** Depths are below this in the cache keys: blocks nest only as the schema's contexts do, a few levels. */
const DEPTHS = 1024;
const bytesOf = (s: string) => UTF8.encode(s);

/** How a node's `{` follows what is before it: written by the caller, or as the first or a later element of its parent's children. */
const enum Sep {
  Caller = 0,
  First = 1,
  Next = 2,
}

/** The fixed pieces of the layout for an object whose fields are `k` indents deep. */
class Pieces {
  /** The node's `{` up to its name's value, after each Sep. */
  readonly open: readonly Uint8Array[];
  readonly column: Uint8Array;
  readonly endLine: Uint8Array;
  readonly endColumn: Uint8Array;
  /** After endColumn's value: the keyword field up to its text's value. */
  readonly keyword: Uint8Array;
  /** After the keyword word's column: its `}`, the args field and the first arg up to its text's value. */
  readonly firstArg: Uint8Array;
  /** After an arg's column (args are k + 1 deep, their fields k + 2): its `}` and the next arg up to its text's value. */
  readonly nextArg: Uint8Array;
  /** After the last child: the children's `]` and the node's `}`. */
  readonly childrenEnd: Uint8Array;

  constructor(k: number) {
    const at = nl(k);
    const name = `{${at}"name": `;
    this.open = [bytesOf(name), bytesOf(nl(k - 1) + name), bytesOf("," + nl(k - 1) + name)];
    this.column = bytesOf(`,${at}"column": `);
    this.endLine = bytesOf(`,${at}"endLine": `);
    this.endColumn = bytesOf(`,${at}"endColumn": `);
    this.keyword = bytesOf(`,${at}"keyword": {${nl(k + 1)}"text": `);
    this.firstArg = bytesOf(`${at}},${at}"args": [${nl(k + 1)}{${nl(k + 2)}"text": `);
    this.nextArg = bytesOf(`${nl(k + 1)}},${nl(k + 1)}{${nl(k + 2)}"text": `);
    this.childrenEnd = bytesOf(`${at}]${nl(k - 1)}}`);
  }
}

/** Pieces that name a file: made per file, kept by the numbers of what else they hold. */
class FilePieces {
  /** A known keyword's `{` through its name up to line's value, by context, then by key, depth and Sep. */
  readonly heads: (Map<number, Uint8Array> | undefined)[] = [];
  /** After a name written as text, up to line's value: by context, depth, entry and known. */
  readonly afterName = new Map<number, Uint8Array>();
  /** After a word's text up to its line's value: by depth, quoted and synthetic. */
  readonly afterText = new Map<number, Uint8Array>();

  constructor(readonly path: string) {}
}

/** Lines of one file, with the line of the last offset asked: the writer goes through a file in order. */
class LineCursor {
  private line = 0;
  constructor(
    private readonly starts: Int32Array,
    private readonly length: number,
  ) {}

  /** 0-based line of `offset` (clamped into the file); `remember`: start the next search there. */
  lineAt(offset: number, remember: boolean): number {
    const starts = this.starts;
    const o = offset < 0 ? 0 : offset > this.length ? this.length : offset;
    let l = this.line;
    // Nearly always the remembered line or one of the next few.
    if (starts[l] <= o) {
      const stop = Math.min(starts.length, l + 8);
      while (l + 1 < stop && starts[l + 1] <= o) l++;
      if (l + 1 === starts.length || starts[l + 1] > o) {
        if (remember) this.line = l;
        return l;
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    if (remember) this.line = lo;
    return lo;
  }

  /** 1-based column of `offset`, on its 0-based line. */
  columnAt(offset: number, line: number): number {
    const o = offset < 0 ? 0 : offset > this.length ? this.length : offset;
    return o - this.starts[line] + 1;
  }
}

/**
 * Writes nodes of one parse to a ByteOut. The layout's fixed text between
 * two values (a name, a number, a word's text) is one piece, made once and
 * kept by what it depends on (depth, context, file, flags): half a million
 * nodes are then a dozen copies and a dozen values each, not forty copies.
 */
export class TreeJson {
  private readonly pieces: Pieces[] = [];
  private readonly files: (FilePieces | undefined)[] = [];
  private readonly contexts: (string | undefined)[] = [];
  /** What follows a keyword word or the last arg, to the children's `[` (or the node's `}` when there are none), by its numbers. */
  private readonly tails = new Map<number, Uint8Array>();
  private readonly cursors: (LineCursor | null | undefined)[] = [];
  private store: TreeStore | undefined;

  constructor(
    private readonly out: ByteOut,
    private readonly sources: ReadonlyMap<string, SourceFile>,
  ) {}

  /**
   * A node of the store as an element of an array whose elements are `level`
   * indents deep (its `{` is written here; the separator before it is the
   * caller's). A node the store does not hold (storeNodeOf) is printed from
   * nodeJson instead.
   */
  write(node: StoreNode, level: number): void {
    // The caches below are by the store's file and context ids.
    if (node.store !== this.store) {
      this.store = node.store;
      this.files.length = this.contexts.length = this.cursors.length = 0;
    }
    this.node(node.store, node.index, node.row, node.context, level + 1, Sep.Caller);
  }

  private piecesAt(k: number): Pieces {
    return (this.pieces[k] ??= new Pieces(k));
  }

  /** Node n, whose fields are k indents deep. */
  private node(store: TreeStore, n: number, row: number, context: number, k: number, sep: Sep): void {
    const out = this.out;
    const words = store.words;
    const p = this.piecesAt(k);
    const kw = store.keywordWord(n);
    const file = words.file(kw);
    const fp = this.filePieces(store, file);

    const key = store.keywordKey(n);
    if (key !== 0) out.bytes(this.head(fp, store, n, context, key, k, sep));
    else {
      out.bytes(p.open[sep]);
      this.wordText(store, kw, file);
      out.bytes(this.afterName(fp, store, context, k, store.isEntry(n), store.isKnown(n)));
    }
    const start = words.start(kw);
    const cursor = this.cursorOf(store, file);
    const line = cursor ? cursor.lineAt(start, true) : 0;
    const column = cursor ? cursor.columnAt(start, line) : 1;
    const end = store.nodeEnd(n, row);
    const endLine = cursor ? cursor.lineAt(end, false) : 0;
    out.uint(line + 1);
    out.bytes(p.column);
    out.uint(column);
    out.bytes(p.endLine);
    out.uint(endLine + 1);
    out.bytes(p.endColumn);
    out.uint(cursor ? cursor.columnAt(end, endLine) : 1);
    out.bytes(p.keyword);
    this.wordText(store, kw, file);
    this.wordRest(store, kw, file, fp, k + 1, line, column);

    const count = store.wordCount(n);
    for (let w = kw + 1; w < kw + count; w++) {
      out.bytes(w === kw + 1 ? p.firstArg : p.nextArg);
      const f = words.file(w);
      this.wordText(store, w, f);
      this.wordRest(store, w, f, f === file ? fp : this.filePieces(store, f), k + 2, -1, 0);
    }

    const blockKind = store.blockKind(n);
    const childEnd = blockKind !== undefined ? store.blockEndAt(row) : n + 1;
    out.bytes(this.tail(store, k, count > 1, blockKind, row, childEnd > n + 1));
    if (childEnd > n + 1) {
      const childContext = store.blockChildAt(row);
      // Siblings are a subtree apart; a block sibling's row is the cursor r (as TreeStore.list walks them).
      for (let c = n + 1, r = row + 1; c < childEnd; ) {
        const s = c === n + 1 ? Sep.First : Sep.Next;
        if (store.hasBlock(c)) {
          this.node(store, c, r, childContext, k + 2, s);
          c = store.blockEndAt(r);
          r = store.blockAfterAt(r);
        } else {
          this.node(store, c, NO_NODE, childContext, k + 2, s);
          c++;
        }
      }
      out.bytes(p.childrenEnd);
    }
  }

  /** Word w after its text, fields k deep: quoted, synthetic, file, line, column. `line` when known (the node's keyword), else -1. */
  private wordRest(store: TreeStore, w: number, file: number, fp: FilePieces, k: number, line: number, column: number): void {
    const out = this.out;
    const words = store.words;
    const object = words.objectAt(w);
    out.bytes(this.afterText(fp, k, words.quotedAt(w), object?.synthetic === true));
    if (line < 0) {
      const cursor = this.cursorOf(store, file);
      const start = words.start(w);
      line = cursor ? cursor.lineAt(start, true) : 0;
      column = cursor ? cursor.columnAt(start, line) : 1;
    }
    out.uint(line + 1);
    out.bytes(this.piecesAt(k).column);
    out.uint(column);
  }

  private wordText(store: TreeStore, w: number, file: number): void {
    const words = store.words;
    const object = words.objectAt(w);
    if (object !== undefined) this.out.jsonString(object.text, 0, object.text.length);
    else {
      const start = words.sliceStart(w);
      this.out.jsonString(words.texts[file], start, start + words.sliceLength(w));
    }
  }

  private head(fp: FilePieces, store: TreeStore, n: number, context: number, key: number, k: number, sep: Sep): Uint8Array {
    const heads = (fp.heads[context] ??= new Map());
    const id = (key * DEPTHS + k) * 3 + sep;
    let b = heads.get(id);
    if (b === undefined) {
      const name = store.keywordFacts(n, context)!.name;
      const open = new TextDecoder().decode(this.piecesAt(k).open[sep]);
      b = bytesOf(open + JSON.stringify(name) + this.afterNameText(fp, store, context, k, false, true));
      heads.set(id, b);
    }
    return b;
  }

  private afterName(fp: FilePieces, store: TreeStore, context: number, k: number, entry: boolean, known: boolean): Uint8Array {
    const id = ((context * DEPTHS + k) * 2 + (entry ? 1 : 0)) * 2 + (known ? 1 : 0);
    let b = fp.afterName.get(id);
    if (b === undefined) fp.afterName.set(id, (b = bytesOf(this.afterNameText(fp, store, context, k, entry, known))));
    return b;
  }

  private afterNameText(fp: FilePieces, store: TreeStore, context: number, k: number, entry: boolean, known: boolean): string {
    const at = nl(k);
    return `,${at}"kind": "${entry ? "entry" : "keyword"}",${at}"context": ${this.contextText(store, context)},${at}"known": ${known},${at}"file": ${JSON.stringify(fp.path)},${at}"line": `;
  }

  private afterText(fp: FilePieces, k: number, quoted: boolean, synthetic: boolean): Uint8Array {
    const id = (k * 2 + (quoted ? 1 : 0)) * 2 + (synthetic ? 1 : 0);
    let b = fp.afterText.get(id);
    if (b === undefined) {
      const at = nl(k);
      b = bytesOf(`,${at}"quoted": ${quoted}${synthetic ? `,${at}"synthetic": true` : ""},${at}"file": ${JSON.stringify(fp.path)},${at}"line": `);
      fp.afterText.set(id, b);
    }
    return b;
  }

  /**
   * After the keyword word's column (`afterArgs`: after the last arg's):
   * the word's (or the args' list's) end, the block field, and the children
   * field up to its `[`, or through `[]` and the node's `}` when it has none.
   */
  private tail(store: TreeStore, k: number, afterArgs: boolean, blockKind: "keywords" | "values" | undefined, row: number, children: boolean): Uint8Array {
    const childContext = blockKind !== undefined ? store.blockChildAt(row) : 0;
    const closed = blockKind !== undefined && store.blockCloseAt(row) !== NO_NODE;
    const kind = blockKind === undefined ? 0 : blockKind === "keywords" ? 1 : 2;
    const id = ((((childContext * DEPTHS + k) * 3 + kind) * 2 + (closed ? 1 : 0)) * 2 + (children ? 1 : 0)) * 2 + (afterArgs ? 1 : 0);
    let b = this.tails.get(id);
    if (b === undefined) {
      const at = nl(k);
      const inner = nl(k + 1);
      let t = afterArgs ? `${inner}}${at}]` : `${at}},${at}"args": []`;
      if (blockKind !== undefined) t += `,${at}"block": {${inner}"kind": "${blockKind}",${inner}"childContext": ${this.contextText(store, childContext)},${inner}"closed": ${closed}${at}}`;
      t += children ? `,${at}"children": [` : `,${at}"children": []${nl(k - 1)}}`;
      this.tails.set(id, (b = bytesOf(t)));
    }
    return b;
  }

  private contextText(store: TreeStore, id: number): string {
    return (this.contexts[id] ??= JSON.stringify(store.contextName(id)));
  }

  private filePieces(store: TreeStore, file: number): FilePieces {
    return (this.files[file] ??= new FilePieces(store.words.paths[file]));
  }

  /** The file's line cursor; null when the parse has no such file (positions are then 1:1, as positionIn gives). */
  private cursorOf(store: TreeStore, file: number): LineCursor | null {
    let c = this.cursors[file];
    if (c === undefined) {
      const source = this.sources.get(store.words.paths[file]);
      c = this.cursors[file] = source ? new LineCursor(source.lineStarts, source.text.length) : null;
    }
    return c;
  }
}
