/**
 * The reader's entry points: files (or a text) in, `{ ast, diagnostics, files }` out.
 * Never throws on any input: every problem is a diagnostic.
 */
import type { ConfigAst, Diagnostic } from "./ast.js";
import type { FileAccess } from "./files.js";
import { memoryFiles, overlayFiles } from "./files.js";
import { TreeBuilder } from "./parser.js";
import { Preprocessor, type ReaderOptions, type TemplateRendering } from "./preprocessor.js";
import type { SourceFile } from "./source.js";
import type { TemplateView } from "./template/index.js";
import { joinedKeywordFindings } from "./template/joins.js";

export type { ReaderOptions, TargetVersion } from "./preprocessor.js";

export interface ParseResult {
  ast: ConfigAst;
  /** Reader findings (syntax, includes, definitions), sorted by file and offset. */
  diagnostics: Diagnostic[];
  /** Every file read, by path (main files and includes). */
  files: Map<string, SourceFile>;
  /** Files read as templates (grammar/template/view.ts), by path. */
  templates: Map<string, TemplateView>;
  /** Templates read with --template-vars, by path (see Preprocessor). */
  renderings: Map<string, TemplateRendering>;
}

/**
 * Reads a configuration the way keepalived does: `mainFiles` in order (keepalived
 * reads every match of its -f glob), includes resolved through `fs`.
 * `overrides` supplies texts for paths that should not be read from `fs`
 * (unsaved editor buffers, stdin).
 */
export function readConfig(fs: FileAccess, mainFiles: string[], options: ReaderOptions = {}, overrides?: Map<string, string>): ParseResult {
  return read(fs, mainFiles, options, overrides).parsed;
}

function read(fs: FileAccess, mainFiles: string[], options: ReaderOptions, overrides: Map<string, string> | undefined, movable = false): { parsed: ParseResult; builder: TreeBuilder } {
  const builder = new TreeBuilder();
  // A parse that may move hands out words that move with it (plain objects elsewhere: a lint's million words).
  if (movable) builder.store.words.makeMovable();
  const pre = new Preprocessor(overrides ? overlayFiles(fs, overrides) : fs, builder, options);
  for (const path of mainFiles) {
    pre.readMain(path);
  }
  builder.finish();
  const r = pre.result();
  const joins = r.templates.size > 0 ? joinedKeywordFindings(builder.children, r.templates, r.files) : [];
  const diagnostics = [...r.diagnostics, ...builder.diagnostics, ...joins].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start),
  );
  const parsed: ParseResult = {
    ast: {
      children: builder.children,
      definitions: r.definitions,
      definitionUses: r.definitionUses,
      includes: r.includes,
      roots: r.roots,
    },
    diagnostics,
    files: r.files,
    templates: r.templates,
    renderings: r.renderings,
  };
  return { parsed, builder };
}

/** Parses one text as a main file named `path` (includes resolved in memory: none exist). */
export function parseText(text: string, path = "/keepalived.conf", options: ReaderOptions = {}, fs?: FileAccess): ParseResult {
  return readConfig(fs ?? memoryFiles({ [path]: text }), [path], options, new Map([[path, text]]));
}

/** A parse whose positions can be moved after reading (see parsePiece). */
export interface MovableParse extends ParseResult {
  /**
   * Moves the tree's positions `delta` characters on (TreeStore.rebase):
   * nodes and words, including those already made. Not the diagnostics,
   * the file or the other lists: the caller keeps those as it needs them.
   */
  moveBy(delta: number): void;
  /**
   * Places the tree at `anchor.start` (plus what moveBy added), read anew
   * whenever a position is asked for: the editor moves its chunks by
   * moving their anchors, lazily, not their trees.
   */
  anchorTo(anchor: { readonly start: number }): void;
}

/**
 * Reads `text` alone as a piece of the file `path` (the editor re-reads the
 * top-level blocks an edit touched): positions start at 0, and moveBy()
 * places the piece where it is in the file.
 */
export function parsePiece(text: string, path: string, options: ReaderOptions = {}): MovableParse {
  const { parsed, builder } = read(memoryFiles({ [path]: text }), [path], options, new Map([[path, text]]), true);
  const words = builder.store.words;
  return { ...parsed, moveBy: (delta) => builder.store.rebase(delta), anchorTo: (anchor) => words.anchorTo(anchor) };
}
