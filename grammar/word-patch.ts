/**
 * The parse of a configuration's next version without reading it again, when
 * the two differ only by whole words replaced by other plain words: what
 * `--fix` does when it renames a deprecated keyword (`lb_algo` → `lvs_sched`)
 * thousands of times in a big file. The next version's lines, blocks and
 * words are the same ones; only the renamed words' texts and lengths, the
 * offsets after them and a renamed keyword's facts differ. So the parse is a
 * copy of the store with those patched: on the 498,004-line benchmark the
 * patch takes about a third of a second read's time (~35 against ~110 ms in
 * a profile), most of it copying the columns and moving the words' offsets.
 *
 * Whenever an edit could change how keepalived reads anything, there is no
 * patch (undefined) and the caller reads the text: an edit that is not one
 * word, an old or new word the reader would not read as a plain word (a
 * brace, a quote, `#`, `$`, `@`, `~`, an include, a template's tag
 * characters), a renamed keyword that opens a block or keeps its line's raw
 * text, a line that would grow past what keepalived reads, a file read
 * twice or as a template, an include or a definition after the first edit
 * in the file (spans in include chains and definition lists would move),
 * and a reader finding on an edited word or quoting one. The reader's other
 * findings after an edit are moved with the text.
 * test/grammar/word-patch.test.ts holds every patch to a fresh read.
 */
import { firstEndingAfter, type Diagnostic, type Edit, type Fix, type Span } from "./ast.js";
import { budgetsOf } from "./budgets.js";
import { keywordTable } from "./keyword-table.js";
import { INCLUDE_KEYWORDS, MAX_LINE, type ReaderOptions } from "./preprocessor.js";
import type { ParseResult } from "./reader.js";
import { contextFacts } from "./schema/facts.js";
import { SourceFile } from "./source.js";
import { storeNodeOf, type TreeStore } from "./tree.js";

/** A word the plain-line scanner reads as one word wherever it stands, and no reader directive or template tag can start or end with. */
const PLAIN_WORD = /^[A-Za-z0-9_][A-Za-z0-9_.,:/+=-]*$/;

/**
 * `parsed` with each changed file's text replaced by `text`, made by
 * `edits` (sorted and apart, as applyEdits applied them) from the text
 * `parsed` read; undefined when a patch could differ from reading the new
 * texts with `options` (the reader's options `parsed` was read with).
 * `parsed` itself is left as it was.
 */
export function patchWords(parsed: ParseResult, changes: ReadonlyMap<string, { text: string; edits: readonly Edit[] }>, options: ReaderOptions): ParseResult | undefined {
  if (parsed.templates.size > 0 || parsed.renderings.size > 0 || changes.size === 0) return undefined;
  const first = parsed.ast.children[0];
  const from = first && storeNodeOf(first)?.store;
  const words = from?.words.copy();
  if (!from || !words) return undefined;
  const store = from.copyWith(words);
  const files = new Map(parsed.files);
  let diagnostics = parsed.diagnostics;
  let grown = 0;
  // Renamed words (word indices) with their new texts: keyword renames are looked up below.
  const renamed: { word: number; text: string }[] = [];
  for (const [path, { text, edits }] of changes) {
    const file = parsed.files.get(path);
    if (!file || edits.length === 0 || !editsAreWords(file.text, text, edits) || placedAfter(parsed, path, edits[0].start)) return undefined;
    const moved = movedDiagnostics(diagnostics, path, edits, file.text);
    if (!moved) return undefined;
    diagnostics = moved;
    const lengths = edits.map((e) => ({ start: e.start, end: e.end, length: e.text.length }));
    const edited = words.patchFile(path, text, lengths);
    if (!edited) return undefined;
    for (let i = 0; i < edited.length; i++) renamed.push({ word: edited[i], text: edits[i].text });
    grown += text.length - file.text.length;
    files.set(path, new SourceFile(path, text));
  }
  // The reader stops at its character budget: a text that grows is read as far as it was only below it.
  if (grown > 0) {
    let total = 0;
    for (const f of files.values()) {
      // A file read as empty may be one the reader skipped (binary) whose characters it counted.
      if (f.text === "") return undefined;
      total += f.text.length;
    }
    if (total > budgetsOf(options.budgets).totalChars) return undefined;
  }
  if (!rekeyed(store, renamed)) return undefined;
  return {
    ast: { ...parsed.ast, children: store.roots() },
    diagnostics,
    files,
    templates: parsed.templates,
    renderings: parsed.renderings,
  };
}

/** Does each edit replace a plain word of `before` by a plain word, keeping its line within what keepalived reads? */
function editsAreWords(before: string, after: string, edits: readonly Edit[]): boolean {
  let delta = 0;
  for (const e of edits) {
    // The old word plain too: a brace or a quoted string is read apart (a `{` in a value block is an entry of
    // its own; renamed to a word, it joins the line before it). A word renamed to an include keyword would
    // make its statement read files.
    if (!PLAIN_WORD.test(before.slice(e.start, e.end)) || !PLAIN_WORD.test(e.text) || INCLUDE_KEYWORDS.has(e.text)) return false;
    // The edited line in the new text: shorter than the longest line the reader takes whole.
    const start = e.start + delta;
    const lineStart = after.lastIndexOf("\n", start - 1) + 1;
    const nl = after.indexOf("\n", start);
    if ((nl < 0 ? after.length : nl) - lineStart >= MAX_LINE - 1) return false;
    delta += e.text.length - (e.end - e.start);
    // The new text is the old one with these edits made (a cheap check: the edited words, and the length).
    if (after.slice(start, start + e.text.length) !== e.text) return false;
  }
  return after.length === before.length + delta;
}

/**
 * Did the reader place an include or a definition in `path` after `offset`?
 * Their spans are in the include chains of words and in other lists; a
 * patch would have to move them all.
 */
function placedAfter(parsed: ParseResult, path: string, offset: number): boolean {
  const after = (s: Span) => s.file === path && s.end > offset;
  const { ast } = parsed;
  return ast.includes.some((i) => after(i.span)) || ast.definitions.some((d) => after(d.span)) || ast.definitionUses.some((u) => after(u.span));
}

/**
 * The reader's findings with their spans in `path` moved past the edits
 * (findings elsewhere, and before the first edit, are the same objects);
 * undefined when a finding's span touches an edited word, or when it quotes
 * an edited word's text (a `{` after a line that opens no block names that
 * line's keyword: the finding is on the brace), since its words would be
 * the new ones in a fresh read.
 */
function movedDiagnostics(diagnostics: Diagnostic[], path: string, edits: readonly Edit[], before: string): Diagnostic[] | undefined {
  // The reader quotes words in its messages and hints as "word".
  const quoted = new Set(edits.map((e) => `"${before.slice(e.start, e.end)}"`));
  const quotes = (text: string | undefined) => text !== undefined && (text.match(/"[^"]*"/g) ?? []).some((q) => quoted.has(q));
  const first = edits[0].start;
  // added[i]: what edits [0, i) added. Edits are sorted and apart, so their ends rise too.
  const added = [0];
  for (const e of edits) added.push(added[added.length - 1] + e.text.length - (e.end - e.start));
  // Where an offset of the old text is in the new one: moved by the edits that end at or before it.
  const moved = (offset: number) => offset + added[firstEndingAfter(edits, offset)];
  const touches = (s: Span) => {
    if (s.file !== path) return false;
    const i = firstEndingAfter(edits, s.start);
    return i < edits.length && edits[i].start < s.end;
  };
  const after = (s: Span) => s.file === path && s.end > first;
  const move = <T extends Span>(s: T): T => (s.file === path ? { ...s, start: moved(s.start), end: moved(s.end) } : s);
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const spans: Span[] = [d, ...(d.related ?? []).map((r) => r.span), ...[d.fix, ...(d.suggestions ?? [])].flatMap((f) => f?.edits ?? [])];
    if (spans.some(touches) || quotes(d.message) || quotes(d.hint) || d.related?.some((r) => quotes(r.message))) return undefined;
    if (!spans.some(after)) {
      out.push(d);
      continue;
    }
    const fix = (f: Fix | undefined) => f && { ...f, edits: f.edits.map(move) };
    out.push({
      ...move(d),
      ...(d.related && { related: d.related.map((r) => ({ ...r, span: move(r.span) })) }),
      ...(d.fix && { fix: fix(d.fix) }),
      ...(d.suggestions && { suggestions: d.suggestions.map((f) => fix(f)!) }),
    });
  }
  return out;
}

/**
 * Renamed keywords take their new keyword's facts in their context. False
 * when a rename would change the tree's shape or a line's kept text: the
 * old or new keyword opens a block or keeps its raw line (a script), or the
 * line keeps its raw text (an entry of a value block, whose words changed).
 */
function rekeyed(store: TreeStore, renamed: { word: number; text: string }[]): boolean {
  const keywordNodes: number[] = [];
  const texts: string[] = [];
  // In word order (each file's are; files' words may interleave through includes).
  if (renamed.some((r, i) => i > 0 && renamed[i - 1].word > r.word)) renamed.sort((a, b) => a.word - b.word);
  for (const { word: w, text } of renamed) {
    const n = store.nodeOfWord(w);
    if (n < 0 || store.restOf(n) !== "") return false;
    if (store.keywordWord(n) !== w || store.isEntry(n)) continue;
    if (store.hasBlock(n)) return false;
    keywordNodes.push(n);
    texts.push(text);
  }
  const contexts = store.contextsOf(keywordNodes);
  for (let i = 0; i < keywordNodes.length; i++) {
    const n = keywordNodes[i];
    const context = contexts[i];
    const facts = contextFacts(store.contextName(context));
    if (!facts) return false;
    const table = keywordTable(facts);
    // The store numbers keywords as the parser's table for the context does: the same table.
    if (store.keywordsOf[context] !== table.specs) return false;
    const old = store.keywordFacts(n, context);
    const key = table.indexOfText(texts[i]);
    const now = key === 0 ? undefined : table.specs[key - 1];
    if (old?.childContext !== undefined || old?.quoted === true || now?.childContext !== undefined || now?.quoted === true) return false;
    store.rekey(n, key);
  }
  return true;
}
