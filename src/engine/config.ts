/**
 * Project configuration: `.keepalived-lint.json`, found upward from each
 * linted file (through FileAccess, so the editor and a browser can use it).
 */
import { normalizeVersion, versionExpectation } from "../../grammar/schema/versions.js";
import type { Severity } from "../../grammar/ast.js";
import type { FileAccess } from "../../grammar/files.js";
import { dirname, join } from "../../grammar/paths.js";
import type { TargetVersion } from "../../grammar/reader.js";
import { TEMPLATE_ENGINES, type TemplateChoice } from "../../grammar/template/index.js";
import { JsoncError, parseJsonc } from "./jsonc.js";
import { didYouMean } from "./suggest.js";

export const CONFIG_FILE = ".keepalived-lint.json";

export type RuleSetting = Severity | "off";

export interface LintConfig {
  /** Per-rule severity or "off". */
  rules?: Record<string, RuleSetting>;
  /** keepalived release the configs are for (X.Y[.Z] from 2.0.19, HEAD or newest), normalized when read. */
  targetVersion?: TargetVersion;
  /** Config id selecting `@id` lines (default: this host's short name). */
  configId?: string;
  /** Globs (relative to the config file) of files never linted. */
  ignore?: string[];
  /** Node configs of one cluster, for `keepalived-lint cluster`: a path, or a path and the node's config id. */
  cluster?: ClusterEntry[];
  /**
   * Where absolute paths of the host are in the checkout (relative to the
   * config file): a directory standing for `/`, or `{ "/etc/keepalived": "keepalived" }`.
   */
  root?: string | Record<string, string>;
  /** Main files (relative to the config file, globs allowed): the configurations other files are linted through. */
  roots?: string[];
  /** Formatter settings. */
  format?: { indent?: number | "tab" };
  /** Directories that are symbolic links on the target hosts (default: merged /usr's /bin, /sbin, /lib, /lib64). */
  symlinkedDirs?: Record<string, string>;
  /** Settings for the files matching `files` (globs relative to the config file), applied in order after the top level. */
  overrides?: ConfigOverride[];
  /** Template engine of the linted files: an engine, "auto" (by name and content, the default) or "off". */
  template?: TemplateChoice;
  /** Baseline file (relative to the config file) of findings recorded with --write-baseline, reported no more. */
  baseline?: string;
}

export interface ConfigOverride {
  files: string[];
  rules?: Record<string, RuleSetting>;
  targetVersion?: TargetVersion;
  configId?: string;
  template?: TemplateChoice;
}

/**
 * A node of the `cluster` list; without `configId` the workspace derives one from the path
 * (or from `templateVars`: the file is then a template, rendered with that vars file's variables).
 */
export type ClusterEntry = string | { file: string; configId?: string; templateVars?: string };

export interface LoadedConfig {
  path: string;
  config: LintConfig;
}

export class ConfigError extends Error {}

/** What users write for a severity (ESLint's words and numbers too) → the setting. */
const SEVERITY_WORDS: Record<string, RuleSetting> = {
  off: "off", "0": "off",
  info: "info",
  warn: "warning", warning: "warning", "1": "warning",
  error: "error", "2": "error",
};
const SEVERITY_HELP = '"off", "info", "warn" (or "warning"), "error", or 0, 1, 2';

/** A severity as written (`"warn"`, `2`, …) as a setting, or undefined when it is none. */
export function severityOf(v: unknown): RuleSetting | undefined {
  return typeof v === "string" || typeof v === "number" ? SEVERITY_WORDS[String(v)] : undefined;
}

const TOP_LEVEL = ["rules", "targetVersion", "configId", "ignore", "cluster", "format", "symlinkedDirs", "overrides", "root", "roots", "template", "baseline"];
const IN_OVERRIDE = ["files", "rules", "targetVersion", "configId", "template"];
export const TEMPLATE_CHOICES: readonly string[] = [...TEMPLATE_ENGINES, "auto", "off"];

/** Parses and checks a config file's text (JSON with comments and trailing commas); throws ConfigError with a one-line reason. */
export function parseConfig(text: string, path: string): LintConfig {
  let raw: unknown;
  try {
    raw = parseJsonc(text);
  } catch (e) {
    if (e instanceof JsoncError) throw new ConfigError(`${path}:${e.line}:${e.column}: ${e.message}`);
    throw e;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigError(`${path}: expected a JSON object`);
  const c = raw as Record<string, unknown>;
  knownKeys(c, TOP_LEVEL, path, "setting");
  checkCommon(c, path, "");
  if (c.ignore !== undefined && (!Array.isArray(c.ignore) || !c.ignore.every((x) => typeof x === "string"))) {
    throw new ConfigError(`${path}: "ignore" must be an array of strings`);
  }
  if (c.cluster !== undefined && (!Array.isArray(c.cluster) || !c.cluster.every(isClusterEntry))) {
    throw new ConfigError(`${path}: "cluster" must be an array of paths or {"file": path, "configId": id, "templateVars": vars file} objects`);
  }
  if (c.baseline !== undefined && (typeof c.baseline !== "string" || c.baseline === "")) throw new ConfigError(`${path}: "baseline" must be a file name (relative to this file)`);
  if (c.roots !== undefined && (!Array.isArray(c.roots) || !c.roots.every((x) => typeof x === "string"))) {
    throw new ConfigError(`${path}: "roots" must be an array of strings`);
  }
  if (c.root !== undefined && typeof c.root !== "string") {
    const ok = typeof c.root === "object" && c.root !== null && !Array.isArray(c.root) && Object.entries(c.root).every(([k, v]) => k.startsWith("/") && typeof v === "string");
    if (!ok) throw new ConfigError(`${path}: "root" must be a directory, or an object mapping absolute paths to directories`);
  }
  if (c.overrides !== undefined) {
    if (!Array.isArray(c.overrides)) throw new ConfigError(`${path}: "overrides" must be an array of {"files": [...], ...} objects`);
    c.overrides.forEach((o: unknown, i: number) => {
      const where = `overrides[${i}]`;
      if (typeof o !== "object" || o === null || Array.isArray(o)) throw new ConfigError(`${path}: ${where} must be an object`);
      const ov = o as Record<string, unknown>;
      knownKeys(ov, IN_OVERRIDE, path, `setting in ${where}`);
      if (typeof ov.files === "string") ov.files = [ov.files];
      if (!Array.isArray(ov.files) || ov.files.length === 0 || !ov.files.every((x) => typeof x === "string")) {
        throw new ConfigError(`${path}: ${where}.files must be a glob or a non-empty array of globs`);
      }
      checkCommon(ov, path, `${where}.`);
    });
  }
  return c as LintConfig;
}

function knownKeys(c: Record<string, unknown>, known: string[], path: string, what: string): void {
  for (const k of Object.keys(c)) {
    if (k === "$schema" || known.includes(k)) continue;
    const close = didYouMean(k, known);
    throw new ConfigError(`${path}: unknown ${what} "${k}"${close || ` (expected one of ${known.join(", ")})`}`);
  }
}

/** rules, targetVersion and configId: the same at the top level and in overrides. Severities are normalised in place. */
function checkCommon(c: Record<string, unknown>, path: string, prefix: string): void {
  if (c.rules !== undefined) {
    if (typeof c.rules !== "object" || c.rules === null || Array.isArray(c.rules)) throw new ConfigError(`${path}: "${prefix}rules" must be an object`);
    const rules = c.rules as Record<string, unknown>;
    for (const [id, v] of Object.entries(rules)) {
      // ESLint's ["warn", {options}] form: the severity is the first element (rules take no options yet).
      const sev = severityOf(Array.isArray(v) ? v[0] : v);
      if (sev === undefined) throw new ConfigError(`${path}: rule "${id}" in "${prefix}rules" must be ${SEVERITY_HELP} (got ${JSON.stringify(v)})`);
      rules[id] = sev;
    }
  }
  if (c.targetVersion !== undefined) {
    const v = typeof c.targetVersion === "string" ? normalizeVersion(c.targetVersion) : undefined;
    if (v === undefined) throw new ConfigError(`${path}: "${prefix}targetVersion" ${versionExpectation(String(c.targetVersion))}`);
    c.targetVersion = v;
  }
  if (c.symlinkedDirs !== undefined && (typeof c.symlinkedDirs !== "object" || c.symlinkedDirs === null || Array.isArray(c.symlinkedDirs)
    || !Object.entries(c.symlinkedDirs).every(([k, v]) => k.startsWith("/") && typeof v === "string" && v.startsWith("/")))) {
    throw new ConfigError(`${path}: "${prefix}symlinkedDirs" must map absolute directories to absolute directories, e.g. {"/bin": "/usr/bin"}`);
  }
  if (c.configId !== undefined && typeof c.configId !== "string") throw new ConfigError(`${path}: "${prefix}configId" must be a string`);
  if (c.template !== undefined && !TEMPLATE_CHOICES.includes(c.template as string)) {
    throw new ConfigError(`${path}: "${prefix}template" must be one of ${TEMPLATE_CHOICES.map((t) => `"${t}"`).join(", ")}`);
  }
}

function isClusterEntry(x: unknown): boolean {
  if (typeof x === "string") return true;
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  const e = x as Record<string, unknown>;
  const optionalString = (k: string) => e[k] === undefined || typeof e[k] === "string";
  return typeof e.file === "string" && optionalString("configId") && optionalString("templateVars") && Object.keys(e).every((k) => k === "file" || k === "configId" || k === "templateVars");
}

/** The nearest `.keepalived-lint.json` at or above `dir`, or undefined. Throws ConfigError when it is invalid. */
export function findConfig(fs: FileAccess, dir: string): LoadedConfig | undefined {
  for (let d = dir; ; d = dirname(d)) {
    const p = join(d, CONFIG_FILE);
    if (fs.stat(p) === "file") {
      const r = fs.readFile(p);
      if (!r.ok) throw new ConfigError(`${p}: ${r.message}`);
      return { path: p, config: parseConfig(r.text, p) };
    }
    if (d === "/" || d === "." || d === dirname(d)) return undefined;
  }
}
