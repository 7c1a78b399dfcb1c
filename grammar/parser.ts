/**
 * Parser: builds the typed AST from logical lines exactly as keepalived's
 * process_stream() / alloc_value_block() walk them:
 *  - a keyword that opens a block wants the next line to be `{`; without it
 *    keepalived reports "Missing '{'" and reads on inside the block anyway;
 *  - a `{` nobody asked for is ignored ("Unexpected '{'"), so its `}` closes
 *    the enclosing block — the lines between belong to the enclosing block;
 *  - a value block (virtual_ipaddress, track_script, …) takes every line up to
 *    the first line that is exactly `}` as an entry;
 *  - a brace counter independent of the keyword tree reports extra `}` and
 *    unclosed `{` (keepalived's block_depth).
 */
import type { ConfigNode, Diagnostic, Span, Via } from "./ast.js";
import type { LineSink, LogicalLine } from "./preprocessor.js";
import { keywordTable, type KeywordTable } from "./keyword-table.js";
import { contextFacts, ROOT_CONTEXT, type ContextFacts } from "./schema/facts.js";
import type { KeywordFacts } from "./schema/types.js";
import { hasPlaceholder } from "./template/view.js";
import { NO_NODE, TreeStore } from "./tree.js";
import { CLOSE_BRACE, LINE_END, OPEN_BRACE, type CharCodes } from "./plain-line.js";

/** `"`: a plain word that starts with it is a closed quoted string (its text is inside the quotes). */
const QUOTE = 34;

/** The keyword the plain word item `k` spells in `table` (its KeywordTable.index()): looked up where it lies in the file. */
function keywordAt(codes: CharCodes, items: Int32Array, k: number, table: KeywordTable): number {
  const start = items[2 * k];
  const end = items[2 * k + 1];
  return codes[start] === QUOTE ? table.index(codes, start + 1, end - 1) : table.index(codes, start, end);
}

interface Frame {
  node: number; // NO_NODE = top level
  /** The node's row in the store's block columns (NO_NODE at the top level). */
  block: number;
  contextId: number;
  /** The last node added in this block (NO_NODE: none yet). */
  last: number;
  /** The context's keywords (looked up once per block, not per line). */
  keywords: KeywordTable;
  values: boolean;
  /** The block keyword was read; its `{` has not come yet. */
  needOpen: boolean;
  /** A template's block under a placeholder keyword (-1: not one): the depth of `{` inside it, read as entries. */
  opaque: number;
}

/** The block a keyword opens: its context (the store's id) and that context's keywords. */
interface ChildBlock {
  contextId: number;
  keywords: KeywordTable;
  values: boolean;
}

/**
 * The parser proper. Lines arrive either as Word objects (`line`, the
 * preprocessor's general path) or as runs of plain lines, offsets into the
 * file (`plainLines`, its fast path for lines that need no unquoting or
 * expansion); both go into the store as words and are handled by the same
 * code, the plain path doing only the commonest steps itself.
 */
export class TreeBuilder implements LineSink {
  readonly store = new TreeStore();
  readonly diagnostics: Diagnostic[] = [];
  /**
   * Open blocks: frames[0] is the top level, frames[depth] the innermost.
   * Frames are reused by depth rather than made per block: a large config
   * opens a hundred thousand blocks, and their frames were most of the
   * parse's garbage (young-generation memory is fresh memory too).
   */
  private frames: Frame[];
  private depth = 0;
  /** Unmatched `{` lines (word indices), for keepalived's lexical brace count. */
  private openBraces: number[] = [];
  private tables: KeywordTable[] = [];
  private childBlocks = new Map<KeywordFacts, ChildBlock | null>();
  /** The current line's rest: a string (general path) or a slice [restStart, restEnd) of restText. */
  private restString = "";
  private restText = "";
  private restStart = 0;
  private restEnd = 0;

  constructor() {
    const root = contextFacts(ROOT_CONTEXT)!;
    const contextId = this.store.contextId(root.name);
    this.store.topContext = contextId;
    this.frames = [{ node: NO_NODE, block: NO_NODE, last: NO_NODE, contextId, keywords: this.tableOf(contextId, root), values: false, needOpen: false, opaque: -1 }];
  }

  /** Top-level nodes (views over the store; call after finish()). */
  get children(): ConfigNode[] {
    return this.store.roots();
  }

  line(l: LogicalLine): void {
    const words = this.store.words;
    if (l.kind === "brace") {
      this.brace(words.addObject(l.span), l.brace === "{", l.via);
      return;
    }
    const w0 = words.addObject(l.words[0]);
    for (let i = 1; i < l.words.length; i++) words.addObject(l.words[i]);
    this.restString = l.rest;
    this.restText = "";
    this.words(w0, l.words.length, l.via);
  }

  file(path: string, text: string): number {
    this.store.reserve(text.length);
    return this.store.words.fileId(path, text);
  }

  /**
   * The plain lines of a run (see LineSink.plainLines). The loop handles the
   * common cases itself: a keyword line in a block of keywords, the `{` a
   * block keyword wants and a `}` that closes a block. Anything else (a
   * value block's entries, a missing or unexpected brace, …) goes through the
   * same methods as the general path's lines.
   */
  plainLines(file: number, codes: CharCodes, items: Int32Array, count: number, via: Via[] | undefined): void {
    const store = this.store;
    // Every item but a line end is a word, in order: w is the word of item k.
    let w = store.words.addItems(file, via, items, count);
    let from = 0; // the current logical line's first item
    let w0 = w; // and its first word
    for (let k = 0; k <= count; k++) {
      // The items end the last logical line, as a LINE_END would.
      const kind = k < count ? items[2 * k + 1] : LINE_END;
      if (kind >= 0) {
        w++; // a word of the logical line that ends at the next brace or line end
        continue;
      }
      if (k > from) {
        const frame = this.frames[this.depth];
        if (frame.needOpen || frame.values) this.plainWords(file, codes, items, from, k - from, w0, via);
        else {
          const key = keywordAt(codes, items, from, frame.keywords);
          if (key !== 0 && frame.keywords.specs[key - 1].quoted === true) this.plainRest(store.words.texts[file], items, from, k);
          this.keywordLine(frame, key, w0, k - from, via);
        }
      }
      from = k + 1;
      if (kind !== LINE_END) {
        const frame = this.frames[this.depth];
        if (kind === OPEN_BRACE && frame.needOpen) {
          // The `{` the block keyword on the line before asked for.
          this.openBraces.push(w);
          frame.needOpen = false;
          store.setOpen(frame.node, w);
        } else if (kind === CLOSE_BRACE && !frame.needOpen && frame.opaque <= 0 && this.depth > 0 && this.openBraces.length > 0) {
          this.openBraces.pop();
          this.close(w);
        } else this.brace(w, kind === OPEN_BRACE, via);
        w++;
      }
      w0 = w;
    }
  }

  /** Sets the rest (see ConfigNode.rest) of the plain logical line items [from, to): from its second word to the end of its last. */
  private plainRest(text: string, items: Int32Array, from: number, to: number) {
    this.restText = text;
    this.restStart = to - from > 1 ? items[2 * from + 2] : 0;
    this.restEnd = to - from > 1 ? items[2 * to - 1] : 0;
  }

  /** A plain logical line, words [w0, w0 + count), that is not a keyword line of a keyword block: as the general path's lines. */
  private plainWords(file: number, codes: CharCodes, items: Int32Array, from: number, count: number, w0: number, via: Via[] | undefined): void {
    this.plainRest(this.store.words.texts[file], items, from, from + count);
    const frame = this.keywordFrame(w0, count, via);
    if (frame) this.keywordLine(frame, keywordAt(codes, items, from, frame.keywords), w0, count, via);
  }

  /** Call once after the last line. */
  finish(): void {
    const s = this.store;
    for (let i = this.depth; i > 0; i--) {
      const f = this.frames[i];
      s.closeBlock(f.block, NO_NODE);
      const kw = s.keywordWord(f.node);
      const name = s.words.text(kw);
      this.report("unbalanced-brace", "error", s.words.span(kw),
        `"${name}" block is not closed before the end of the configuration`,
        `add "}" to close "${name}"`);
    }
    if (this.depth === 0 && this.openBraces.length > 0) {
      const n = this.openBraces.length;
      this.report("unbalanced-brace", "error", s.words.span(this.openBraces[n - 1]),
        `${n} '{' ${n === 1 ? "is" : "are"} never closed`, "add the missing \"}\"");
    }
    this.depth = 0;
  }

  private rest(): string {
    return this.restText === "" ? this.restString : this.restText.slice(this.restStart, this.restEnd);
  }

  private brace(w: number, open: boolean, via: Via[] | undefined) {
    const counted = this.braceCount(open, w);
    if (!open && this.depth === 0 && !counted) {
      // keepalived reads a top-level '}' as the keyword '}' ("Unknown keyword '}'").
      this.report("unbalanced-brace", "error", this.store.words.span(w), "'}' at the top level closes no block",
        "remove it, or the '{' it was meant to match");
      return;
    }
    const frame = this.frames[this.depth];
    if (frame.values) this.valueBrace(frame, w, open, via);
    else this.keywordBrace(frame, w, open);
  }

  private words(w0: number, count: number, via: Via[] | undefined) {
    const frame = this.keywordFrame(w0, count, via);
    if (frame) this.keywordLine(frame, frame.keywords.indexOfText(this.store.words.text(w0)), w0, count, via);
  }

  /**
   * The frame of a line of words [w0, w0 + count) whose first word is a
   * keyword to look up, or undefined when the line was an entry of the value
   * block that is open (added here: entries are not looked up).
   */
  private keywordFrame(w0: number, count: number, via: Via[] | undefined): Frame | undefined {
    const frame = this.frames[this.depth];
    if (frame.needOpen) this.missingOpen(frame);
    if (!frame.values) return frame;
    this.node(frame, true, w0, count, via, true);
    return undefined;
  }

  /** Adds the line as a node of `frame` (`key`: its keyword's KeywordTable.index() there, 0 if unknown) and opens the block it starts. */
  private keywordLine(frame: Frame, key: number, w0: number, count: number, via: Via[] | undefined) {
    // node() written out: this runs for most lines of a configuration.
    const store = this.store;
    const n = store.addNode(false, key, w0, count, via);
    frame.last = n;
    if (key === 0) return;
    const spec = frame.keywords.specs[key - 1];
    if (spec.quoted === true) store.setRest(n, this.rest());
    if (spec.childContext === undefined) return;
    const child = this.childOf(spec);
    if (child !== null) this.openFrame(n, store.setBlock(n, child.values, child.contextId), child);
  }

  /**
   * What a block keyword opens, worked out once per keyword rather than per
   * block (two map lookups by name; a large configuration opens a hundred
   * thousand blocks). Null for a keyword that opens nothing.
   */
  private childOf(spec: KeywordFacts): ChildBlock | null {
    let c = this.childBlocks.get(spec);
    if (c === undefined) {
      const context = (spec.kind === "block" || spec.kind === "value-block") && spec.childContext ? contextFacts(spec.childContext) : undefined;
      if (context) {
        const contextId = this.store.contextId(context.name);
        c = { contextId, keywords: this.tableOf(contextId, context), values: spec.kind === "value-block" };
      } else c = null;
      this.childBlocks.set(spec, c);
    }
    return c;
  }

  /** keepalived's block_depth count; true when it reported an extra '}'. */
  private braceCount(open: boolean, w: number): boolean {
    if (open) this.openBraces.push(w);
    else if (this.openBraces.length > 0) this.openBraces.pop();
    else {
      this.report("unbalanced-brace", "error", this.store.words.span(w), "extra '}' with no block to close", "remove this \"}\"");
      return true;
    }
    return false;
  }

  private report(ruleId: string, severity: Diagnostic["severity"], span: Span, message: string, hint?: string) {
    this.diagnostics.push({ ruleId, severity, file: span.file, start: span.start, end: span.end, message, hint });
  }

  /** The line after a block keyword is not its `{`. */
  private missingOpen(frame: Frame) {
    frame.needOpen = false;
    const s = this.store;
    const kw = s.keywordWord(frame.node);
    const name = s.words.text(kw);
    if (frame.values) {
      // keepalived only logs this at run time (not under -t) and takes the line as a value.
      this.report("missing-brace", "warning", s.words.span(kw),
        `"${name}" should be followed by "{"; keepalived takes the next line as one of its values`,
        `put "{" after "${name}"`);
    } else {
      this.report("missing-brace", "error", s.words.span(kw),
        `"${name}" opens a block but the next line is not "{"`,
        `put "{" after "${name}"; keepalived reads the following lines as its block anyway`);
    }
  }

  private keywordBrace(frame: Frame, w: number, open: boolean) {
    const s = this.store;
    if (frame.needOpen) {
      if (open) {
        frame.needOpen = false;
        s.setOpen(frame.node, w);
        return;
      }
      this.missingOpen(frame);
    }
    if (open) {
      const prev = frame.last;
      const prevName = prev === NO_NODE ? "" : s.words.text(s.keywordWord(prev));
      if (prev !== NO_NODE && !s.hasBlock(prev) && !s.isKnown(prev) && hasPlaceholder(prevName)) {
        // A template's `{{ kind }} {`: the keyword is unknown until rendered, so its block is read unchecked, as entries.
        const child: ChildBlock = { contextId: frame.contextId, keywords: frame.keywords, values: true };
        this.openFrame(prev, s.setBlock(prev, true, frame.contextId), child);
        this.frames[this.depth].needOpen = false;
        this.frames[this.depth].opaque = 0;
        s.setOpen(prev, w);
        return;
      }
      const after = prev !== NO_NODE && !s.hasBlock(prev) ? ` after "${prevName}", which does not open a block` : "";
      this.report("unexpected-brace", "error", s.words.span(w),
        `unexpected '{'${after}: keepalived ignores it, so its '}' closes the enclosing block`,
        prev !== NO_NODE && !s.isKnown(prev) ? `"${prevName}" is not a keyword here; fix it or remove the block` : "remove the '{' and its '}'");
      return;
    }
    if (this.depth > 0) this.close(w);
    // A '}' at the top level was reported by the brace counter.
  }

  private valueBrace(frame: Frame, w: number, open: boolean, via: Via[] | undefined) {
    if (frame.needOpen) {
      if (open) {
        frame.needOpen = false;
        this.store.setOpen(frame.node, w);
        return;
      }
      this.missingOpen(frame);
    }
    if (frame.opaque > 0) {
      // Nested blocks of a template's opaque block: entries too.
      frame.opaque += open ? 1 : -1;
      this.node(frame, true, w, 1, via, false);
      return;
    }
    if (!open) {
      this.close(w);
      return;
    }
    if (frame.opaque === 0) frame.opaque = 1;
    // A '{' inside a value block is passed to the entry parser as a value.
    this.restString = "";
    this.restText = "";
    this.node(frame, true, w, 1, via, false);
  }

  private node(frame: Frame, entry: boolean, w0: number, count: number, via: Via[] | undefined, keepRest: boolean): number {
    const n = this.store.addNode(entry, 0, w0, count, via);
    frame.last = n;
    // Only entries and script keywords re-read their raw line; keeping it for every line costs memory.
    if (keepRest) this.store.setRest(n, this.rest());
    return n;
  }

  /** A context's keyword table, by the store's context id: an array index per block rather than a map lookup. */
  private tableOf(contextId: number, context: ContextFacts): KeywordTable {
    let table = this.tables[contextId];
    if (!table) {
      table = this.tables[contextId] = keywordTable(context);
      this.store.keywordsOf[contextId] = table.specs;
    }
    return table;
  }

  private openFrame(node: number, block: number, child: ChildBlock) {
    const d = ++this.depth;
    const f = this.frames[d];
    if (!f) {
      this.frames.push({ node, block, last: NO_NODE, contextId: child.contextId, keywords: child.keywords, values: child.values, needOpen: true, opaque: -1 });
      return;
    }
    f.opaque = -1;
    f.node = node;
    f.block = block;
    f.last = NO_NODE;
    f.contextId = child.contextId;
    f.keywords = child.keywords;
    f.values = child.values;
    f.needOpen = true;
  }

  private close(w: number) {
    this.store.closeBlock(this.frames[this.depth--].block, w);
  }
}
