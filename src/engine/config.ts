/**
 * Project configuration: `.keepalived-lint.json`, found upward from each
 * linted file (through FileAccess, so the editor and a browser can use it).
 */
import type { Severity } from "../../grammar/ast.js";
import type { FileAccess } from "../../grammar/files.js";
import { dirname, join } from "../../grammar/paths.js";
import type { TargetVersion } from "../../grammar/reader.js";

export const CONFIG_FILE = ".keepalived-lint.json";

export type RuleSetting = Severity | "off";

export interface LintConfig {
  /** Per-rule severity or "off". */
  rules?: Record<string, RuleSetting>;
  /** keepalived version the configs are for: "2.2.7" or "newest". */
  targetVersion?: TargetVersion;
  /** Config id selecting `@id` lines (default: this host's short name). */
  configId?: string;
  /** Globs (relative to the config file) of files never linted. */
  ignore?: string[];
  /** Node configs of one cluster, for `keepalived-lint cluster`: a path, or a path and the node's config id. */
  cluster?: ClusterEntry[];
  /** Formatter settings. */
  format?: { indent?: number | "tab" };
}

/** A node of the `cluster` list; without `configId` the workspace derives one from the path. */
export type ClusterEntry = string | { file: string; configId?: string };

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
  const known = new Set(["rules", "targetVersion", "configId", "ignore", "cluster", "format", "$schema"]);
  for (const k of Object.keys(c)) if (!known.has(k)) throw new ConfigError(`${path}: unknown setting "${k}" (expected one of ${[...known].filter((x) => x !== "$schema").join(", ")})`);
  if (c.rules !== undefined) {
    if (typeof c.rules !== "object" || c.rules === null) throw new ConfigError(`${path}: "rules" must be an object`);
    for (const [id, v] of Object.entries(c.rules)) {
      if (typeof v !== "string" || !SEVERITIES.has(v)) throw new ConfigError(`${path}: rule "${id}" must be "error", "warning", "info" or "off"`);
    }
  }
  if (c.targetVersion !== undefined && c.targetVersion !== "2.2.7" && c.targetVersion !== "newest") {
    throw new ConfigError(`${path}: "targetVersion" must be "2.2.7" or "newest"`);
  }
  if (c.configId !== undefined && typeof c.configId !== "string") throw new ConfigError(`${path}: "configId" must be a string`);
  if (c.ignore !== undefined && (!Array.isArray(c.ignore) || !c.ignore.every((x) => typeof x === "string"))) {
    throw new ConfigError(`${path}: "ignore" must be an array of strings`);
  }
  if (c.cluster !== undefined && (!Array.isArray(c.cluster) || !c.cluster.every(isClusterEntry))) {
    throw new ConfigError(`${path}: "cluster" must be an array of paths or {"file": path, "configId": id} objects`);
  }
  return c as LintConfig;
}

function isClusterEntry(x: unknown): boolean {
  if (typeof x === "string") return true;
  if (typeof x !== "object" || x === null || Array.isArray(x)) return false;
  const e = x as Record<string, unknown>;
  return typeof e.file === "string" && (e.configId === undefined || typeof e.configId === "string") && Object.keys(e).every((k) => k === "file" || k === "configId");
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
