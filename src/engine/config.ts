/**
 * Project configuration: `.keepalived-lint.json`, found upward from each
 * linted file (through FileAccess, so the editor and a browser can use it).
 */
import type { Severity } from "../../grammar/ast.js";
import type { FileAccess } from "../../grammar/files.js";
import { dirname, join } from "../../grammar/paths.js";
import type { TargetVersion } from "../../grammar/reader.js";
import { normalizeVersion, versionExpectation } from "../../grammar/schema/versions.js";

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
  /** Node configs of one cluster, for `keepalived-lint cluster`. */
  cluster?: string[];
  /** Formatter settings. */
  format?: { indent?: number | "tab" };
  /** Directories that are symbolic links on the target hosts (default: merged /usr's /bin, /sbin, /lib, /lib64). */
  symlinkedDirs?: Record<string, string>;
}

export interface LoadedConfig {
  path: string;
  config: LintConfig;
}

export class ConfigError extends Error {}

const SEVERITIES = new Set(["error", "warning", "info", "off"]);

/** Parses and checks a config file's text; throws ConfigError with a one-line reason. */
export function parseConfig(text: string, path: string): LintConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${path}: invalid JSON (${(e as Error).message})`);
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new ConfigError(`${path}: expected a JSON object`);
  const c = raw as Record<string, unknown>;
  const known = new Set(["rules", "targetVersion", "configId", "ignore", "cluster", "format", "symlinkedDirs", "$schema"]);
  for (const k of Object.keys(c)) if (!known.has(k)) throw new ConfigError(`${path}: unknown setting "${k}" (expected one of ${[...known].filter((x) => x !== "$schema").join(", ")})`);
  if (c.rules !== undefined) {
    if (typeof c.rules !== "object" || c.rules === null) throw new ConfigError(`${path}: "rules" must be an object`);
    for (const [id, v] of Object.entries(c.rules)) {
      if (typeof v !== "string" || !SEVERITIES.has(v)) throw new ConfigError(`${path}: rule "${id}" must be "error", "warning", "info" or "off"`);
    }
  }
  if (c.targetVersion !== undefined) {
    const v = typeof c.targetVersion === "string" ? normalizeVersion(c.targetVersion) : undefined;
    if (v === undefined) throw new ConfigError(`${path}: "targetVersion" ${versionExpectation(String(c.targetVersion))}`);
    c.targetVersion = v;
  }
  if (c.symlinkedDirs !== undefined && (typeof c.symlinkedDirs !== "object" || c.symlinkedDirs === null || Array.isArray(c.symlinkedDirs)
    || !Object.entries(c.symlinkedDirs).every(([k, v]) => k.startsWith("/") && typeof v === "string" && v.startsWith("/")))) {
    throw new ConfigError(`${path}: "symlinkedDirs" must map absolute directories to absolute directories, e.g. {"/bin": "/usr/bin"}`);
  }
  if (c.configId !== undefined && typeof c.configId !== "string") throw new ConfigError(`${path}: "configId" must be a string`);
  for (const k of ["ignore", "cluster"] as const) {
    if (c[k] !== undefined && (!Array.isArray(c[k]) || !(c[k] as unknown[]).every((x) => typeof x === "string"))) {
      throw new ConfigError(`${path}: "${k}" must be an array of strings`);
    }
  }
  return c as LintConfig;
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
