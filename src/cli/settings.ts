/**
 * Command-line flags → the workspace's settings. Resolution (defaults, the
 * nearest .keepalived-lint.json, flags winning) is the workspace's
 * (src/workspace/settings.ts); this only reads and checks the flags.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { TargetVersion } from "../../grammar/reader.js";
import { ALL_RULES } from "../../rules/index.js";
import type { TemplateChoice } from "../../grammar/template/index.js";
import { severityOf, TEMPLATE_CHOICES, type RuleSetting } from "../engine/config.js";
import { unknownRule } from "../workspace/settings.js";
import { hostName } from "../node/host.js";
import { normalizeVersion, versionExpectation } from "../../grammar/schema/versions.js";
import { detectKeepalivedVersion, detectedFrom } from "../node/keepalived-version.js";
import { ConfigError } from "../engine/config.js";
import { nodeFiles } from "../node/files.js";
import type { SettingsSource } from "../workspace/settings.js";
import { Workspace } from "../workspace/workspace.js";
import { parseTemplateVars, TemplateVarsError } from "../workspace/template-vars.js";
import { UsageError } from "./io.js";

const KNOWN_RULES: ReadonlySet<string> = new Set(ALL_RULES.map((r) => r.meta.id));

/** Parses a --rule value `id:severity` (severity as in settings: off, info, warn, warning, error, 0, 1, 2). */
export function parseRuleFlag(value: string, known: ReadonlySet<string> = KNOWN_RULES): [string, RuleSetting] {
  const m = /^([^:]+):([^:]+)$/.exec(value.trim());
  const sev = m ? severityOf(m[2]) : undefined;
  if (!m || sev === undefined) throw new UsageError(`--rule expects id:severity with severity off, info, warn, error (or 0, 1, 2) (got "${value}")`);
  if (!known.has(m[1])) throw new UsageError(`--rule: ${unknownRule(m[1], known)}`);
  return [m[1], sev];
}

export function parseTargetVersion(v: string): TargetVersion {
  const version = normalizeVersion(v);
  if (version === undefined) throw new UsageError(`--target-version ${versionExpectation(v)}`);
  return version;
}

export function parseTemplateChoice(v: string): TemplateChoice {
  if (TEMPLATE_CHOICES.includes(v)) return v as TemplateChoice;
  throw new UsageError(`--template must be one of ${TEMPLATE_CHOICES.join(", ")} (got "${v}")`);
}

/**
 * A vars file (YAML or JSON: Ansible host_vars, a values file), read here, in the front end;
 * `shown` is the path as the user wrote it, for the file:line:column of a broken file.
 */
export function readTemplateVars(path: string, shown = path): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`--template-vars ${shown}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  try {
    return parseTemplateVars(text, shown);
  } catch (e) {
    if (e instanceof TemplateVarsError) throw new UsageError(`--template-vars ${e.message}`);
    throw e;
  }
}

export interface SettingFlags {
  /** --config FILE (string), --no-config (false), or discovery (undefined). */
  config?: string | boolean;
  rule?: string[];
  targetVersion?: string;
  configId?: string;
  reportUnusedDisableDirectives?: boolean;
  /** --template ENGINE|auto|off */
  template?: string;
  /** --template-vars FILE (YAML or JSON); lint reads one, cluster one per node. */
  templateVars?: string | string[];
  /** --max-expanded-lines: the expansion budget, for the rare legitimate giant (docs/limits.md). */
  maxExpandedLines?: number;
}

/** Where the workspace takes its settings from, for these flags. */
export function settingsSource(flags: SettingFlags, cwd: string): SettingsSource {
  return {
    configFile: typeof flags.config === "string" ? resolve(cwd, flags.config) : flags.config === false ? false : undefined,
    hostName: hostName(),
    installedKeepalived: () => {
      const found = detectKeepalivedVersion(process.env);
      return found && { version: found.version, from: detectedFrom(found) };
    },
    overrides: {
      rules: Object.fromEntries((flags.rule ?? []).map((r) => parseRuleFlag(r))),
      ...(flags.targetVersion !== undefined && { targetVersion: parseTargetVersion(flags.targetVersion) }),
      ...(flags.configId !== undefined && { configId: flags.configId }),
      ...(flags.reportUnusedDisableDirectives !== undefined && { reportUnusedDisableDirectives: flags.reportUnusedDisableDirectives }),
      ...(flags.template !== undefined && { template: parseTemplateChoice(flags.template) }),
      ...templateVarsOf(flags.templateVars, cwd),
      ...(flags.maxExpandedLines !== undefined && { budgets: { expandedLines: positiveInteger("--max-expanded-lines", flags.maxExpandedLines) } }),
    },
  };
}

/** One --template-vars file: the variables of the one rendering linted. */
function templateVarsOf(given: string | string[] | undefined, cwd: string): { templateVars?: Record<string, unknown> } {
  const files = given === undefined ? [] : [given].flat();
  if (files.length > 1) {
    throw new UsageError("--template-vars: give one vars file to lint one rendering; to lint one node per vars file: keepalived-lint cluster TEMPLATE --template-vars lb1.yml --template-vars lb2.yml");
  }
  return files.length === 1 ? { templateVars: readTemplateVars(resolve(cwd, files[0]), files[0]) } : {};
}

function positiveInteger(flag: string, n: number): number {
  if (!(Number.isInteger(n) && n > 0)) throw new UsageError(`${flag} expects a positive integer`);
  return n;
}

/** The workspace for these flags; a broken --config FILE is a usage error. */
export function workspaceFor(flags: SettingFlags, io: { cwd: string }): Workspace {
  const source = settingsSource(flags, io.cwd);
  try {
    return new Workspace(nodeFiles({ cwd: io.cwd }), source);
  } catch (e) {
    if (e instanceof ConfigError && typeof flags.config === "string") throw new UsageError(`--config: ${e.message}`);
    throw e;
  }
}

