/**
 * Lint entry points bound to the built-in rules. The engine (src/engine,
 * src/cluster) is handed its rules and never imports rules/, which sits above
 * it; this module is where the built-in set meets it, for the front ends and
 * the library API. `options.ruleSet` still replaces the set (tests).
 */
import type { Edit } from "../../grammar/ast.js";
import type { FileAccess } from "../../grammar/files.js";
import { readConfig, type ParseResult, type ReaderOptions } from "../../grammar/reader.js";
import { patchWords } from "../../grammar/word-patch.js";
import { ALL_RULES } from "../../rules/index.js";
import * as cluster from "../cluster/lint.js";
import type { ClusterNode } from "../cluster/groups.js";
import { IncrementalLint } from "../engine/incremental.js";
import * as engine from "../engine/linter.js";
import type { LintOptions, LintResult, StagedLint } from "../engine/linter.js";

const withRules = (options: LintOptions): engine.EngineOptions => ({ ...options, ruleSet: options.ruleSet ?? ALL_RULES });

/** Lints a configuration whose main file(s) are read through `fs` (`overrides` = unsaved texts). */
export function lint(fs: FileAccess, mainFiles: string[], options: LintOptions = {}, overrides?: Map<string, string>): LintResult {
  return engine.lint(fs, mainFiles, withRules(options), overrides);
}

/** Lints one text (no includes are resolved beyond what `fs` offers). */
export function lintText(text: string, path = "/keepalived.conf", options: LintOptions = {}, fs?: FileAccess): LintResult {
  return engine.lintText(text, path, withRules(options), fs);
}

export function lintParsed(parsed: ParseResult, options: LintOptions = {}): LintResult {
  return engine.lintParsed(parsed, withRules(options));
}

/**
 * The lint of a --fix pass, in two stages (engine lintStaged): first the
 * rules whose findings can change a text (fixable ones, and with `unsafe`
 * those with suggestions), the others only when those change nothing.
 * `before` hands over the pass before's parse and changes (see LintWith):
 * when they only renamed words, that parse is patched instead of reading.
 */
export function lintForFixing(fs: FileAccess, mainFiles: string[], options: LintOptions = {}, unsafe = false, overrides?: Map<string, string>, before?: () => PassBefore | undefined): StagedLint {
  const parsed = readForFixing(fs, mainFiles, engine.readerOptionsOf(options), overrides, before);
  return engine.lintStaged(parsed, withRules(options), (rule) => !!rule.meta.fixable || (unsafe && !!rule.meta.hasSuggestions));
}

/** The parse a --fix pass read and what its fixes made of each file they changed: the new text and the edits (sorted, as applied). */
export interface PassBefore {
  parsed: ParseResult;
  changes: Map<string, { text: string; edits: readonly Edit[] }>;
}

/**
 * The parse of a --fix pass: the pass before's parse patched with its fixes
 * when they only renamed words (grammar/word-patch.ts), else a read. Its own
 * function, so that the pass before's parse is not held by a frame that
 * lives on while the pass lints.
 */
function readForFixing(fs: FileAccess, mainFiles: string[], options: ReaderOptions, overrides: Map<string, string> | undefined, before: (() => PassBefore | undefined) | undefined): ParseResult {
  const last = before?.();
  return (last && patchWords(last.parsed, last.changes, options)) ?? readConfig(fs, mainFiles, options, overrides);
}

/** `files[i]` is the name as the user gave it; `paths[i]` where it is read (they may be equal). */
export function lintCluster(fs: FileAccess, files: string[], paths: string[] = files, options: LintOptions = {}): cluster.ClusterResult {
  return cluster.lintCluster(fs, files, paths, withRules(options));
}

export function clusterOf(nodes: ClusterNode[], options: LintOptions = {}): cluster.ClusterResult {
  return cluster.clusterOf(nodes, withRules(options));
}

/** The editor's incremental lint of one file (see engine/incremental.ts): `update(text)` after each edit. */
export function incrementalLint(path: string, options: LintOptions = {}): IncrementalLint {
  return new IncrementalLint(path, withRules(options));
}
