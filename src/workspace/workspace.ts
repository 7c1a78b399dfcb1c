/**
 * The workspace: one object every front end (command line, language server,
 * library) goes through to lint, fix, format and cluster. Given file access
 * and where the settings come from, it answers per path: the settings that
 * apply, the main files that own an included file, the cluster's nodes, and
 * the lint, fix and cluster results under those settings. A setting is added
 * here (settings.ts) once and every front end has it.
 */
import type { FileAccess } from "../../grammar/files.js";
import { ConfigError } from "../engine/config.js";
import type { LintOptions, LintResult } from "../engine/linter.js";
import { nodeFromArgument, nodesFromSettings, nodesFromTemplate, runCluster, varsFromArgument, type ClusterRun, type ClusterRunOptions, type NodeSpec, type VarsArgument } from "./cluster.js";
import { lintAndFix, type FixOutcome } from "./fix.js";
import { lint } from "./lint.js";
import { ownersOf } from "./owners.js";
import { rootMappingsOf, RootMaps, type RootMapping } from "./roots.js";
import { SettingsResolver, type Settings, type SettingsSource } from "./settings.js";

export class Workspace {
  readonly settings: SettingsResolver;
  private readonly maps: RootMaps;

  /** Throws ConfigError when an explicitly given settings file is broken. */
  constructor(
    readonly fs: FileAccess,
    source: SettingsSource = {},
  ) {
    this.settings = new SettingsResolver(fs, source);
    this.maps = new RootMaps(fs);
  }

  /** Settings for `path` (absolute). Throws ConfigError for a broken settings file. */
  settingsFor(path: string): Settings {
    return this.settings.for(path);
  }

  /** The `ignore` pattern that excludes `path`, if any. */
  ignoredBy(path: string): string | undefined {
    return this.settings.ignoredBy(path);
  }

  /** The keepalived.conf files that include `path`, nearest first (each read with `path`'s settings and its own includePath). */
  ownersOf(path: string): string[] {
    return ownersOf(this.fs, path, this.settingsFor(path).lint, (main) => this.includePathOf(main));
  }

  /**
   * The lint settings of main file `root`, with where its absolute includes
   * are looked for: the "root" setting's mappings, else, inside a git
   * checkout, the checkout's copy of /etc/keepalived when it has one
   * (workspace/roots.ts), as the command line's repository mode reads them.
   * The parse then names the checkout's files throughout.
   */
  lintSettingsOf(root: string): LintOptions {
    return { ...this.settingsFor(root).lint, includePath: this.includePathOf(root) };
  }

  /** Lints the configuration whose main file is `root`; `texts` win over the files. */
  lint(root: string, texts?: Map<string, string>): LintResult {
    return lint(this.fs, [root], this.lintSettingsOf(root), texts);
  }

  /**
   * Lints `root` and, with `fix`, applies safe fixes to the files `canEdit`
   * allows until nothing changes (the one fix loop; see fix.ts).
   */
  fix(root: string, texts: Map<string, string>, fix: boolean, canEdit: (path: string) => boolean = (p) => this.ignoredBy(p) === undefined, unsafe = false): FixOutcome {
    return lintAndFix(this.fs, root, this.lintSettingsOf(root), texts, fix, canEdit, unsafe);
  }

  /** Host directories read from a checkout's copy by detection so far (to say so), as [host, checkout]. */
  detections(): RootMapping[] {
    return this.maps.detections();
  }

  /** Where `main`'s absolute include patterns are looked for (one root map per main file and mappings: detection is kept). */
  private includePathOf(main: string): (absolutePattern: string) => string {
    const map = this.maps.for(main, rootMappingsOf(this.settingsFor(main)));
    return (pattern) => map.toCheckout(pattern);
  }

  /**
   * The cluster's nodes: the arguments (`lb1=lb1/keepalived.conf` or a path)
   * relative to `cwd`, else the `cluster` list of the settings that apply at
   * `cwd`. Empty when neither names any.
   */
  clusterNodes(args: readonly string[], cwd: string): NodeSpec[] {
    if (args.length > 0) return args.map((a) => nodeFromArgument(this.fs, a, cwd));
    return nodesFromSettings(this.settingsFor(`${cwd.replace(/\/$/, "")}/.`), this.fs);
  }

  /** A `--template-vars` argument of `cluster` (`lb1=host_vars/lb1.yml` or a path) relative to `cwd`. */
  varsArgument(arg: string, cwd: string): VarsArgument {
    return varsFromArgument(this.fs, arg, cwd);
  }

  /** One template, one node per vars file (their variables read by the front end). */
  templateNodes(template: string, vars: readonly (VarsArgument & { values: Record<string, unknown> })[], cwd: string): NodeSpec[] {
    return nodesFromTemplate(template, vars, cwd);
  }

  /** Lints the nodes, each with its own settings and config id, and the cluster across them. */
  cluster(nodes: NodeSpec[], options: ClusterRunOptions = {}): ClusterRun {
    return runCluster(this.fs, nodes, this.settings, options, (main) => this.includePathOf(main));
  }
}

export { ConfigError };
