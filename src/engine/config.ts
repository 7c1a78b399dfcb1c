/**
 * Project configuration: `.keepalived-lint.json`, found upward from each
 * linted file (through FileAccess, so the editor and a browser can use it).
 */
import type { Severity } from "../../grammar/ast.js";
import type { FileAccess } from "../../grammar/files.js";
import { dirname, join } from "../../grammar/paths.js";
import type { TargetVersion } from "../../grammar/reader.js";
import { TEMPLATE_ENGINES, type TemplateChoice } from "../../grammar/template/index.js";

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
  /** Node configs of one cluster, for `keepalived-lint cluster`. */
  cluster?: string[];
  /** Formatter settings. */
  format?: { indent?: number | "tab" };
  /** Glob (relative to the config file; `*`, `**`, `?`) → template engine, "auto" or "off". */
  templates?: Record<string, TemplateChoice>;
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
  const known = new Set(["rules", "targetVersion", "configId", "ignore", "cluster", "format", "templates", "$schema"]);
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
  for (const k of ["ignore", "cluster"] as const) {
    if (c[k] !== undefined && (!Array.isArray(c[k]) || !(c[k] as unknown[]).every((x) => typeof x === "string"))) {
      throw new ConfigError(`${path}: "${k}" must be an array of strings`);
    }
  }
  if (c.templates !== undefined) {
    if (typeof c.templates !== "object" || c.templates === null || Array.isArray(c.templates)) throw new ConfigError(`${path}: "templates" must be an object of glob: engine`);
    const choices = [...TEMPLATE_ENGINES, "auto", "off"];
    for (const [glob, v] of Object.entries(c.templates)) {
      if (typeof v !== "string" || !choices.includes(v)) throw new ConfigError(`${path}: template engine of "${glob}" must be one of ${choices.join(", ")}`);
    }
  }
  return c as LintConfig;
}

/**
 * The settings' "templates" map as a lookup by absolute path. A glob
 * without "/" matches the file name at any depth; `**` spans directories.
 */
export function templateLookup(templates: Record<string, TemplateChoice> | undefined, base: string): ((path: string) => TemplateChoice | undefined) | undefined {
  if (!templates || Object.keys(templates).length === 0) return undefined;
  const entries = Object.entries(templates).map(([glob, choice]) => [globRegExp(glob), glob.includes("/"), choice] as const);
  const prefix = base.endsWith("/") ? base : base + "/";
  return (path) => {
    if (!path.startsWith(prefix)) return undefined;
    const rel = path.slice(prefix.length);
    const name = rel.slice(rel.lastIndexOf("/") + 1);
    return entries.find(([re, nested]) => re.test(nested ? rel : name))?.[2];
  };
}

function globRegExp(glob: string): RegExp {
  let re = "";
  const g = glob.replace(/^\.\//, "");
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === "*" && g[i + 1] === "*") {
      re += g[i + 2] === "/" ? "(?:[^/]*/)*" : ".*";
      i += g[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^$()|\\/[\]{}]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
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
