/**
 * Settings resolution, the one place every front end gets its settings from:
 * built-in defaults, then the nearest `.keepalived-lint.json` (or the one
 * given, or none), then what the front end says wins (command-line flags,
 * editor settings). Facts about the machine (the host name, keepalived's
 * default config id) come in as data; nothing here asks the system.
 * Reading and checking the settings *file* is src/engine/config.ts's job.
 */
import type { FileAccess } from "../../grammar/files.js";
import { dirname, resolve } from "../../grammar/paths.js";
import type { TargetVersion } from "../../grammar/reader.js";
import type { TemplateChoice } from "../../grammar/template/index.js";
import { NEWEST_RELEASE } from "../../grammar/schema/versions.js";
import { ALL_RULES } from "../../rules/index.js";
import { ConfigError, findConfig, parseConfig, type LintConfig, type LoadedConfig, type RuleSetting } from "../engine/config.js";
import type { LintOptions } from "../engine/linter.js";
import type { FormatOptions } from "../formatter/index.js";
import { didYouMean } from "../engine/suggest.js";
import { matchesIgnore } from "./glob-match.js";

export const DEFAULT_TARGET_VERSION: TargetVersion = NEWEST_RELEASE;

/** Settings that win over any settings file: command-line flags, editor settings. */
export interface SettingOverrides {
  rules?: Record<string, RuleSetting>;
  targetVersion?: TargetVersion;
  configId?: string;
  reportUnusedDisableDirectives?: boolean;
  indent?: number | "tab";
  /** Template engine, "auto" or "off" (--template, the editor's templateEngine). */
  template?: TemplateChoice;
  /** Values of template variables (--template-vars). */
  templateVars?: Record<string, unknown>;
  /** Work budgets (grammar/budgets.ts); unset ones take their defaults. */
  budgets?: LintOptions["budgets"];
}

export interface SettingsSource {
  /** An explicit settings file (absolute path), `false` for none, undefined to use the nearest `.keepalived-lint.json`. */
  configFile?: string | false;
  /** This host's short name: keepalived's default config id for `@id` lines. */
  hostName?: string;
  overrides?: SettingOverrides;
  /** Settings under the settings file (editor settings: the project's file is what CI uses). */
  defaults?: SettingOverrides;
  /**
   * The keepalived installed where the front end runs (it asks `keepalived --version`):
   * the target when no setting names one. Asked at most once, and only then.
   */
  installedKeepalived?: () => { version: TargetVersion; from: string } | undefined;
}

/** Everything a front end needs to know to lint, format or cluster one file. */
export interface Settings {
  lint: LintOptions;
  format: FormatOptions;
  /** The settings file that applied, if any. */
  configFile?: string;
  /** Its contents as written (for `cluster`, `--print-config`). */
  file: LintConfig;
  /** Where lint.targetVersion came from, for `--print-config`. */
  targetVersionFrom: string;
  /** Globs (relative to `ignoreBase`) of files never linted. */
  ignore: string[];
  ignoreBase?: string;
}

const KNOWN_RULES = new Set(ALL_RULES.map((r) => r.meta.id));

/**
 * Resolves settings per file, caching each directory's settings file. Throws
 * ConfigError for a broken or unreadable settings file (the command line
 * exits 2 on it; the editor shows it as a finding).
 */
export class SettingsResolver {
  private readonly byDir = new Map<string, LoadedConfig | undefined>();
  private readonly explicit: LoadedConfig | undefined;
  private installed: { version: TargetVersion; from: string } | undefined;

  constructor(
    private readonly fs: FileAccess,
    private readonly source: SettingsSource = {},
  ) {
    if (typeof source.configFile === "string") {
      const path = source.configFile;
      const r = fs.readFile(path);
      if (!r.ok) throw new ConfigError(r.message);
      this.explicit = { path, config: checked(parseConfig(r.text, path), path) };
    }
  }

  /** Settings for `file` (absolute path). */
  for(file: string): Settings {
    const loaded = this.source.configFile === false ? undefined : this.explicit ?? this.discover(dirname(file));
    const c: LintConfig = loaded?.config ?? {};
    const o = this.source.overrides ?? {};
    // the file's top level, then its overrides matching this file, then what the front end says
    const layers = [{ ...this.source.defaults }, ...layersFor(loaded, file)];
    const last = <K extends "targetVersion" | "configId" | "template">(k: K) => layers.reduce<LintConfig[K]>((v, l) => l[k] ?? v, undefined);
    const configId = o.configId ?? last("configId") ?? this.source.hostName;
    const target = this.targetOf(o, layers, loaded?.path);
    return {
      lint: {
        rules: Object.assign({}, ...layers.map((l) => l.rules), o.rules),
        targetVersion: target.version,
        ...(configId !== undefined && { configId }),
        ...(c.symlinkedDirs !== undefined && { symlinkedDirs: c.symlinkedDirs }),
        ...(o.reportUnusedDisableDirectives !== undefined && { reportUnusedDisableDirectives: o.reportUnusedDisableDirectives }),
        ...((o.template ?? last("template")) !== undefined && { template: o.template ?? last("template") }),
        ...(o.templateVars !== undefined && { templateVars: o.templateVars }),
        ...(o.budgets !== undefined && { budgets: o.budgets }),
      },
      format: { indent: o.indent ?? c.format?.indent },
      configFile: loaded?.path,
      file: c,
      targetVersionFrom: target.from,
      ignore: c.ignore ?? [],
      ignoreBase: loaded ? dirname(loaded.path) : undefined,
    };
  }

  /**
   * The target keepalived release and where it came from: the front end's
   * setting, else the settings file (an override, its top level, then editor
   * settings under it), else the installed keepalived, else the newest release.
   */
  private targetOf(o: SettingOverrides, layers: LintConfig[], file: string | undefined): { version: TargetVersion; from: string } {
    if (o.targetVersion !== undefined) return { version: o.targetVersion, from: "--target-version" };
    let i = layers.length - 1;
    while (i >= 0 && layers[i]!.targetVersion === undefined) i--;
    if (i > 0) return { version: layers[i]!.targetVersion!, from: file ?? "settings" };
    if (i === 0) return { version: layers[0]!.targetVersion!, from: "editor settings" };
    this.installed ??= this.source.installedKeepalived?.() ?? { version: DEFAULT_TARGET_VERSION, from: "the newest release (no keepalived found to ask)" };
    return this.installed;
  }

  /** The `ignore` pattern of the settings applying to `file` that matches it, if any. */
  ignoredBy(file: string): string | undefined {
    return ignorePatternOf(this.for(file), file);
  }

  private discover(dir: string): LoadedConfig | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const found = findConfig(this.fs, dir);
    const loaded = found && { path: found.path, config: checked(found.config, found.path) };
    this.byDir.set(dir, loaded);
    return loaded;
  }
}

/** The ignore pattern of `settings` matching `file`, if any. */
export function ignorePatternOf(settings: Settings, file: string): string | undefined {
  if (!settings.ignoreBase || settings.ignore.length === 0) return undefined;
  const base = settings.ignoreBase.endsWith("/") ? settings.ignoreBase : settings.ignoreBase + "/";
  if (!file.startsWith(base)) return undefined;
  const rel = file.slice(base.length);
  return settings.ignore.find((p) => matchesIgnore(rel, p));
}

/** A settings file naming a rule that does not exist is a mistake worth stopping for. */
function checked(config: LintConfig, path: string): LintConfig {
  for (const rules of [config.rules, ...(config.overrides ?? []).map((o) => o.rules)]) {
    for (const id of Object.keys(rules ?? {})) {
      if (!KNOWN_RULES.has(id)) throw new ConfigError(`${path}: ${unknownRule(id, KNOWN_RULES)}`);
    }
  }
  return config;
}

/** `unknown rule "x"; did you mean "y"?` (or where to list them). */
export function unknownRule(id: string, known: Iterable<string> = KNOWN_RULES): string {
  return `unknown rule "${id}"${didYouMean(id, known) || " (list them with: keepalived-lint rules)"}`;
}

/** The settings file's top level, then its overrides whose globs match `file`, in order. */
function layersFor(loaded: LoadedConfig | undefined, file: string): LintConfig[] {
  const c: LintConfig = loaded?.config ?? {};
  if (!loaded || !c.overrides?.length) return [c];
  const base = dirname(loaded.path).replace(/\/$/, "") + "/";
  if (!file.startsWith(base)) return [c];
  const rel = file.slice(base.length);
  return [c, ...c.overrides.filter((o) => o.files.some((g) => matchesIgnore(rel, g)))];
}

/** Resolves a path written in a settings file (relative to that file's directory). */
export function fromSettingsFile(settings: Settings, p: string): string {
  return resolve(settings.configFile ? dirname(settings.configFile) : "/", p);
}
