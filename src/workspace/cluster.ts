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
import { ConfigError } from "../engine/config.js";
import { parseTemplateVars, TemplateVarsError } from "./template-vars.js";

/** One node of a cluster, as the user named it. */
export interface NodeSpec {
  /** The file as written (command line or settings file). */
  file: string;
  /** Where it is read. */
  path: string;
  /** Config id the node reads `@id` lines with. */
  configId: string;
  /** Was the id given (`lb1=…`, `"configId"`, a vars file's name) or derived from the layout? */
  idGiven: boolean;
  /** A rendering of a template: the node's variables (`cluster TEMPLATE --template-vars lb1.yml …`). */
  templateVars?: Record<string, unknown>;
  /** Where those variables come from, as written. */
  varsFile?: string;
}

/** A vars file of one node, as the user named it: `lb1=host_vars/lb1.yml` or a path. */
export interface VarsArgument {
  /** The file as written. */
  file: string;
  /** Where it is read. */
  path: string;
  /** The node's id: given, or the vars file's name (see varsNodeId). */
  id: string;
}

/** `lb1=vars.yml` or a plain path (a path that exists as written is never split, as for nodes). */
export function varsFromArgument(fs: FileAccess, arg: string, cwd: string): VarsArgument {
  const eq = arg.indexOf("=");
  if (eq > 0 && fs.stat(resolve(cwd, arg)) === undefined) {
    const file = arg.slice(eq + 1);
    return { file, path: resolve(cwd, file), id: arg.slice(0, eq) };
  }
  return { file: arg, path: resolve(cwd, arg), id: varsNodeId(arg) };
}

/**
 * The node a vars file stands for, as Ansible names it: `host_vars/lb1.yml`
 * and `host_vars/lb1` are lb1, `host_vars/lb1/main.yml` (a directory of
 * vars files) is lb1 too.
 */
export function varsNodeId(file: string): string {
  const name = basename(file).replace(/\.(?:ya?ml|json)$/i, "");
  const dir = basename(dirname(file));
  if ((name === "main" || name === "vars") && dir !== "" && dir !== "." && dir !== "/") return dir;
  return name || file;
}

/** One template rendered once per vars file: a node each, named after its vars. */
export function nodesFromTemplate(template: string, vars: readonly (VarsArgument & { values: Record<string, unknown> })[], cwd: string): NodeSpec[] {
  const path = resolve(cwd, template);
  return vars.map((v) => ({ file: template, path, configId: v.id, idGiven: true, templateVars: v.values, varsFile: v.file }));
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

/**
 * The `cluster` list of a settings file; paths are relative to that file. An
 * entry with `templateVars` is a rendering of a template: its vars file is
 * read through `fs` (without it, the entry is the template as written). A
 * broken vars file is a ConfigError at its own line and column.
 */
export function nodesFromSettings(settings: Settings, fs?: FileAccess): NodeSpec[] {
  const base = settings.configFile ? dirname(settings.configFile) : "/";
  return (settings.file.cluster ?? []).map((entry) => {
    const { file, configId, templateVars } = typeof entry === "string" ? { file: entry, configId: undefined, templateVars: undefined } : entry;
    const path = resolve(base, file);
    if (templateVars !== undefined && fs) {
      return { file, path, configId: configId ?? varsNodeId(templateVars), idGiven: true, templateVars: readVars(fs, resolve(base, templateVars), templateVars, settings), varsFile: templateVars };
    }
    return { file, path, configId: configId ?? derivedConfigId(path), idGiven: configId !== undefined };
  });
}

function readVars(fs: FileAccess, path: string, shown: string, settings: Settings): Record<string, unknown> {
  const where = settings.configFile ?? "settings";
  const r = fs.readFile(path);
  if (!r.ok) throw new ConfigError(`${where}: "cluster" templateVars ${shown}: ${r.message}`);
  try {
    return parseTemplateVars(r.text, shown);
  } catch (e) {
    if (e instanceof TemplateVarsError) throw new ConfigError(`${where}: "cluster" templateVars ${e.message}`);
    throw e;
  }
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
export function runCluster(fs: FileAccess, specs: NodeSpec[], resolver: SettingsResolver, options: ClusterRunOptions = {}, includePathOf?: (main: string) => LintOptions["includePath"]): ClusterRun {
  const settings = specs.map((s) => {
    const own = resolver.for(s.path);
    return { ...own, lint: { ...own.lint, configId: s.configId, ...(s.templateVars && { templateVars: s.templateVars }) } };
  });
  // Each node's absolute includes looked for where its own lint looks (a checkout's copy of /etc/keepalived: Workspace.lintSettingsOf).
  const results = specs.map((s, i) => lint(fs, [s.path], { ...settings[i].lint, includePath: includePathOf?.(s.path) }, options.texts));
  const names = nodeNames(specs, results);
  const nodes: ClusterNode[] = specs.map((_, i) => ({ file: names[i], result: results[i] }));
  const clusterOptions: LintOptions = { ...settings[0]?.lint, configId: undefined, templateVars: undefined };
  const cluster = clusterOf(nodes, clusterOptions);
  // One truth: a node finding the cluster verdict replaces (meta.dependsOnPeers) is not repeated.
  const own = results.map((r) => r.diagnostics.filter((d) => !cluster.superseded.has(d)));
  const report = [...cluster.diagnostics, ...(options.nodeFindings === false ? [] : namedByRendering(own, specs, names))];
  return { ...cluster, specs, settings, report: sortedOnce(report) };
}

/**
 * Renderings of one template share its lines: a finding every rendering makes
 * (a typo on a literal line) is reported once, as it is; one that only some
 * make (a value from their vars) names them: `lb2: "virtual_router_id" …`.
 */
function namedByRendering(own: Diagnostic[][], specs: readonly NodeSpec[], names: readonly string[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.ruleId}\0${d.file}\0${d.start}\0${d.end}\0${d.message}`;
  const renderingsOf = new Map<string, number[]>();
  specs.forEach((s, i) => {
    if (s.templateVars) renderingsOf.set(s.path, [...(renderingsOf.get(s.path) ?? []), i]);
  });
  const makers = new Map<string, Set<number>>();
  own.forEach((ds, i) => {
    if (!specs[i].templateVars) return;
    for (const d of ds) makers.set(key(d), (makers.get(key(d)) ?? new Set()).add(i));
  });
  return own.flatMap((ds, i) => {
    const all = specs[i].templateVars && renderingsOf.get(specs[i].path);
    if (!all) return ds;
    return ds.map((d) => {
      const by = makers.get(key(d))!;
      return by.size === all.length ? d : { ...d, message: `${all.filter((n) => by.has(n)).map((n) => names[n]).join(", ")}: ${d.message}` };
    });
  });
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
