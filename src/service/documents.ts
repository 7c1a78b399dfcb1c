/**
 * Analyses of the configurations open in an editor, kept between edits: the
 * main file's lint is incremental (engine/incremental.ts: only the top-level
 * blocks an edit touched are read again, only the rules whose input changed
 * run again), and hover and completion read the tree without a lint. What
 * the incremental lint cannot take (a broken settings file, a cluster the
 * file is a node of, a main file that is not open) goes through analyze(),
 * which says the same.
 */
import type { FileAccess } from "../../grammar/files.js";
import type { EditHint, IncrementalLint } from "../engine/incremental.js";
import type { LintOptions, LintResult } from "../engine/linter.js";
import { nodesFromSettings } from "../workspace/cluster.js";
import { looksLikeFragment, softenUnresolved } from "../workspace/fragments.js";
import { incrementalLint } from "../workspace/lint.js";
import type { Settings } from "../workspace/settings.js";
import { Workspace } from "../workspace/workspace.js";
import { analyze, overlay, settingsSourceOf, type Analysis, type AnalyzeOptions } from "./analyze.js";

export type { EditHint } from "../engine/incremental.js";

/** What applies to a main file: its settings, and whether the incremental lint can take it. */
interface Setup {
  settings: Settings;
  /** Its lint settings as the workspace lints it (Workspace.lintSettingsOf: where absolute includes are looked for), made when a new incremental lint needs them. */
  lint: () => LintOptions;
  /** The file is a node of the project's cluster: cluster findings join its lint (analyze() does that). */
  clustered: boolean;
}

/** One change of a buffer: the range [start, end) of its text before the change, replaced by `inserted` characters. */
export interface BufferChange {
  start: number;
  end: number;
  inserted: number;
}

export class OpenDocuments {
  private lints = new Map<string, { key: string; lint: IncrementalLint }>();
  /** Per buffer: where it changed since its lint last read it (null: somewhere unknown). */
  private edits = new Map<string, (EditHint & { delta: number }) | null>();

  constructor(
    private readonly fs: FileAccess,
    private readonly options: Omit<AnalyzeOptions, "overrides"> = {},
  ) {}

  /**
   * The analysis of main file `root` with the open buffers `overrides`.
   */
  analyze(root: string, overrides: Map<string, string>): Analysis {
    const text = overrides.get(root);
    const files = overlay(this.fs, overrides);
    const setup = text === undefined ? undefined : this.setupFor(root, files);
    if (text === undefined || !setup || setup.clustered) return analyze(this.fs, root, { ...this.options, overrides });
    const result = this.lintOf(root, setup).update(text, files, this.takeEdit(root));
    // As analyze() does: a fragment's unresolved references are "not defined here or in any includer".
    if (looksLikeFragment(result, root)) result.diagnostics = softenUnresolved(result.diagnostics, (f) => result.files.get(f)?.text);
    return this.analysisOf(root, result, setup.settings, files);
  }

  /**
   * The tree and model of `root` for hover and completion, read but not
   * linted: its result has no findings. Undefined when only a full
   * analysis can say (see analyze()).
   */
  parse(root: string, overrides: Map<string, string>): Analysis | undefined {
    const text = overrides.get(root);
    const files = overlay(this.fs, overrides);
    const setup = text === undefined ? undefined : this.setupFor(root, files);
    if (text === undefined || !setup) return undefined;
    const parsed = this.lintOf(root, setup).parse(text, files, this.takeEdit(root));
    const { ast, files: read, templates, renderings, targetVersion } = parsed;
    const result = { ast, files: read, templates, renderings, targetVersion, diagnostics: [], fixable: [] } as unknown as LintResult;
    // The model and the reader's findings are made when asked for (hover asks for the model), not here.
    Object.defineProperty(result, "model", { get: () => parsed.model, enumerable: true });
    Object.defineProperty(result, "readerDiagnostics", { get: () => parsed.diagnostics, enumerable: true });
    return this.analysisOf(root, result, setup.settings, files);
  }

  /**
   * A buffer changed (`change` undefined: replaced whole). Changes add up
   * until the buffer's lint reads it, so that it knows where to read again.
   */
  edited(path: string, change?: BufferChange): void {
    const before = this.edits.get(path);
    if (!change || before === null) {
      this.edits.set(path, null);
      return;
    }
    const delta = change.inserted - (change.end - change.start);
    if (before === undefined) {
      this.edits.set(path, { start: change.start, end: change.end, delta });
      return;
    }
    // `before` covers [start, end) of the text the lint read, [start, end + delta) now; the text outside is unchanged.
    this.edits.set(path, { start: Math.min(before.start, change.start), end: Math.max(before.end, change.end - before.delta), delta: before.delta + delta });
  }

  private takeEdit(path: string): EditHint | undefined {
    const edit = this.edits.get(path);
    this.edits.delete(path);
    return edit ?? undefined;
  }

  /** `root` is no longer open: drop what is kept for it. */
  forget(root: string): void {
    this.lints.delete(root);
    this.edits.delete(root);
  }

  /** Read on every analysis, as analyze() does (a few file lookups: settings files change on disk, unwatched). */
  private setupFor(root: string, files: FileAccess): Setup | undefined {
    try {
      const workspace = new Workspace(files, settingsSourceOf(this.options));
      const settings = workspace.settingsFor(root);
      return { settings, lint: () => workspace.lintSettingsOf(root), clustered: nodesFromSettings(settings, files).some((n) => n.path === root) };
    } catch {
      // A broken settings file (or cluster vars file): analyze() reports it.
      return undefined;
    }
  }

  /** The incremental lint of `root` under its settings (a new one when they changed). */
  private lintOf(root: string, setup: Setup): IncrementalLint {
    // The "root" setting too: it changes where absolute includes are looked for (setup.lint's includePath).
    const key = JSON.stringify([setup.settings.lint, setup.settings.file.root ?? null]);
    let entry = this.lints.get(root);
    if (!entry || entry.key !== key) {
      entry = { key, lint: incrementalLint(root, setup.lint()) };
      this.lints.set(root, entry);
      // A new lint reads the text whole: earlier edits say nothing to it.
      this.edits.delete(root);
    }
    return entry.lint;
  }

  private analysisOf(root: string, result: LintResult, settings: Settings, files: FileAccess): Analysis {
    const config = settings.configFile ? { path: settings.configFile, config: settings.file } : undefined;
    return { root, result, settings, config, fs: files };
  }
}
