/**
 * One analysis of a configuration as an editor sees it: the lint of a main
 * file (includes resolved, unsaved buffers overriding the disk) with the
 * nearest `.keepalived-lint.json` applied, exactly as the command line lints.
 * Every editor feature reads an Analysis; nothing here talks to a client.
 */
import type { Diagnostic } from "../../grammar/ast.js";
import { overlayFiles, type FileAccess } from "../../grammar/files.js";
import { basename, dirname, join, resolve } from "../../grammar/paths.js";
import { readConfig } from "../../grammar/reader.js";
import { ConfigError, findConfig, type LoadedConfig } from "../engine/config.js";
import type { LintOptions, LintResult } from "../engine/linter.js";
import { clusterOf, lint } from "../workspace/lint.js";

export interface AnalyzeOptions {
  /** Texts of open editor buffers by path; they win over the disk. */
  overrides?: Map<string, string>;
  /** Options that win over the config file (tests). */
  lintOptions?: LintOptions;
  /** Options the config file overrides (editor settings: the project's file is what CI uses). */
  defaults?: LintOptions;
  /** Skip `.keepalived-lint.json` lookup (the CLI's --no-config). */
  noConfig?: boolean;
}

export interface Analysis {
  /** The main file linted. */
  root: string;
  result: LintResult;
  /** The `.keepalived-lint.json` that applied, if any. */
  config?: LoadedConfig;
  /** Files as the analysis read them (overrides applied), for include-path completion. */
  fs: FileAccess;
}

/** Lints `root` with its project config. Never throws: a broken config becomes a finding on `root`. */
export function analyze(fs: FileAccess, root: string, options: AnalyzeOptions = {}): Analysis {
  const files = options.overrides ? overlay(fs, options.overrides) : fs;
  let config: LoadedConfig | undefined;
  let configProblem: Diagnostic | undefined;
  if (!options.noConfig) {
    try {
      config = findConfig(files, dirname(root));
    } catch (e) {
      const message = e instanceof ConfigError ? e.message : `cannot read the project configuration: ${(e as Error).message}`;
      configProblem = { ruleId: "config-error", severity: "error", file: root, start: 0, end: 0, message, hint: "fix the file; the defaults apply until then" };
    }
  }
  const c = config?.config;
  const lintOptions: LintOptions = {
    ...options.defaults,
    ...(c?.targetVersion !== undefined && { targetVersion: c.targetVersion }),
    ...(c?.configId !== undefined && { configId: c.configId }),
    ...options.lintOptions,
    rules: { ...options.defaults?.rules, ...c?.rules, ...options.lintOptions?.rules },
  };
  const result = lint(files, [root], lintOptions);
  if (configProblem) result.diagnostics.unshift(configProblem);
  if (config && c?.cluster) addClusterFindings(files, root, config.path, c.cluster, result, lintOptions);
  return { root, result, config, fs: files };
}

/**
 * When the project lists its cluster's node configs and `root` is one of them,
 * the cluster rules run over all nodes (open buffers included) and the
 * findings about `root`'s files join its diagnostics.
 */
function addClusterFindings(fs: FileAccess, root: string, configPath: string, cluster: string[], result: LintResult, options: LintOptions) {
  const base = dirname(configPath);
  const paths = cluster.map((p) => resolve(base, p));
  if (!paths.includes(root)) return;
  const nodes = cluster.map((file, i) => ({
    file,
    result: paths[i] === root ? result : lint(fs, [paths[i]], { ...options, configId: basename(paths[i]).replace(/\.[^.]*$/, "") }),
  }));
  for (const d of clusterOf(nodes, options).diagnostics) {
    if (result.files.has(d.file)) result.diagnostics.push(d);
  }
}

/** `fs` with open buffers on top (see overlayFiles). */
export const overlay = overlayFiles;

/** keepalived's default main file name: the configuration an included file most likely belongs to. */
export const MAIN_FILE_NAME = "keepalived.conf";

/**
 * The `keepalived.conf` that includes `path`, looked for in its directory and
 * up to three levels above (conf.d/, keepalived.d/vrrp/, …), so an included
 * file opened on its own is still checked in its configuration's context.
 */
export function findMainFile(fs: FileAccess, path: string, overrides?: Map<string, string>): string | undefined {
  if (basename(path) === MAIN_FILE_NAME) return undefined;
  const files = overrides ? overlay(fs, overrides) : fs;
  let dir = dirname(path);
  for (let level = 0; level < 4; level++) {
    const candidate = join(dir, MAIN_FILE_NAME);
    if (files.stat(candidate) === "file") {
      try {
        if (readConfig(files, [candidate], {}, overrides).files.has(path)) return candidate;
      } catch {
        // The reader does not throw, but a lookup must never cost the caller its answer.
      }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}
