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
import type { LintResult } from "../engine/linter.js";
import { nodeFromArgument, nodesFromSettings, nodesFromTemplate, runCluster, varsFromArgument, type ClusterRun, type ClusterRunOptions, type NodeSpec, type VarsArgument } from "./cluster.js";
import { lintAndFix, type FixOutcome } from "./fix.js";
import { lint } from "./lint.js";
import { ownersOf } from "./owners.js";
import { SettingsResolver, type Settings, type SettingsSource } from "./settings.js";

export class Workspace {
  readonly settings: SettingsResolver;

  /** Throws ConfigError when an explicitly given settings file is broken. */
  constructor(
    readonly fs: FileAccess,
    source: SettingsSource = {},
  ) {
    this.settings = new SettingsResolver(fs, source);
  }

  /** Settings for `path` (absolute). Throws ConfigError for a broken settings file. */
  settingsFor(path: string): Settings {
    return this.settings.for(path);
  }

  /** The `ignore` pattern that excludes `path`, if any. */
  ignoredBy(path: string): string | undefined {
    return this.settings.ignoredBy(path);
  }

  /** The keepalived.conf files that include `path`, nearest first (read with `path`'s settings). */
  ownersOf(path: string): string[] {
    return ownersOf(this.fs, path, this.settingsFor(path).lint);
  }

  /** Lints the configuration whose main file is `root`; `texts` win over the files. */
  lint(root: string, texts?: Map<string, string>): LintResult {
    return lint(this.fs, [root], this.settingsFor(root).lint, texts);
  }

  /**
   * Lints `root` and, with `fix`, applies safe fixes to the files `canEdit`
   * allows until nothing changes (the one fix loop; see fix.ts).
   */
  fix(root: string, texts: Map<string, string>, fix: boolean, canEdit: (path: string) => boolean = (p) => this.ignoredBy(p) === undefined, unsafe = false): FixOutcome {
    return lintAndFix(this.fs, root, this.settingsFor(root).lint, texts, fix, canEdit, unsafe);
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
    return runCluster(this.fs, nodes, this.settings, options);
  }
}

export { ConfigError };
