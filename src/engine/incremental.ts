/**
 * The editor's incremental lint of one file: after an edit, only the
 * top-level blocks the edit touched are read again, and only the rules whose
 * input changed run again. keepalived's top-level blocks are independent
 * units for its reader as long as the file has no `$DEFINITION`, `include`,
 * `@`/`@^` conditional, `~SEQ`/`~LST` loop or template, and every block's
 * braces balance: such a file is kept as pieces ("chunks") of whole lines,
 * each holding one or more top-level blocks, read alone and moved into
 * place (MovableParse). Rules declared `scope: "block"` run per chunk and
 * their findings are kept with it, by the chunk's text; the other rules run
 * on the whole tree, whose unchanged blocks keep the objects already made,
 * and on a model whose unchanged blocks' parts are kept (ModelCache).
 * Anything else (and any edit that could make it so) is linted whole, as
 * lintParsed does. The result equals lintParsed's on the same text
 * (test/engine/incremental.test.ts).
 */
import type { ConfigNode, Diagnostic } from "../../grammar/ast.js";
import { budgetsOf } from "../../grammar/budgets.js";
import type { FileAccess } from "../../grammar/files.js";
import { parsePiece, parseText, type MovableParse, type ParseResult } from "../../grammar/reader.js";
import { SourceFile, type TextEdit } from "../../grammar/source.js";
import { buildModel, ModelCache, patchModel, pickTop, type ConfigModel, type PickedTop } from "../model/model.js";
import { finishFindings, lintParsed, lintSettingsOf, nameKeyOf, readerOptionsOf, runRules, type EngineOptions, type LintResult } from "./linter.js";
import { JoinedChunks } from "./joined-chunks.js";
import { moveSpans, ObjectFindings, ownCopies, placeFindings, placeSpans, SameFindings } from "./kept-findings.js";
import { Anchor, Placements } from "./placements.js";
import type { Rule } from "./rule.js";
import { secretsOf, type Secret } from "./secrets.js";

/** Part of the file read alone: whole lines, one or more top-level blocks. */
interface Chunk {
  text: string;
  /** Where it starts in the file (its tree's positions are there): anchor.start. */
  anchor: Anchor;
  parse: MovableParse;
  /**
   * Reader findings, block-scoped rules' findings, secrets: the chunk's own
   * copies, placed where the chunk started when last assembled (`at`,
   * `readerAt`; 0 when made) and moved in place with it (see kept-findings.ts).
   */
  reader: Diagnostic[];
  findings: Diagnostic[];
  secrets: Secret[];
  at: number;
  readerAt: number;
  /**
   * Which of its top-level blocks repeat an earlier block's name (their
   * indices, as ctx.repeatsName answered the block-scoped rules): when the
   * file's answer changes, the rules run on the chunk again.
   */
  repeats: string;
  /** nameKeyOf() of each of its top-level nodes (what ctx.repeatsName compares), made once. */
  names: (string | undefined)[];
  /** pickTop() of its top-level nodes (indices within the chunk), made once. */
  picked: PickedTop[];
  /** Block-scoped rules' gather() facts about the chunk's blocks, by rule id (they hold its tree's nodes, which move with it). */
  facts: Map<string, unknown>;
  /** Has it reader findings, findings or secrets (JoinablePart: a lint visits only such chunks)? */
  placeable: boolean;
}

/** What the last update did (the benchmark and tests read it). */
export interface UpdateStats {
  /** "whole": read and linted whole (first text, or an edit that could change more than its blocks). */
  mode: "incremental" | "whole";
  /** Characters read again. */
  reread: number;
  chunks: number;
}

/** `$`, an include, a statement starting with `@` or `~`, template tags: anything that reaches beyond its own block. */
const NOT_LOCAL = /\$|\binclude[a-z]?\b|(?:^|[{}])[ \t]*[@~]|\{\{|\{%|<%|%\{/m;

/** Where an edit was made: the range [start, end) of the old text it replaced (the new text's length says the rest). */
export interface EditHint {
  start: number;
  end: number;
}

/** A parse and its model (made when first asked for): what hover and completion read, without a lint. */
export type ParsedWithModel = ParseResult & { readonly model: ConfigModel; readonly targetVersion: string };

export class IncrementalLint {
  private chunks: Chunk[] | undefined;
  private text = "";
  /** The last whole parse, with the text and files it read (parse() then update() of one text reads once). */
  private wholeParse: { text: string; fs: FileAccess | undefined; parsed: ParseResult } | undefined;
  private readonly blockRules: Rule[];
  private readonly fileRules: Rule[];
  /** Block-scoped rules with a part across blocks (run on the assembled file after each edit). */
  private readonly acrossRules: Rule[];
  /** The file as last assembled, and how the text changed since (undefined: not at all; null: not known). */
  private file: SourceFile | undefined;
  /** repeatedOf(this.chunks) when known: an edit that keeps every block's name keeps it. */
  private repeated: Set<ConfigNode> | undefined;
  private fileEdit: TextEdit | null | undefined;
  /** The model's per-block parts, kept while their blocks are (see ModelCache). */
  private readonly models = new ModelCache();
  /** Findings of the rules' instance() and virtualServer() checks, kept while the model keeps their objects. */
  private readonly objectFindings = new ObjectFindings();
  /** The file-scoped and across-blocks rules' findings of the last lint, by place (see SameFindings). */
  private readonly sameFindings = new SameFindings();
  /** The chunks' nodes, picks and facts as the whole file's, as last assembled (undefined: to be made). */
  private joined: JoinedChunks<Chunk> | undefined;
  /** The repeated names every chunk's block-scoped findings answered for, as of the last lint (refreshRepeats). */
  private answered: ReadonlySet<ConfigNode> | undefined;
  /** How the chunks changed since: chunks [at, at + removed) replaced by `fresh` (null: more than one edit; made anew). */
  private pending: { at: number; removed: number; fresh: Chunk[] } | null | undefined;
  /** The last model made, and of which lists (the next is patched from it: patchModel). */
  private built: { model: ConfigModel; joined: JoinedChunks; version: number } | undefined;
  /**
   * Across-blocks rules whose last verdict found nothing, with the lists'
   * version then: while the facts they compare stay the same (Rule.sameFacts),
   * they find nothing again and are not run.
   */
  private readonly emptyVerdicts = new Map<string, { joined: JoinedChunks; version: number }>();
  /** The chunks' starts, moved lazily (see Placements). */
  private readonly places = new Placements();
  last: UpdateStats = { mode: "whole", reread: 0, chunks: 0 };

  constructor(
    readonly path: string,
    private readonly options: EngineOptions,
  ) {
    this.blockRules = options.ruleSet.filter((r) => r.meta.scope === "block");
    this.fileRules = options.ruleSet.filter((r) => r.meta.scope !== "block");
    this.acrossRules = this.blockRules.filter((r) => r.acrossBlocks);
  }

  /**
   * Lints `text`, the file's whole new content, reusing what the previous
   * text's lint can give. `fs`: the other files (includes) when the file is
   * read whole; `hint`: where the edit was, when the caller knows (else the
   * chunks are compared with the new text). The result's findings are valid
   * until the next update() or parse(): kept ones are moved in place then.
   */
  update(text: string, fs?: FileAccess, hint?: EditHint): LintResult {
    const chunks = this.sync(text, fs, hint);
    return chunks ? this.assemble(text, chunks, true) : lintParsed(this.wholeParse!.parsed, this.options);
  }

  /** Reads `text` as update() does, without linting: the tree and model for hover and completion. */
  parse(text: string, fs?: FileAccess, hint?: EditHint): ParsedWithModel {
    const chunks = this.sync(text, fs, hint);
    if (chunks) return this.assemble(text, chunks, false);
    const parsed = this.wholeParse!.parsed;
    const targetVersion = lintSettingsOf(this.options).targetVersion;
    return withModel({ ...parsed }, targetVersion, () => buildModel(parsed.ast, { targetVersion }));
  }

  /** Brings the chunks up to `text`; undefined when it is read whole (this.wholeParse). */
  private sync(text: string, fs: FileAccess | undefined, hint: EditHint | undefined): Chunk[] | undefined {
    const old = this.text;
    this.text = text;
    // The same text again (update() after parse()): nothing to read.
    if (this.chunks && text === old) return this.chunks;
    if (this.chunks && text.length <= budgetsOf(this.options.budgets).totalChars) {
      const chunks = this.reread(old, text, this.chunks, hint);
      if (chunks) return chunks;
    }
    return this.whole(text, fs);
  }

  /** Reads the text whole; keeps it as chunks when it is made of independent blocks. */
  private whole(text: string, fs: FileAccess | undefined): Chunk[] | undefined {
    this.chunks = undefined;
    this.repeated = undefined;
    this.fileEdit = null;
    this.joined = undefined;
    this.answered = undefined;
    this.pending = undefined;
    this.emptyVerdicts.clear();
    if (this.wholeParse?.text !== text || this.wholeParse.fs !== fs) {
      this.wholeParse = { text, fs, parsed: parseText(text, this.path, readerOptionsOf(this.options), fs) };
    }
    const parsed = this.wholeParse.parsed;
    const chunks = this.options.templateVars === undefined && isLocal(parsed) && parsed.files.size === 1 ? this.split(text, parsed.ast.children) : undefined;
    this.chunks = chunks;
    this.last = { mode: "whole", reread: text.length, chunks: chunks?.length ?? 0 };
    return chunks;
  }

  /** Chunks of whole lines, one per top-level block that starts a line (leading text with the first); undefined when one is not self-contained. */
  private split(text: string, top: readonly ConfigNode[]): Chunk[] | undefined {
    const cuts = [0];
    for (const node of top) {
      const lineStart = text.lastIndexOf("\n", node.start - 1) + 1;
      if (lineStart > cuts[cuts.length - 1] && /^[ \t]*$/.test(text.slice(lineStart, node.start))) cuts.push(lineStart);
    }
    cuts.push(text.length);
    const chunks: Chunk[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const chunk = this.read(text.slice(cuts[i], cuts[i + 1]), cuts[i]);
      if (!chunk) return undefined;
      chunks.push(chunk);
    }
    return chunks;
  }

  /** Reads a chunk alone and runs the block-scoped rules on it; undefined when it is not self-contained. */
  private read(text: string, start: number): Chunk | undefined {
    if (NOT_LOCAL.test(text)) return undefined;
    const parse = parsePiece(text, this.path, readerOptionsOf(this.options));
    if (!isLocal(parse) || parse.diagnostics.some((d) => d.ruleId === "unbalanced-brace")) return undefined;
    // No block repeats a name until assemble() finds one (refreshRepeats).
    const facts = new Map<string, unknown>();
    const findings = this.blockFindings(parse, () => false, facts);
    const reader = ownCopies(parse.diagnostics);
    const names = parse.ast.children.map(nameKeyOf);
    const picked = pickTop(parse.ast.children);
    // Before the tree is placed: relative to the chunk, as its findings are.
    const secrets = secretsOf(parse.ast).map((s) => ({ ...s }));
    const anchor = new Anchor(this.places, start);
    parse.anchorTo(anchor);
    return { text, anchor, parse, reader, findings, secrets, at: 0, readerAt: 0, repeats: "", facts, names, picked, placeable: hasSomethingToPlace(reader, findings, secrets) };
  }

  /** The block-scoped rules' findings on a chunk's tree placed at 0, relative to it. */
  private blockFindings(parse: MovableParse, repeatsName: (node: ConfigNode) => boolean, facts: Map<string, unknown>): Diagnostic[] {
    const settings = lintSettingsOf(this.options);
    // Copied: a report may hold the tree's own words (related spans), which move with the chunk.
    return ownCopies(runRules(parse, this.options, this.blockRules, settings, () => noModel(), repeatsName, { only: "block", facts }));
  }

  /**
   * Runs the block-scoped rules again on the chunks whose blocks now answer
   * ctx.repeatsName differently (a block of the same name added, removed or
   * renamed elsewhere): the one dependency beyond its block such a rule has.
   */
  private refreshRepeats(c: Chunk, repeated: ReadonlySet<ConfigNode>): boolean {
    if (repeated.size === 0 && c.repeats === "") return false;
    let now = "";
    const own = c.parse.ast.children;
    for (let i = 0; i < own.length; i++) if (repeated.has(own[i])) now += `${i},`;
    if (now === c.repeats) return false;
    const at = c.anchor.start;
    c.parse.moveBy(-at);
    try {
      c.facts = new Map();
      c.findings = this.blockFindings(c.parse, (node) => repeated.has(node), c.facts);
    } finally {
      c.parse.moveBy(at);
    }
    c.repeats = now;
    // The new findings are relative to the chunk; its secrets move to there too.
    moveSpans(c.secrets, -c.at);
    c.at = 0;
    c.placeable = hasSomethingToPlace(c.reader, c.findings, c.secrets);
    return true;
  }

  /**
   * The edit as chunks: those before and after it unchanged, the ones
   * between read again as one. Unchanged ones are found from the hint, else
   * by comparing them in place from both ends. Undefined when the new chunk
   * is not self-contained.
   */
  private reread(old: string, text: string, chunks: Chunk[], hint: EditHint | undefined): Chunk[] | undefined {
    if (chunks.length === 0) return undefined;
    const delta = text.length - old.length;
    let a: number;
    let b: number;
    if (hint && hint.start >= 0 && hint.start <= hint.end && hint.end <= old.length) {
      // The last chunk starting at or before the edit, up to the first one after it.
      a = chunkAt(chunks, hint.start);
      b = a + 1;
      while (b < chunks.length && chunks[b].anchor.start < hint.end) b++;
    } else {
      a = 0;
      while (a < chunks.length && text.startsWith(chunks[a].text, chunks[a].anchor.start)) a++;
      if (a === chunks.length && delta === 0) return chunks;
      // The edit starts a line (the last chunk may end without a line break: text added to it continues its line).
      while (a > 0 && (a === chunks.length ? old.length : chunks[a].anchor.start) > 0 && text.charCodeAt((a === chunks.length ? old.length : chunks[a].anchor.start) - 1) !== 10) a--;
      const from = a < chunks.length ? chunks[a].anchor.start : old.length;
      b = chunks.length;
      while (b > a && chunks[b - 1].anchor.start + delta >= from && text.startsWith(chunks[b - 1].text, chunks[b - 1].anchor.start + delta)) b--;
    }
    const from = a < chunks.length ? chunks[a].anchor.start : old.length;
    // The first unchanged chunk after the edit must start a line.
    while (b < chunks.length && chunks[b].anchor.start + delta > 0 && text.charCodeAt(chunks[b].anchor.start + delta - 1) !== 10) b++;
    const to = b < chunks.length ? chunks[b].anchor.start + delta : text.length;
    if (to < from) return undefined;
    // The chunks after the edit move: one entry in the log, not a visit of each (see Placements). Logged
    // first, so that the chunk read below starts where it is in the new text. (Should it not be
    // self-contained, the file is read whole, with new chunks.)
    if (b < chunks.length) this.places.moved(chunks[b].anchor.start, delta);
    const fresh: Chunk[] = [];
    if (to > from) {
      const chunk = this.read(text.slice(from, to), from);
      if (!chunk) return undefined;
      fresh.push(chunk);
    }
    if (this.repeated && !keepsRepeats(chunks.slice(a, b), fresh, this.repeated)) this.repeated = undefined;
    // A new list (an earlier result's lazy reader findings still read the old one), filled in one allocation.
    const next: Chunk[] = new Array(chunks.length - (b - a) + fresh.length);
    for (let i = 0; i < a; i++) next[i] = chunks[i];
    for (let i = 0; i < fresh.length; i++) next[a + i] = fresh[i];
    for (let i = b; i < chunks.length; i++) next[i - b + a + fresh.length] = chunks[i];
    // A reader that never lints (hover alone) lets the log grow: bring every anchor up to date now and then.
    if (this.places.pending > 256) {
      for (const c of next) void c.anchor.start;
      this.places.settled();
    }
    this.pending = this.pending === undefined ? { at: a, removed: b - a, fresh } : null;
    // Two edits before one assembly: not worth merging (the line table is then scanned whole).
    this.fileEdit = this.fileEdit === undefined ? { start: from, oldEnd: to - delta, newEnd: to } : null;
    this.chunks = next;
    this.last = { mode: "incremental", reread: to - from, chunks: next.length };
    return next;
  }

  /** The file as a SourceFile: the last one when the text is the same, else one whose line table comes from it. */
  private fileOf(text: string): SourceFile {
    const last = this.file;
    const edit = this.fileEdit;
    this.fileEdit = undefined;
    if (last && last.text === text) return last;
    this.file = new SourceFile(this.path, text, last && edit ? { file: last, edit } : undefined);
    return this.file;
  }

  /** The chunks' nodes, picks and facts as the whole file's: the last ones with the edit spliced in, or made anew. */
  private joinedOf(chunks: Chunk[]): JoinedChunks<Chunk> {
    const edit = this.pending;
    this.pending = undefined;
    if (this.joined && edit) this.joined.splice(edit.at, edit.removed, edit.fresh);
    else if (!this.joined || edit === null) this.joined = new JoinedChunks(this.acrossRules.map((r) => r.meta.id), chunks);
    return this.joined;
  }

  /**
   * How to make the model of the lists as they are now (`joined` at its
   * version), when first asked for: the last model when nothing changed
   * since, patched when the changes since are known and patchModel can take
   * them (typing inside instances and virtual servers), else built anew.
   */
  private modelFor(ast: ParseResult["ast"], joined: JoinedChunks<Chunk>, targetVersion: string): () => ConfigModel {
    const version = joined.version;
    const picks = joined.picks;
    return () => {
      const last = this.built;
      let model: ConfigModel | undefined;
      if (last?.joined === joined && last.version <= version) {
        model = last.model;
        // Lists of later versions (the lazy model of an older result) have not changed since `version`.
        const changes = version === joined.version ? joined.changesSince(last.version) : undefined;
        if (last.version < version) model = changes?.reduce<ConfigModel | undefined>((m, c) => m && patchModel(m, c.removed, c.fresh, { targetVersion }, this.models), model);
      }
      model ??= buildModel(ast, { targetVersion }, this.models, picks);
      if (version === joined.version && joined === this.joined) this.built = { model, joined, version };
      return model;
    };
  }

  /** Does `rule`'s last verdict, which found nothing, stand for the lists as they are? */
  private verdictStands(rule: Rule, joined: JoinedChunks<Chunk>): boolean {
    const empty = this.emptyVerdicts.get(rule.meta.id);
    const same = rule.sameFacts;
    if (empty?.joined !== joined || !same) return false;
    return empty.version === joined.version || joined.factsKeptSince(empty.version, rule.meta.id, (a, b) => (a === undefined || b === undefined ? a === b : same(a, b)));
  }

  /** Notes which of the across-blocks rules just run found nothing (a rule that failed found something). */
  private keepEmptyVerdicts(ran: readonly Rule[], found: readonly Diagnostic[], joined: JoinedChunks<Chunk>): void {
    const reported = new Set(found.map((d) => d.ruleId));
    const failed = reported.has("internal-error");
    for (const rule of ran) {
      if (!failed && !reported.has(rule.meta.id)) this.emptyVerdicts.set(rule.meta.id, { joined, version: joined.version });
      else this.emptyVerdicts.delete(rule.meta.id);
    }
  }

  /** The file from its chunks: their trees as one; with `lint`, the file-scoped rules run on it and the kept findings moved into place. */
  private assemble(text: string, chunks: Chunk[], lint: true): LintResult;
  private assemble(text: string, chunks: Chunk[], lint: false): ParsedWithModel;
  private assemble(text: string, chunks: Chunk[], lint: boolean): LintResult | ParsedWithModel {
    const path = this.path;
    // At 50,000 lines there are ~5,000 chunks, and a visit of each costs a cache miss or more: the nodes,
    // picks and facts are spliced (joinedOf), and a lint visits each chunk once, to place its findings.
    const repeated = lint ? (this.repeated ??= repeatedOf(chunks)) : NO_NODES;
    const joined = this.joinedOf(chunks);
    const { children } = joined;
    const settings = lintSettingsOf(this.options);
    const ast = { children, definitions: [], definitionUses: [], includes: [], roots: [path] };
    const files = new Map([[path, this.fileOf(text)]]);
    if (!lint) {
      // Hover and completion: no chunk visited (each would be a cache miss or more). The reader's findings
      // are placed when asked for, and the model's picks taken when hover asks for the model.
      const out = { ast, files, templates: new Map(), renderings: new Map() } as unknown as ParseResult;
      let reader: Diagnostic[] | undefined;
      Object.defineProperty(out, "diagnostics", { get: () => (reader ??= chunks.flatMap(placedReader)), enumerable: true });
      return withModel(out, settings.targetVersion, this.modelFor(ast, joined, settings.targetVersion));
    }
    const reader: Diagnostic[] = [];
    const found: Diagnostic[] = [];
    const secrets: Secret[] = [];
    // A chunk's block-scoped findings change beyond its splice only when the repeated names do (a new
    // set): then every chunk is asked, and the log of moves can start again, as every anchor was read.
    if (repeated !== this.answered) {
      let placeables = false;
      for (let i = 0; i < chunks.length; i++) {
        const c = chunks[i];
        if (this.refreshRepeats(c, repeated)) {
          joined.refreshFacts(i, c);
          // Facts changed outside the splices: no verdict stands.
          this.emptyVerdicts.clear();
          placeables = true;
        }
      }
      if (placeables) joined.resetPlaceables(chunks);
      this.answered = repeated;
      for (const c of chunks) void c.anchor.start;
      this.places.settled();
    }
    // Only chunks with something to place are visited (at 50,000 lines, about a third of them).
    for (const c of joined.placeables) {
      for (const d of placedReader(c)) reader.push(d);
      const p = placed(c);
      for (const d of p.findings) found.push(d);
      for (const s of p.secrets) secrets.push(s);
    }
    const parsed: ParseResult = { ast, diagnostics: reader, files, templates: new Map(), renderings: new Map() };
    const repeatsName = (node: ConfigNode) => repeated.has(node);
    let model: ConfigModel | undefined;
    const modelOf = this.modelFor(ast, joined, settings.targetVersion);
    const getModel = () => (model ??= modelOf());
    const fileFound = runRules(parsed, this.options, this.fileRules, settings, getModel, repeatsName, { kept: this.objectFindings });
    const gathered = (id: string) => joined.factsOf(id);
    const across = this.acrossRules.filter((r) => !this.verdictStands(r, joined));
    const acrossFound = runRules(parsed, this.options, across, settings, getModel, repeatsName, { only: "across", gathered });
    this.keepEmptyVerdicts(across, acrossFound, joined);
    // Made anew each lint: those equal to last time's are last time's objects (SameFindings).
    for (const d of this.sameFindings.stable(fileFound.concat(acrossFound))) found.push(d);
    const { diagnostics, fixable } = finishFindings(parsed, found, this.options, secrets);
    const result = { ...parsed, diagnostics, fixable, readerDiagnostics: reader, targetVersion: settings.targetVersion } as LintResult;
    // The model is made when something asks for it (hover does; a block-scoped lint does not).
    Object.defineProperty(result, "model", { get: getModel, enumerable: true });
    return result;
  }
}

/** `out` with a model, made by `make` when first read. */
function withModel(out: ParseResult, targetVersion: string, make: () => ConfigModel): ParsedWithModel {
  let model: ConfigModel | undefined;
  Object.defineProperty(out, "model", { get: () => (model ??= make()), enumerable: true });
  return Object.assign(out, { targetVersion }) as ParsedWithModel;
}

const NO_NODES: ReadonlySet<ConfigNode> = new Set();

/**
 * Does replacing `removed` by `fresh` leave repeatedOf() as it is? When the
 * blocks' names come in the same order and none of the removed blocks
 * repeated an earlier name (typing inside a block), every other block is
 * first or repeated as before, and the fresh blocks are first as theirs were.
 */
function keepsRepeats(removed: readonly Chunk[], fresh: readonly Chunk[], repeated: ReadonlySet<ConfigNode>): boolean {
  const before = removed.flatMap((c) => c.names);
  const after = fresh.flatMap((c) => c.names);
  if (before.length !== after.length || before.some((n, i) => n !== after[i])) return false;
  return removed.every((c) => c.parse.ast.children.every((n) => !repeated.has(n)));
}

/** repeatedNames() of the whole file, from the names each chunk kept (not a view of every top-level node per edit). */
function repeatedOf(chunks: readonly Chunk[]): Set<ConfigNode> {
  const repeated = new Set<ConfigNode>();
  const seen = new Set<string>();
  for (const c of chunks) {
    for (let i = 0; i < c.names.length; i++) {
      const key = c.names[i];
      if (key === undefined) continue;
      if (seen.has(key)) repeated.add(c.parse.ast.children[i]);
      else seen.add(key);
    }
  }
  return repeated;
}

/** Index of the last chunk that starts at or before `offset`. */
function chunkAt(chunks: readonly Chunk[], offset: number): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (chunks[mid].anchor.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Nothing that reaches beyond the text read: no include, definition, template or rendering. */
function isLocal(parsed: ParseResult): boolean {
  const ast = parsed.ast;
  return ast.includes.length === 0 && ast.definitions.length === 0 && ast.definitionUses.length === 0 && parsed.templates.size === 0 && parsed.renderings.size === 0;
}

/** Block-scoped rules must not ask for the model (it is the whole configuration's). */
function noModel(): never {
  throw new Error("a rule declared scope \"block\" asked for the model");
}

/** Chunk.placeable of a chunk with these lists. */
function hasSomethingToPlace(reader: readonly Diagnostic[], findings: readonly Diagnostic[], secrets: readonly Secret[]): boolean {
  return reader.length + findings.length + secrets.length > 0;
}

/** The chunk's kept findings and secrets, placed where the chunk is now. */
function placed(c: Chunk): Chunk {
  const by = c.anchor.start;
  c.findings = placeFindings(c.findings, c.at, by);
  c.secrets = placeSpans(c.secrets, c.at, by);
  c.at = by;
  return c;
}

/** The chunk's reader findings, placed where the chunk is now. */
function placedReader(c: Chunk): Diagnostic[] {
  const by = c.anchor.start;
  c.reader = placeFindings(c.reader, c.readerAt, by);
  c.readerAt = by;
  return c.reader;
}
