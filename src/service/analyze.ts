/**
 * One analysis of a configuration as an editor sees it: the lint of a main
 * file (includes resolved, unsaved buffers overriding the disk) with the
 * nearest `.keepalived-lint.json` applied, exactly as the command line lints.
 * Every editor feature reads an Analysis; nothing here talks to a client.
 */
import type { Diagnostic } from "../../grammar/ast.js";
import { overlayFiles, type FileAccess } from "../../grammar/files.js";
import { ConfigError, type LoadedConfig } from "../engine/config.js";
import type { LintResult } from "../engine/linter.js";
import { nodesFromSettings } from "../workspace/cluster.js";
import type { Settings, SettingOverrides, SettingsSource } from "../workspace/settings.js";
import { looksLikeFragment, softenUnresolved } from "../workspace/fragments.js";
import { Workspace } from "../workspace/workspace.js";
export { MAIN_FILE_NAME } from "../workspace/owners.js";

export interface AnalyzeOptions {
  /** Texts of open editor buffers by path; they win over the disk. */
  overrides?: Map<string, string>;
  /** This host's short name (keepalived's default config id), as the front end found it. */
  hostName?: string;
  /** Settings that win over the settings file (tests). */
  settings?: SettingOverrides;
  /** Settings the settings file overrides (editor settings: the project's file is what CI uses). */
  defaults?: SettingOverrides;
  /** Skip `.keepalived-lint.json` lookup (the CLI's --no-config). */
  noConfig?: boolean;
  /** The keepalived installed where the front end runs: the target when no setting names one. */
  installedKeepalived?: SettingsSource["installedKeepalived"];
}

export interface Analysis {
  /** The main file linted. */
  root: string;
  result: LintResult;
  /** The settings that applied (the workspace's resolution, as the command line's). */
  settings: Settings;
  /** The `.keepalived-lint.json` that applied, if any. */
  config?: LoadedConfig;
  /** Files as the analysis read them (overrides applied), for include-path completion. */
  fs: FileAccess;
}

/** Lints `root` with its project settings. Never throws: a broken settings file becomes a finding on `root`. */
export function analyze(fs: FileAccess, root: string, options: AnalyzeOptions = {}): Analysis {
  const files = options.overrides ? overlay(fs, options.overrides) : fs;
  const source = settingsSourceOf(options);
  let workspace = new Workspace(files, source);
  let settings: Settings;
  let configProblem: Diagnostic | undefined;
  try {
    settings = workspace.settingsFor(root);
  } catch (e) {
    const message = e instanceof ConfigError ? e.message : `cannot read the project configuration: ${(e as Error).message}`;
    configProblem = { ruleId: "config-error", severity: "error", file: root, start: 0, end: 0, message, hint: "fix the file; the defaults apply until then" };
    workspace = new Workspace(files, { ...source, configFile: false });
    settings = workspace.settingsFor(root);
  }
  const result = workspace.lint(root);
  // As the command line does for a file nothing includes: one that looks like a fragment (no global_defs,
  // not named keepalived*.conf) reports what it cannot resolve as "not defined here or in any includer".
  if (looksLikeFragment(result, root)) result.diagnostics = softenUnresolved(result.diagnostics, (f) => result.files.get(f)?.text);
  if (configProblem) result.diagnostics.unshift(configProblem);
  addClusterFindings(workspace, root, settings, result);
  const config = settings.configFile ? { path: settings.configFile, config: settings.file } : undefined;
  return { root, result, settings, config, fs: files };
}

/** Where the settings come from, out of the analysis options. */
export function settingsSourceOf(options: AnalyzeOptions): SettingsSource {
  return { hostName: options.hostName, overrides: options.settings, defaults: options.defaults, installedKeepalived: options.installedKeepalived, ...(options.noConfig && { configFile: false as const }) };
}

/**
 * When the project lists its cluster's node configs and `root` is one of them,
 * the cluster runs over all nodes (open buffers included, each node with its
 * own config id, as `keepalived-lint cluster` does) and the cluster findings
 * about `root`'s files join its diagnostics.
 */
function addClusterFindings(workspace: Workspace, root: string, settings: Settings, result: LintResult) {
  let nodes;
  let run;
  try {
    nodes = nodesFromSettings(settings, workspace.fs);
    if (!nodes.some((n) => n.path === root)) return;
    run = workspace.cluster(nodes, { nodeFindings: false });
  } catch {
    // Another node's settings file or a vars file is broken: its own editor shows that; the cluster waits.
    return;
  }
  for (const d of run.report) if (result.files.has(d.file)) result.diagnostics.push(d);
}

/** `fs` with open buffers on top (see overlayFiles). */
export const overlay = overlayFiles;

/**
 * The `keepalived.conf` that includes `path` (the nearest of its owners), so
 * an included file opened on its own is checked in its configuration's context.
 */
export function findMainFile(fs: FileAccess, path: string, overrides?: Map<string, string>, hostName?: string): string | undefined {
  const files = overrides ? overlay(fs, overrides) : fs;
  try {
    return new Workspace(files, { hostName }).ownersOf(path)[0];
  } catch {
    // A broken settings file: look the owner up with the defaults (the analysis reports the file).
    return new Workspace(files, { hostName, configFile: false }).ownersOf(path)[0];
  }
}
