/**
 * Repository mode: the command line linting files of a checkout rather than
 * a host's /etc. It knows the repository's top (SARIF and annotation paths
 * are relative to it), where host paths of absolute includes are in the
 * checkout (workspace/roots.ts), and which main files include a fragment
 * (workspace/fragments.ts), over the whole tree the fragment is in.
 */
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { overlayFiles, type FileAccess } from "../../grammar/files.js";
import { readConfig, type ReaderOptions } from "../../grammar/reader.js";
import type { LintOptions, LintResult, StagedLint } from "../engine/linter.js";
import { indexOwners, type OwnerIndex } from "../workspace/fragments.js";
import { hasGlobChars } from "../workspace/glob-match.js";
import { includePatterns, mayRead } from "../workspace/may-include.js";
import { lint, lintForFixing, type PassBefore } from "../workspace/lint.js";
import { MAIN_FILE_NAME, ownersOf } from "../workspace/owners.js";
import { gitTop, KEEPALIVED_DIR, repositoryTop, RootMap, rootMappingsOf, RootMaps, type RootMapping } from "../workspace/roots.js";
import { fromSettingsFile, type Settings } from "../workspace/settings.js";
import type { Workspace } from "../workspace/workspace.js";
import { UsageError } from "./io.js";
import { expandTargets } from "./targets.js";
import { walkConfigs } from "./walk.js";

/** At most this many configs of a tree are read to find a fragment's owners. */
export const MAX_OWNER_CANDIDATES = 2_000;

/**
 * What reading a candidate to learn its includes may cost: a tenth of a lint's
 * expansions and include statements (docs/limits.md). Every lint of a fragment
 * pays for its tree's candidates, and an expansion bomb among them (a fuzz
 * fixture, a broken generated file) must not make linting an unrelated file
 * slow; an include found only past these budgets is not seen.
 */
const OWNER_SEARCH_BUDGETS = { expandedLines: 4_000, totalExpandedLines: 5_000, expandedWords: 24_000, includes: 500, includePaths: 2_000, files: 500 };

const isUnder = (p: string, dir: string) => {
  const rel = relative(dir, p);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !rel.startsWith("/"));
};

/** The nearest keepalived.conf that includes `path` (the workspace's owners, as the language server finds them). */
function nearestOwner(fs: FileAccess, path: string, settings: Settings): string | undefined {
  return ownersOf(fs, path, settings.lint)[0];
}

/** `--root DIR` maps `/`; `--root /etc/keepalived=DIR` maps that prefix. */
export function parseRootFlag(value: string, cwd: string): RootMapping {
  const eq = value.indexOf("=");
  if (eq > 0 && value.startsWith("/")) return { from: value.slice(0, eq), to: resolve(cwd, value.slice(eq + 1)) };
  if (value === "") throw new UsageError("--root expects a directory, or /HOST/PATH=DIRECTORY");
  return { from: "/", to: resolve(cwd, value) };
}

/** What repository mode reads from the settings: where host paths are, and the named main files. */
interface RepoSettings {
  /** --root, else the "root" setting (directories relative to the settings file); empty when neither. */
  root: RootMapping[];
  /** The "roots" setting, absolute (globs kept). */
  roots?: string[];
}

export class Repository {
  /** Where report paths are relative to: the git top of the working directory, else the working directory. */
  readonly top: string;
  private readonly maps: RootMaps;
  private readonly indexes = new Map<string, OwnerIndex>();
  /** A tree's candidate main files, its configs' include patterns and what each reads: owners of many files share them. */
  private readonly candidates = new Map<string, string[]>();
  private readonly patterns = new Map<string, string[] | undefined>();
  private readonly closures = new Map<string, ReadonlySet<string>>();

  constructor(
    /** The disk, with standard input's text over the file it names. */
    readonly fs: FileAccess,
    private readonly workspace: Workspace,
    private readonly cwd: string,
    /** --root: wins over the "root" setting. */
    private readonly cliRoot: RootMapping[] = [],
  ) {
    this.top = repositoryTop(fs, cwd);
    this.maps = new RootMaps(fs, (main) => this.treeOf(main));
  }

  /** The settings that apply to `path`, as repository mode reads them. */
  repoSettings(path: string): RepoSettings {
    const s = this.workspace.settingsFor(path);
    return { root: this.cliRoot.length ? this.cliRoot : rootMappingsOf(s), ...(s.file.roots && { roots: s.file.roots.map((p) => fromSettingsFile(s, p)) }) };
  }

  /** The tree a file belongs to: its git top, else the working directory when under it, else its directory. */
  treeOf(path: string): string {
    return gitTop(this.fs, dirname(path)) ?? (isUnder(path, this.cwd) ? this.cwd : dirname(path));
  }

  /** How the lint of `main` reads host paths: explicit mappings, else detection of /etc/keepalived's copy in its tree. */
  rootMap(main: string): RootMap {
    return this.maps.for(main, this.repoSettings(main).root);
  }

  /** The default target under --root / "root" (settings at the working directory): /etc/keepalived/keepalived.conf of the checkout. */
  mapped(hostPath: string): string {
    const { root } = this.repoSettings(join(this.cwd, "keepalived.conf"));
    return root.length ? new RootMap(root, "\0").toCheckout(hostPath) : hostPath;
  }

  /** Lints `main` (with its settings) and `texts` over the disk; paths in the result are checkout paths. */
  lint(main: string, texts: Map<string, string>, options: LintOptions = this.workspace.settingsFor(main).lint): LintResult {
    return lint(overlayFiles(this.fs, texts), [main], this.readingCheckout(main, options));
  }

  /** The lint of one --fix pass over `main` (workspace lintForFixing), read as lint() reads it; `before`: see LintWith. */
  lintForFixing(main: string, texts: Map<string, string>, unsafe: boolean, before?: () => PassBefore | undefined, options: LintOptions = this.workspace.settingsFor(main).lint): StagedLint {
    return lintForFixing(overlayFiles(this.fs, texts), [main], this.readingCheckout(main, options), unsafe, undefined, before);
  }

  /** `options` with `main`'s absolute include patterns looked for in the checkout: the parse names the checkout's files throughout. */
  private readingCheckout<T extends { includePath?: LintOptions["includePath"] }>(main: string, options: T): T {
    const map = this.rootMap(main);
    return { ...options, includePath: (p: string) => map.toCheckout(p) };
  }

  /** Host directories read from the checkout by detection (to say so), as [host, checkout]. */
  detections(): RootMapping[] {
    return this.maps.detections();
  }

  /**
   * The main files whose configuration reads `path`: the "roots" setting's
   * when set, else the tree's configs that no other includes (plus the
   * nearest keepalived.conf including it, outside any tree). Empty for a
   * main file.
   */
  ownersOf(path: string): string[] {
    const settings = this.repoSettings(path);
    // keepalived's own main file name is a main file, as the language server has it (and no tree is read for it).
    if (settings.roots === undefined && basename(path) === MAIN_FILE_NAME) return [];
    const tree = this.treeOf(path);
    const key = `${tree}\0${JSON.stringify(settings.roots ?? null)}`;
    let owners: string[];
    if (settings.roots !== undefined) {
      // The main files the settings name are read, whatever their text says.
      let index = this.indexes.get(key);
      if (!index) this.indexes.set(key, (index = indexOwners(this.expandRoots(settings.roots), (c) => this.filesOf(c), true)));
      owners = index.owners(path);
    } else {
      let candidates = this.candidates.get(key);
      if (!candidates) this.candidates.set(key, (candidates = this.treeConfigs(tree)));
      // Only the configs whose include lines may lead to `path` are read (a full expansion each).
      const mayReadIt = mayRead(path, candidates, (c) => this.patternsOf(c), (c) => this.filesOf(c));
      if (candidates.includes(path)) mayReadIt.push(path);
      owners = indexOwners(mayReadIt, (c) => this.filesOf(c)).owners(path);
    }
    if (owners.length > 0 || settings.roots !== undefined) return owners;
    const near = nearestOwner(this.fs, path, this.workspace.settingsFor(path));
    return near !== undefined && near !== path ? [near] : [];
  }

  private treeConfigs(tree: string): string[] {
    const ignored = (p: string) => this.workspace.ignoredBy(p) !== undefined;
    try {
      return walkConfigs(this.fs, tree, { top: tree, ignored, maxFiles: MAX_OWNER_CANDIDATES });
    } catch {
      // A broken settings file on the way is reported when its files are linted; owners are then looked for without it.
      return walkConfigs(this.fs, tree, { top: tree, maxFiles: MAX_OWNER_CANDIDATES });
    }
  }

  private expandRoots(roots: string[]): string[] {
    const out: string[] = [];
    for (const r of roots) {
      if (!hasGlobChars(r)) {
        if (this.fs.stat(r) === "file") out.push(r);
        continue;
      }
      try {
        out.push(...expandTargets(this.fs, [r], this.cwd).map((t) => t.path));
      } catch {
        // A roots pattern matching nothing names no owner.
      }
    }
    return [...new Set(out)];
  }

  /** The include patterns of a config's text (undefined: not to be told without reading it). */
  private patternsOf(file: string): string[] | undefined {
    if (!this.patterns.has(file)) {
      // A file without the word includes nothing: not decoded (a large generated config beside the one linted).
      if (this.fs.mayContain?.(file, "include") === false) this.patterns.set(file, []);
      else {
        const text = this.fs.readFile(file);
        this.patterns.set(file, text.ok ? includePatterns(text.text) : []);
      }
    }
    return this.patterns.get(file);
  }

  /** The files a main file's configuration reads (checkout paths), itself included. */
  private filesOf(main: string): ReadonlySet<string> {
    let files = this.closures.get(main);
    if (!files) this.closures.set(main, (files = this.readClosure(main)));
    return files;
  }

  private readClosure(main: string): ReadonlySet<string> {
    let settings: Settings;
    try {
      settings = this.workspace.settingsFor(main);
    } catch {
      return new Set([main]);
    }
    // Only a file with an include line (any include keyword, inside a definition too) reads another:
    // the include patterns of its text, read once for the owner search, say whether it has one.
    if (this.patternsOf(main)?.length === 0) return new Set([main]);
    const { configId, targetVersion } = settings.lint;
    const read = readConfig(this.fs, [main], this.readingCheckout<ReaderOptions>(main, { configId, targetVersion, budgets: OWNER_SEARCH_BUDGETS }));
    return new Set(read.files.keys());
  }
}

/** A note for standard error when host paths were read from a detected copy in the checkout (`rootFlag`: the command has --root). */
export function detectionNote(d: RootMapping, top: string, rootFlag = true): string {
  const to = relative(top, d.to) || ".";
  return `keepalived-lint: reading ${d.from === KEEPALIVED_DIR ? KEEPALIVED_DIR : d.from}/… from ${to}/ (detected in the checkout; set ${rootFlag ? "--root or " : ""}"root" in .keepalived-lint.json to choose)\n`;
}
