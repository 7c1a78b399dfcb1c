/**
 * The lint engine: read the configuration, run every enabled rule once over
 * it, apply severities and suppression comments, sort. Pure: files come in
 * through FileAccess, findings go out as data. The engine is handed its rules
 * (`ruleSet`) and never imports them: rules/ sits above it, and
 * src/workspace/lint.ts binds the built-in set.
 */
import type { Diagnostic } from "../../grammar/ast.js";
import { budgetsOf, type Budgets } from "../../grammar/budgets.js";
import type { FileAccess } from "../../grammar/files.js";
import { isBefore, resolveTarget } from "../../grammar/schema/versions.js";
import { parseText, readConfig, type ParseResult, type ReaderOptions } from "../../grammar/reader.js";
import { buildModel, type ConfigModel } from "../model/model.js";
import type { RuleSetting } from "./config.js";
import { findingOf, MERGED_USR_LINKS, type LintSettings, type Rule, type RuleContext, type RuleMeta } from "./rule.js";
import { scrubFinding, secretsOf } from "./secrets.js";
import { applyDirectives, directiveFindings, directivesOf, type Directive } from "./suppress.js";

export interface LintOptions {
  targetVersion?: LintSettings["targetVersion"];
  configId?: string;
  /** Rule id → severity or "off" (from .keepalived-lint.json and --rule). */
  rules?: Record<string, RuleSetting>;
  reportUnusedDisableDirectives?: boolean;
  /** Values for ${_ENV X}. */
  env?: Record<string, string>;
  /** Work budgets (grammar/budgets.ts, docs/limits.md); unset ones take their defaults. */
  budgets?: Partial<Budgets>;
  /** Rules to run instead of the built-in set (tests). */
  ruleSet?: readonly Rule[];
  /** Symlinked directories of the target host (default MERGED_USR_LINKS; {} for a host without merged /usr). */
  symlinkedDirs?: Readonly<Record<string, string>>;
}

/** What the engine itself needs: the rules to run are always given. */
export type EngineOptions = LintOptions & { ruleSet: readonly Rule[] };

export interface LintResult extends ParseResult {
  /** Findings of every enabled rule (reader findings included), suppressed ones removed, sorted. */
  diagnostics: Diagnostic[];
  /** The reader's raw findings (before severities and suppression). */
  readerDiagnostics: Diagnostic[];
  model: ConfigModel;
  /** The keepalived release the rules checked against. */
  targetVersion: string;
}

/** Lints a configuration whose main file(s) are read through `fs` (`overrides` = unsaved texts). */
export function lint(fs: FileAccess, mainFiles: string[], options: EngineOptions, overrides?: Map<string, string>): LintResult {
  return lintParsed(readConfig(fs, mainFiles, readerOptionsOf(options), overrides), options);
}

/** Lints one text (no includes are resolved beyond what `fs` offers). */
export function lintText(text: string, path: string, options: EngineOptions, fs?: FileAccess): LintResult {
  return lintParsed(parseText(text, path, readerOptionsOf(options), fs), options);
}

function readerOptionsOf(options: LintOptions): ReaderOptions {
  return { configId: options.configId, targetVersion: options.targetVersion, env: options.env, budgets: options.budgets };
}

export function lintParsed(parsed: ParseResult, options: EngineOptions): LintResult {
  const settings: LintSettings = { targetVersion: resolveTarget(options.targetVersion), configId: options.configId, symlinkedDirs: options.symlinkedDirs ?? MERGED_USR_LINKS };
  let model: ConfigModel | undefined;
  const getModel = () => (model ??= buildModel(parsed.ast, { targetVersion: settings.targetVersion }));
  const found: Diagnostic[] = [];
  for (const rule of options.ruleSet) {
    if (!rule.check) continue;
    const setting = options.rules?.[rule.meta.id];
    if (setting === "off" || !appliesTo(rule.meta, settings.targetVersion)) continue;
    const ctx: RuleContext = {
      ast: parsed.ast,
      files: parsed.files,
      readerDiagnostics: parsed.diagnostics,
      settings,
      model: getModel,
      report(r) {
        found.push(findingOf(rule.meta, setting, r));
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // A broken rule must not take the others down; say which one failed.
      found.push({
        ruleId: "internal-error",
        severity: "error",
        file: parsed.ast.roots[0] ?? "",
        start: 0,
        end: 0,
        message: `rule "${rule.meta.id}" failed: ${(e as Error).message}`,
      });
    }
  }
  const directives = new Map<string, Directive[]>();
  for (const [path, file] of parsed.files) directives.set(path, directivesOf(file));
  let diagnostics = applyDirectives(found, parsed.files, directives);
  // unused-disable-directive is reported here, after suppression: unknown rule ids always, unused
  // directives when asked (--report-unused-disable-directives, or the rule given a severity)
  const unusedSetting = options.rules?.["unused-disable-directive"];
  if (unusedSetting !== "off") {
    const known = new Set(options.ruleSet.map((r) => r.meta.id));
    const reportUnused = options.reportUnusedDisableDirectives === true || unusedSetting !== undefined;
    const clusterOnly = new Set(options.ruleSet.filter((r) => r.checkCluster && !r.check).map((r) => r.meta.id));
    diagnostics.push(...directiveFindings(directives, known, reportUnused, unusedSetting, clusterOnly));
  }
  // No finding carries a password or key: the length is all it may say.
  const secrets = secretsOf(parsed.ast);
  if (secrets.length > 0) diagnostics = diagnostics.map((d) => scrubFinding(d, secrets));
  diagnostics = capPerFile(dedupe(diagnostics).sort(byPosition), budgetsOf(options.budgets).findingsPerFile);
  return { ...parsed, diagnostics, readerDiagnostics: parsed.diagnostics, model: getModel(), targetVersion: settings.targetVersion };
}

/** Does what the rule finds happen in the target release (meta.targetVersions)? */
export function appliesTo(meta: RuleMeta, target: string): boolean {
  const v = meta.targetVersions;
  return !v || ((!v.since || !isBefore(target, v.since)) && (!v.until || isBefore(target, v.until)));
}

/**
 * At most `max` findings per file (a generated file with a mistake on every
 * line must not bury the report, nor make it take minutes to print); one
 * more finding says how many were left out, as severe as the worst of them.
 */
function capPerFile(sorted: Diagnostic[], max: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  let i = 0;
  while (i < sorted.length) {
    const file = sorted[i].file;
    let j = i;
    while (j < sorted.length && sorted[j].file === file) j++;
    if (j - i <= max) {
      for (let k = i; k < j; k++) out.push(sorted[k]);
    } else {
      for (let k = i; k < i + max; k++) out.push(sorted[k]);
      const rank = { info: 0, warning: 1, error: 2 } as const;
      let worst: Diagnostic["severity"] = "info";
      for (let k = i + max; k < j; k++) if (rank[sorted[k].severity] > rank[worst]) worst = sorted[k].severity;
      const first = sorted[i + max];
      out.push({
        ruleId: "limit-exceeded", severity: worst, file, start: first.start, end: first.start,
        message: `${j - i - max} more findings in this file are not shown: the linter reports at most ${max} per file`,
        hint: "fix the findings above and lint again (see docs/limits.md)",
      });
    }
    i = j;
  }
  return out;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** The same rule at the same place with the same message once (loops and multiline expansions repeat lines). */
function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.ruleId}\0${d.file}\0${d.start}\0${d.end}\0${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
