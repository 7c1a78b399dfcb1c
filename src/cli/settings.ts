/**
 * Effective lint options for one file: built-in defaults, then the nearest
 * .keepalived-lint.json (or --config FILE, or none with --no-config), then
 * command-line flags, which always win.
 */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { FileAccess } from "../../grammar/files.js";
import type { TargetVersion } from "../../grammar/reader.js";
import { ConfigError, findConfig, parseConfig, severityOf, type LintConfig, type LoadedConfig, type RuleSetting } from "../engine/config.js";
import { didYouMean } from "../engine/suggest.js";
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
}

export interface Effective {
  options: LintOptions;
  /** The config file that applied, if any. */
  configFile?: string;
  ignore: string[];
  /** Directory the ignore globs are relative to. */
  ignoreBase?: string;
}

/** Parses a --rule value `id:severity` (severity as in settings: off, info, warn, warning, error, 0, 1, 2). */
export function parseRuleFlag(value: string, known: ReadonlySet<string>): [string, RuleSetting] {
  const m = /^([^:]+):([^:]+)$/.exec(value.trim());
  const sev = m ? severityOf(m[2]) : undefined;
  if (!m || sev === undefined) throw new UsageError(`--rule expects id:severity with severity off, info, warn, error (or 0, 1, 2) (got "${value}")`);
  if (!known.has(m[1])) throw new UsageError(`--rule: ${unknownRule(m[1], known)}`);
  return [m[1], sev];
}

/** `unknown rule "x"; did you mean "y"?` (or where to list them). */
export function unknownRule(id: string, known: Iterable<string>): string {
  return `unknown rule "${id}"${didYouMean(id, known) || " (list them with: keepalived-lint rules)"}`;
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
    // overrides whose globs match the file, in order, over the top level; the command line over all
    const rel = loaded ? relative(dirname(loaded.path), file).split(sep).join("/") : undefined;
    const layers = [c, ...(rel === undefined || rel.startsWith("../") ? [] : (c.overrides ?? []).filter((o) => o.files.some((g) => matchesIgnore(rel, g))))];
    const last = <K extends "targetVersion" | "configId">(k: K) => layers.reduce<LintConfig[K]>((v, l) => l[k] ?? v, undefined);
    return {
      options: {
        rules: Object.assign({}, ...layers.map((l) => l.rules), this.cli.rules),
        targetVersion: this.cli.targetVersion ?? last("targetVersion") ?? "newest",
        configId: this.cli.configId ?? last("configId") ?? defaultConfigId(),
        reportUnusedDisableDirectives: this.cli.reportUnusedDisableDirectives,
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
    for (const rules of [config.rules, ...(config.overrides ?? []).map((o) => o.rules)]) {
      for (const id of Object.keys(rules ?? {})) {
        if (!this.knownRules.has(id)) throw new ConfigError(`${path}: ${unknownRule(id, this.knownRules)}`);
      }
    }
    return config;
  }
}
