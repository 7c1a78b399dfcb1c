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
import { lineIndexAt, type SourceFile } from "../../grammar/source.js";
import { NO_NODE, type StoreNode, type TreeStore } from "../../grammar/tree.js";
import { WordFacts } from "../../grammar/word-columns.js";
import type { ByteOut } from "./byte-out.js";

const nl = (depth: number) => "\n" + "  ".repeat(depth);
const UTF8 = new TextEncoder();
const bytesOf = (s: string) => UTF8.encode(s);

/** How a node's `{` follows what is before it: written by the caller, or as the first or a later element of its parent's children. */
const enum Sep {
  Caller = 0,
  First = 1,
  Next = 2,
}

/** A node's `{` up to its name's value, its fields k indents deep, after `sep`. */
function openText(k: number, sep: Sep): string {
  const name = `{${nl(k)}"name": `;
  return sep === Sep.Caller ? name : `${sep === Sep.Next ? "," : ""}${nl(k - 1)}${name}`;
}

/** A piece kept in a list, once made. */
type Kept = Uint8Array | undefined;

/** The list at `i` of `lists`, made on first use. */
function listAt<T>(lists: T[][], i: number): T[] {
  return (lists[i] ??= []);
}

/** Columns below this are written inside the pieces around them (they are nearly always small). */
const SMALL = 256;

/** A numbered piece: `before`, the number, `after` (when the number is small, one copy of a kept piece). */
class Numbered {
  private readonly kept: (Uint8Array | undefined)[] = [];
  private readonly beforeBytes: Uint8Array;
  private readonly afterBytes: Uint8Array;

  constructor(
    private readonly before: string,
    private readonly after: string,
  ) {
    this.beforeBytes = bytesOf(before);
    this.afterBytes = bytesOf(after);
  }

  write(out: ByteOut, v: number): void {
    if (v < SMALL) out.bytes((this.kept[v] ??= bytesOf(this.before + v + this.after)));
    else {
      out.bytes(this.beforeBytes);
      out.uint(v);
      out.bytes(this.afterBytes);
    }
  }
}

/** The fixed pieces of the layout for a node whose fields are `k` indents deep, and for its words. */
class Pieces {
  /** The node's `{` up to its name's value, after each Sep. */
  readonly open: readonly Uint8Array[];
  /** After line's value: column, and endLine up to its value. */
  readonly columnEndLine: Numbered;
  /** After endLine's value: endColumn, and the keyword field up to its text's value. */
  readonly endColumnKeyword: Numbered;
  /** After the keyword word's line: its column, `}`, and the args field with the first arg up to its text's value. */
  readonly keywordColumnFirstArg: Numbered;
  /** After an arg's line: its column, `}`, and the next arg up to its text's value. */
  readonly argColumnNextArg: Numbered;
  /** After the line of a word whose fields are k deep: its column (the keyword word's with k + 1, an arg's with k + 2). */
  readonly wordColumn: Numbered;
  /** After the last child: the children's `]` and the node's `}`. */
  readonly childrenEnd: Uint8Array;

  constructor(k: number) {
    const at = nl(k);
    this.open = [Sep.Caller, Sep.First, Sep.Next].map((sep) => bytesOf(openText(k, sep)));
    this.columnEndLine = new Numbered(`,${at}"column": `, `,${at}"endLine": `);
    this.endColumnKeyword = new Numbered(`,${at}"endColumn": `, `,${at}"keyword": {${nl(k + 1)}"text": `);
    this.keywordColumnFirstArg = new Numbered(`,${nl(k + 1)}"column": `, `${at}},${at}"args": [${nl(k + 1)}{${nl(k + 2)}"text": `);
    this.argColumnNextArg = new Numbered(`,${nl(k + 2)}"column": `, `${nl(k + 1)}},${nl(k + 1)}{${nl(k + 2)}"text": `);
    this.wordColumn = new Numbered(`,${at}"column": `, "");
    this.childrenEnd = bytesOf(`${at}]${nl(k - 1)}}`);
  }
}

/** Pieces that name a file: made per file, kept by the numbers of what else they hold. */
class FilePieces {
  // Kept in lists by small numbers (array reads: these are looked up for every line and word).
  /** A known keyword's `{` through its name up to line's value: by context, key, then depth and Sep. */
  readonly heads: Kept[][][] = [];
  /** A known keyword's word, written as its name, from its text up to its line's value: by context, key, depth. */
  readonly keywordTexts: Kept[][][] = [];
  /** After a name written as text, up to line's value: by context, then depth, entry and known. */
  readonly afterName: Kept[][] = [];
  /** After a word's text up to its line's value: by depth, quoted and synthetic. */
  readonly afterText: Kept[] = [];

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
    l = lineIndexAt(starts, o);
    if (remember) this.line = l;
    return l;
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
  /** What follows a keyword word or the last arg, to the children's `[` (or the node's `}` when there are none): by child context, then its numbers. */
  private readonly tails: Kept[][] = [];
  private readonly cursors: (LineCursor | null | undefined)[] = [];
  private store: TreeStore | undefined;
  /** The word being written (WordColumns.read fills it). */
  private readonly word = new WordFacts();

  constructor(
    private readonly out: ByteOut,
    private readonly sources: ReadonlyMap<string, SourceFile>,
  ) {}

  /**
   * A node of the store (storeNodeOf) as an element of an array whose
   * elements are `level` indents deep (its `{` is written here; the
   * separator before it is the caller's).
   */
  write(node: StoreNode, level: number): void {
    // The caches below are by the store's file and context ids (the tails hold context names).
    if (node.store !== this.store) {
      this.store = node.store;
      this.files.length = this.contexts.length = this.cursors.length = this.tails.length = 0;
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
    // The keyword word's facts (`word` is refilled for each word below: read what is needed of it first).
    const word = this.word;
    words.read(kw, word);
    const file = word.file;
    const start = word.offset;
    const fp = this.filePieces(store, file);

    const key = store.keywordKey(n);
    if (key !== 0) out.bytes(this.head(fp, store, n, context, key, k, sep));
    else {
      out.bytes(p.open[sep]);
      this.wordText(store, word);
      out.bytes(this.afterName(fp, store, context, k, store.isEntry(n), store.isKnown(n)));
    }
    const cursor = this.cursorOf(store, file);
    const line = cursor ? cursor.lineAt(start, true) : 0;
    const column = cursor ? cursor.columnAt(start, line) : 1;
    const end = store.nodeEnd(n, row);
    const endLine = cursor ? cursor.lineAt(end, false) : 0;
    out.uint(line + 1);
    p.columnEndLine.write(out, column);
    out.uint(endLine + 1);
    p.endColumnKeyword.write(out, cursor ? cursor.columnAt(end, endLine) : 1);
    // The keyword word: most are a known keyword as written, whose text and flags are its name's.
    const asName = key !== 0 && word.object === undefined && !word.quoted ? this.keywordText(fp, store, n, context, key, k) : undefined;
    if (asName !== undefined) out.bytes(asName);
    else {
      this.wordText(store, word);
      this.afterText(fp, word, k + 1);
    }
    out.uint(line + 1);

    const count = store.wordCount(n);
    if (count > 1) p.keywordColumnFirstArg.write(out, column);
    else this.piecesAt(k + 1).wordColumn.write(out, column);
    for (let w = kw + 1; w < kw + count; w++) {
      words.read(w, word);
      const f = word.file;
      this.wordText(store, word);
      this.afterText(f === file ? fp : this.filePieces(store, f), word, k + 2);
      const c = f === file ? cursor : this.cursorOf(store, f);
      const at = word.offset;
      const l = c ? c.lineAt(at, true) : 0;
      out.uint(l + 1);
      const col = c ? c.columnAt(at, l) : 1;
      if (w + 1 < kw + count) p.argColumnNextArg.write(out, col);
      else this.piecesAt(k + 2).wordColumn.write(out, col);
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

  /**
   * The keyword word of a known keyword written as the keyword's name, from
   * its text to its line's value, for a word that is a slice of the file, not
   * quoted. Its text is then the name: the reader knows a keyword by its
   * exact spelling (KeywordTable, built from the schema's keywords by name).
   */
  private keywordText(fp: FilePieces, store: TreeStore, n: number, context: number, key: number, k: number): Uint8Array {
    const texts = listAt(listAt(fp.keywordTexts, context), key);
    return (texts[k] ??= bytesOf(JSON.stringify(store.keywordFacts(n, context)!.name) + this.afterTextText(fp, k + 1, false, false)));
  }

  private wordText(store: TreeStore, word: WordFacts): void {
    const object = word.object;
    if (object !== undefined) this.out.jsonString(object.text, 0, object.text.length);
    else this.out.jsonString(store.words.texts[word.file], word.textStart, word.textStart + word.textLength);
  }

  private head(fp: FilePieces, store: TreeStore, n: number, context: number, key: number, k: number, sep: Sep): Uint8Array {
    const heads = listAt(listAt(fp.heads, context), key);
    let b = heads[k * 3 + sep];
    if (b === undefined) {
      const name = store.keywordFacts(n, context)!.name;
      b = heads[k * 3 + sep] = bytesOf(openText(k, sep) + JSON.stringify(name) + this.afterNameText(fp, store, context, k, false, true));
    }
    return b;
  }

  private afterName(fp: FilePieces, store: TreeStore, context: number, k: number, entry: boolean, known: boolean): Uint8Array {
    return (listAt(fp.afterName, context)[(k * 2 + (entry ? 1 : 0)) * 2 + (known ? 1 : 0)] ??= bytesOf(this.afterNameText(fp, store, context, k, entry, known)));
  }

  private afterNameText(fp: FilePieces, store: TreeStore, context: number, k: number, entry: boolean, known: boolean): string {
    const at = nl(k);
    return `,${at}"kind": "${entry ? "entry" : "keyword"}",${at}"context": ${this.contextText(store, context)},${at}"known": ${known},${at}"file": ${JSON.stringify(fp.path)},${at}"line": `;
  }

  /** Word w's flags and file after its text, fields k deep, up to its line's value. */
  private afterText(fp: FilePieces, word: WordFacts, k: number): void {
    const quoted = word.quoted;
    const synthetic = word.object?.synthetic === true;
    this.out.bytes((fp.afterText[(k * 2 + (quoted ? 1 : 0)) * 2 + (synthetic ? 1 : 0)] ??= bytesOf(this.afterTextText(fp, k, quoted, synthetic))));
  }

  private afterTextText(fp: FilePieces, k: number, quoted: boolean, synthetic: boolean): string {
    const at = nl(k);
    return `,${at}"quoted": ${quoted}${synthetic ? `,${at}"synthetic": true` : ""},${at}"file": ${JSON.stringify(fp.path)},${at}"line": `;
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
    const tails = listAt(this.tails, childContext);
    const id = (((k * 3 + kind) * 2 + (closed ? 1 : 0)) * 2 + (children ? 1 : 0)) * 2 + (afterArgs ? 1 : 0);
    let b = tails[id];
    if (b === undefined) {
      const at = nl(k);
      const inner = nl(k + 1);
      let t = afterArgs ? `${inner}}${at}]` : `${at}},${at}"args": []`;
      if (blockKind !== undefined) t += `,${at}"block": {${inner}"kind": "${blockKind}",${inner}"childContext": ${this.contextText(store, childContext)},${inner}"closed": ${closed}${at}}`;
      t += children ? `,${at}"children": [` : `,${at}"children": []${nl(k - 1)}}`;
      b = tails[id] = bytesOf(t);
    }
    return b;
  }

  private contextText(store: TreeStore, id: number): string {
    return (this.contexts[id] ??= JSON.stringify(store.contextName(id)));
  }

  private filePieces(store: TreeStore, file: number): FilePieces {
    return (this.files[file] ??= new FilePieces(store.words.paths[file]));
  }

  /** The file's line cursor; null when the parse has no such file (positions are then 1:1, as parse --json has always said). */
  private cursorOf(store: TreeStore, file: number): LineCursor | null {
    let c = this.cursors[file];
    if (c === undefined) {
      const source = this.sources.get(store.words.paths[file]);
      c = this.cursors[file] = source ? new LineCursor(source.lineStarts, source.text.length) : null;
    }
    return c;
  }
}
