/**
 * Effective lint options for one file: built-in defaults, then the nearest
 * .keepalived-lint.json (or --config FILE, or none with --no-config), then
 * command-line flags, which always win.
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { FileAccess } from "../../grammar/files.js";
import type { TargetVersion } from "../../grammar/reader.js";
import { TEMPLATE_ENGINES, type TemplateChoice } from "../../grammar/template/index.js";
import { ConfigError, findConfig, parseConfig, templateLookup, type LintConfig, type LoadedConfig, type RuleSetting } from "../engine/config.js";
import type { LintOptions } from "../engine/linter.js";
import { matchesIgnore } from "./glob-match.js";
import { UsageError } from "./io.js";

export interface CliSettings {
  /** --config FILE (string), --no-config (false), or discovery (undefined). */
  config?: string | false;
  rules: Record<string, RuleSetting>;
  targetVersion?: TargetVersion;
  configId?: string;
  reportUnusedDisableDirectives: boolean;
  /** --template ENGINE|auto|off: wins over the settings' "templates" map. */
  template?: TemplateChoice;
}

export interface Effective {
  options: LintOptions;
  /** The config file that applied, if any. */
  configFile?: string;
  ignore: string[];
  /** Directory the ignore globs are relative to. */
  ignoreBase?: string;
}

/** Parses a --rule value `id:severity`. */
export function parseRuleFlag(value: string, known: ReadonlySet<string>): [string, RuleSetting] {
  const m = /^([^:]+):(error|warning|info|off)$/.exec(value.trim());
  if (!m) throw new UsageError(`--rule expects id:severity with severity error, warning, info or off (got "${value}")`);
  if (!known.has(m[1])) throw new UsageError(`--rule: unknown rule "${m[1]}" (list them with: keepalived-lint rules)`);
  return [m[1], m[2] as RuleSetting];
}

export function parseTemplateChoice(v: string): TemplateChoice {
  const choices: string[] = [...TEMPLATE_ENGINES, "auto", "off"];
  if (choices.includes(v)) return v as TemplateChoice;
  throw new UsageError(`--template must be one of ${choices.join(", ")} (got "${v}")`);
}

export function parseTargetVersion(v: string): TargetVersion {
  if (v === "2.2.7" || v === "newest") return v;
  throw new UsageError(`--target-version must be 2.2.7 or newest (got "${v}")`);
}

/**
 * This host's short name, as keepalived's default config id (`@name` lines).
 * keepalived takes uname()'s node name; on Linux that is the kernel's
 * hostname file, read here without loading node:os (a few ms of every start).
 */
export function defaultConfigId(): string {
  let name: string;
  try {
    name = readFileSync("/proc/sys/kernel/hostname", "utf8").trim();
  } catch {
    name = (process.getBuiltinModule("node:os") as typeof import("node:os")).hostname();
  }
  return name.split(".")[0];
}

export class SettingsResolver {
  private readonly byDir = new Map<string, LoadedConfig | undefined>();
  private explicit: LoadedConfig | undefined;

  constructor(
    private readonly fs: FileAccess,
    private readonly cli: CliSettings,
    private readonly cwd: string,
    private readonly knownRules: ReadonlySet<string>,
  ) {
    if (typeof cli.config === "string") {
      const path = resolve(cwd, cli.config);
      const r = fs.readFile(path);
      if (!r.ok) throw new UsageError(`--config: ${r.message}`);
      this.explicit = { path, config: this.checked(parseConfig(r.text, path), path) };
    }
  }

  /** Settings for a file (absolute path). Throws ConfigError for a broken config file. */
  for(file: string): Effective {
    const loaded = this.cli.config === false ? undefined : this.explicit ?? this.discover(dirname(file));
    const c: LintConfig = loaded?.config ?? {};
    return {
      options: {
        rules: { ...c.rules, ...this.cli.rules },
        targetVersion: this.cli.targetVersion ?? c.targetVersion ?? "newest",
        configId: this.cli.configId ?? c.configId ?? defaultConfigId(),
        reportUnusedDisableDirectives: this.cli.reportUnusedDisableDirectives,
        template: this.cli.template,
        ...(this.cli.template === undefined && loaded && { templateFor: templateLookup(c.templates, dirname(loaded.path)) }),
      },
      configFile: loaded?.path,
      ignore: c.ignore ?? [],
      ignoreBase: loaded ? dirname(loaded.path) : undefined,
    };
  }

  /** The ignore pattern of `settings` matching `file`, if any. */
  static ignoredBy(settings: Effective, file: string): string | undefined {
    if (!settings.ignoreBase || settings.ignore.length === 0) return undefined;
    const rel = relative(settings.ignoreBase, file).split(sep).join("/");
    if (rel.startsWith("../")) return undefined;
    return settings.ignore.find((p) => matchesIgnore(rel, p));
  }

  private discover(dir: string): LoadedConfig | undefined {
    if (this.byDir.has(dir)) return this.byDir.get(dir);
    const found = findConfig(this.fs, dir);
    const loaded = found && { path: found.path, config: this.checked(found.config, found.path) };
    this.byDir.set(dir, loaded);
    return loaded;
  }

  private checked(config: LintConfig, path: string): LintConfig {
    for (const id of Object.keys(config.rules ?? {})) {
      if (!this.knownRules.has(id)) throw new ConfigError(`${path}: unknown rule "${id}" (list them with: keepalived-lint rules)`);
    }
    return config;
  }
}
