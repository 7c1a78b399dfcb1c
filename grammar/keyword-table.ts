/**
 * Keyword lookup by position in a text. The parser looks up the first word of
 * every line in its block's keywords; with a Map that needs the word as a
 * string, i.e. a fresh slice of the file (and its hash) per line: garbage
 * on every line of a large configuration. This table hashes the word's char
 * codes where they lie (the reader's CharCodes of the file) and confirms a
 * hit by comparing them, so a lookup allocates nothing. It is built from the
 * schema's context facts (the one source of truth for keywords), once per
 * context.
 */
import { spells, type CharCodes } from "./plain-line.js";
import type { ContextFacts } from "./schema/facts.js";
import type { KeywordFacts } from "./schema/types.js";

/**
 * A hash of four char codes (first, middle, last and the length) rather than
 * of every one: it costs the same for any word, and a context's few hundred
 * keyword names spread over it well enough; comparing the codes settles collisions.
 */
function hash(codes: CharCodes, start: number, end: number): number {
  const length = end - start;
  return length === 0 ? 0 : mixed(length, codes[start], codes[start + (length >> 1)], codes[end - 1]);
}

/** hash() of a string's own char codes (the same number as for those codes in a file). */
function hashOfText(text: string): number {
  const length = text.length;
  return length === 0 ? 0 : mixed(length, text.charCodeAt(0), text.charCodeAt(length >> 1), text.charCodeAt(length - 1));
}

/** The hash of a word of `length` codes from its first, middle and last code (one formula for both readings). */
function mixed(length: number, first: number, middle: number, last: number): number {
  return Math.imul(Math.imul(Math.imul(length, 31) + first, 31) + middle, 31) + last;
}

export class KeywordTable {
  /** Open addressing: 1 + index into names/specs, 0 for an empty slot. Half full at most. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly names: string[] = [];
  /** The context's keywords, by slot number - 1 (what the tree store keeps per node: see index()). */
  readonly specs: KeywordFacts[] = [];

  constructor(keywords: ReadonlyMap<string, KeywordFacts>) {
    let size = 8;
    while (size < keywords.size * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    // forEach, not for-of over [name, spec] pairs: a table is built at every start-up, where the
    // code runs unoptimised and destructuring each pair goes through the iterator protocol.
    keywords.forEach((spec, name) => this.add(name, spec));
  }

  private add(name: string, spec: KeywordFacts): void {
    // getText() relies on this (and keepalived's keywords are all short ASCII words).
    if (!SHORT_ASCII.test(name)) throw new Error(`keyword "${name}" is not a short ASCII word`);
    let i = hashOfText(name) & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.names.push(name);
    this.specs.push(spec);
    this.slots[i] = this.names.length;
  }

  /** The keyword spelled codes[start, end) (see charCodes), if any. */
  get(codes: CharCodes, start: number, end: number): KeywordFacts | undefined {
    const k = this.index(codes, start, end);
    return k === 0 ? undefined : this.specs[k - 1];
  }

  /**
   * 1 + the index in `specs` of the keyword spelled codes[start, end), 0 when
   * there is none: a number the tree store keeps per node (2 bytes) so that a
   * node's keyword facts and name come without a lookup or a string.
   */
  index(codes: CharCodes, start: number, end: number): number {
    const length = end - start;
    for (let i = hash(codes, start, end) & this.mask; ; i = (i + 1) & this.mask) {
      const k = this.slots[i];
      if (k === 0) return 0;
      const name = this.names[k - 1];
      if (name.length === length && spells(codes, start, name)) return k;
    }
  }

  /**
   * The keyword `text`, if any (a word the preprocessor built: not a slice
   * of a file's codes). Its codes go into a scratch array, not a new one:
   * keywords are short and ASCII, so a longer or non-ASCII word is none.
   */
  getText(text: string): KeywordFacts | undefined {
    const k = this.indexOfText(text);
    return k === 0 ? undefined : this.specs[k - 1];
  }

  /** index() of a word the preprocessor built. */
  indexOfText(text: string): number {
    const codes = asciiCodes(text);
    return codes === undefined ? 0 : this.index(codes, 0, text.length);
  }
}

/** Room for the longest keyword name (checked when a table is built). */
const scratch = new Uint8Array(64);

/** A keyword name asciiCodes() can take: ASCII, at most the scratch array's length (tested without copying). */
const SHORT_ASCII = new RegExp(`^[\\x00-\\x7f]{1,${scratch.length}}$`);

/** `text`'s codes in the scratch array (valid until the next call), or undefined when it is too long or not ASCII. */
function asciiCodes(text: string): Uint8Array | undefined {
  if (text.length > scratch.length) return undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) return undefined;
    scratch[i] = c;
  }
  return scratch;
}

const tables = new WeakMap<ContextFacts, KeywordTable>();

/** The lookup table of a context's keywords (built on first use). */
export function keywordTable(context: ContextFacts): KeywordTable {
  let t = tables.get(context);
  if (!t) {
    t = new KeywordTable(context.keywords);
    tables.set(context, t);
  }
  return t;
}
