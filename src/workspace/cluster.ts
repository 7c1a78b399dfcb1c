/**
 * The nodes of a cluster and their analysis, the same for `keepalived-lint
 * cluster`, the editor and the library: which files, which config id each
 * node reads its `@id` lines with, what each node is called in findings, and
 * one report holding the cluster findings and (optionally) each node's own.
 */
import type { Diagnostic } from "../../grammar/ast.js";
import type { FileAccess } from "../../grammar/files.js";
import { basename, dirname, resolve } from "../../grammar/paths.js";
import type { ClusterNode } from "../cluster/groups.js";
import type { ClusterResult } from "../cluster/lint.js";
import type { LintOptions, LintResult } from "../engine/linter.js";
import { clusterOf, lint } from "./lint.js";
import { MAIN_FILE_NAME } from "./owners.js";
import type { Settings, SettingsResolver } from "./settings.js";

/** One node of a cluster, as the user named it. */
export interface NodeSpec {
  /** The file as written (command line or settings file). */
  file: string;
  /** Where it is read. */
  path: string;
  /** Config id the node reads `@id` lines with. */
  configId: string;
  /** Was the id given (`lb1=…`, `"configId"`) or derived from the layout? */
  idGiven: boolean;
}

/**
 * The config id of a node given without one, as its host name would be: the
 * directory of the conventional `lb1/keepalived.conf`, else the file's base
 * name without extension (`lb1.conf` → lb1).
 */
export function derivedConfigId(path: string): string {
  const name = basename(path);
  if (name === MAIN_FILE_NAME) {
    const dir = basename(dirname(path));
    if (dir !== "" && dir !== "/" && dir !== ".") return dir;
  }
  return name.replace(/\.[^.]*$/, "") || name;
}

/** `lb1=lb1/keepalived.conf` or a plain path; a path that exists as written is never split. */
export function nodeFromArgument(fs: FileAccess, arg: string, cwd: string): NodeSpec {
  const eq = arg.indexOf("=");
  if (eq > 0 && fs.stat(resolve(cwd, arg)) === undefined) {
    const file = arg.slice(eq + 1);
    return { file, path: resolve(cwd, file), configId: arg.slice(0, eq), idGiven: true };
  }
  const path = resolve(cwd, arg);
  return { file: arg, path, configId: derivedConfigId(path), idGiven: false };
}

/** The `cluster` list of a settings file; paths are relative to that file. */
export function nodesFromSettings(settings: Settings): NodeSpec[] {
  const base = settings.configFile ? dirname(settings.configFile) : "/";
  return (settings.file.cluster ?? []).map((entry) => {
    const { file, configId } = typeof entry === "string" ? { file: entry, configId: undefined } : entry;
    const path = resolve(base, file);
    return { file, path, configId: configId ?? derivedConfigId(path), idGiven: configId !== undefined };
  });
}

/**
 * Names for the nodes in findings and the table, as short as stays
 * unambiguous: the router_ids when every node has its own, else the config
 * ids when they were given, else the shortest path suffixes that tell the
 * files apart (`lb1/keepalived.conf`, `a.conf`).
 */
export function nodeNames(specs: readonly NodeSpec[], results: readonly LintResult[]): string[] {
  const distinct = (names: (string | undefined)[]): names is string[] => names.every((n) => !!n) && new Set(names).size === names.length;
  const routerIds = results.map((r) => r.model.globalDefs.get("router_id")?.args[0]?.text);
  if (distinct(routerIds)) return routerIds;
  if (specs.every((s) => s.idGiven) && distinct(specs.map((s) => s.configId))) return specs.map((s) => s.configId);
  return shortestSuffixes(specs.map((s) => s.file));
}

function shortestSuffixes(files: string[]): string[] {
  const parts = files.map((f) => f.split("/").filter((p) => p !== "" && p !== "."));
  return parts.map((mine, i) => {
    for (let n = 1; n <= mine.length; n++) {
      const tail = mine.slice(-n).join("/");
      if (parts.every((other, j) => j === i || other.slice(-n).join("/") !== tail)) return tail;
    }
    return files[i];
  });
}

export interface ClusterRun extends ClusterResult {
  specs: NodeSpec[];
  /** Each node's settings (its own config id applied). */
  settings: Settings[];
  /** Cluster findings, then (unless left out) the nodes' own, once each, sorted by file and position. */
  report: Diagnostic[];
}

export interface ClusterRunOptions {
  /** Leave the nodes' own findings out of `report` (`--no-node-findings`). */
  nodeFindings?: boolean;
  /** Texts that win over the files (editor buffers). */
  texts?: Map<string, string>;
}

/**
 * Lints every node with its own settings and config id, then the cluster
 * with the first node's settings (rule severities, target version).
 */
export function runCluster(fs: FileAccess, specs: NodeSpec[], resolver: SettingsResolver, options: ClusterRunOptions = {}): ClusterRun {
  const settings = specs.map((s) => {
    const own = resolver.for(s.path);
    return { ...own, lint: { ...own.lint, configId: s.configId } };
  });
  const results = specs.map((s, i) => lint(fs, [s.path], settings[i].lint, options.texts));
  const names = nodeNames(specs, results);
  const nodes: ClusterNode[] = specs.map((_, i) => ({ file: names[i], result: results[i] }));
  const clusterOptions: LintOptions = { ...settings[0]?.lint, configId: undefined };
  const cluster = clusterOf(nodes, clusterOptions);
  // One truth: a node finding the cluster verdict replaces (meta.dependsOnPeers) is not repeated.
  const own = results.flatMap((r) => r.diagnostics).filter((d) => !cluster.superseded.has(d));
  const report = [...cluster.diagnostics, ...(options.nodeFindings === false ? [] : own)];
  return { ...cluster, specs, settings, report: sortedOnce(report) };
}

/** Two nodes including one shared file find the same thing twice: keep it once. */
function sortedOnce(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds
    .filter((d) => {
      const k = `${d.ruleId}\0${d.file}\0${d.start}\0${d.end}\0${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)));
}
