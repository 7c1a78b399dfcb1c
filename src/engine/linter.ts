/**
 * The lint engine: read the configuration, walk it once handing each line to
 * the handlers the enabled rules registered (and run the rules that walk it
 * themselves), apply severities and suppression comments, sort. Pure: files come in
 * through FileAccess, findings go out as data. The engine is handed its rules
 * (`ruleSet`) and never imports them: rules/ sits above it, and
 * src/workspace/lint.ts binds the built-in set.
 */
import type { ConfigNode, Diagnostic, WalkedLine } from "../../grammar/ast.js";
import { budgetsOf, type Budgets } from "../../grammar/budgets.js";
import type { FileAccess } from "../../grammar/files.js";
import { isBefore, resolveTarget } from "../../grammar/schema/versions.js";
import { argCount, LineWalker } from "../../grammar/tree.js";
import { secretKeywords } from "../../grammar/schema/index.js";
import { parseText, readConfig, type ParseResult, type ReaderOptions } from "../../grammar/reader.js";
import type { TemplateChoice } from "../../grammar/template/index.js";
import { buildModel, type ConfigModel } from "../model/model.js";
import type { RuleSetting } from "./config.js";
import type { ObjectFindings } from "./kept-findings.js";
import { findingOf, MERGED_USR_LINKS, withRelatedLines, type LintSettings, type Report, type Rule, type RuleContext, type RuleMeta, type Visitors } from "./rule.js";
import { fromRenderings, templateFindings, toTemplateOffsets } from "./templates.js";
import { rememberSecrets, scrubFinding, secretsOf, secretsOfLine, type Secret } from "./secrets.js";
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
  /** Template engine of the files read: "auto" (default: by name and content), an engine, or "off". */
  template?: TemplateChoice;
  /** Values of template variables (--template-vars): lint one rendering, findings mapped back to the template. */
  templateVars?: Record<string, unknown>;
  /** Symlinked directories of the target host (default MERGED_USR_LINKS; {} for a host without merged /usr). */
  symlinkedDirs?: Readonly<Record<string, string>>;
  /** Where absolute include patterns are looked for (ReaderOptions.includePath: a checkout's copy of the host's paths). */
  includePath?: (absolutePattern: string) => string;
}

/** The reader's options out of the lint options. */
export function readerOptionsOf(options: LintOptions): ReaderOptions {
  return {
    configId: options.configId,
    targetVersion: options.targetVersion,
    env: options.env,
    template: options.template,
    templateVars: options.templateVars,
    budgets: options.budgets,
    includePath: options.includePath,
  };
}

/** What the engine itself needs: the rules to run are always given. */
export type EngineOptions = LintOptions & { ruleSet: readonly Rule[] };

export interface LintResult extends ParseResult {
  /** Findings of every enabled rule (reader findings included), suppressed ones removed, sorted. */
  diagnostics: Diagnostic[];
  /**
   * Findings with a fix or suggestion, beyond the per-file cap of `diagnostics`
   * too: --fix applies them all in one pass instead of a pass per capful.
   */
  fixable: Diagnostic[];
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

export function lintParsed(parsed: ParseResult, options: EngineOptions): LintResult {
  const settings = lintSettingsOf(options);
  const getModel = modelOnce(parsed, settings);
  return resultOf(parsed, runRules(parsed, options, options.ruleSet, settings, getModel), options, settings, getModel);
}

/** The model of a parse, built when first asked for. */
function modelOnce(parsed: ParseResult, settings: LintSettings): () => ConfigModel {
  let model: ConfigModel | undefined;
  return () => (model ??= buildModel(parsed.ast, { targetVersion: settings.targetVersion }));
}

/** A lint's result from the rules' findings (finished: suppressed, scrubbed, sorted). */
function resultOf(parsed: ParseResult, found: Diagnostic[], options: EngineOptions, settings: LintSettings, getModel: () => ConfigModel): LintResult {
  const { diagnostics, fixable } = finishFindings(parsed, found, options);
  const result = { ...parsed, diagnostics, fixable, readerDiagnostics: parsed.diagnostics, model: getModel(), targetVersion: settings.targetVersion };
  // --template-vars: the tree and model point into the template as the findings do (a cluster of renderings needs it).
  toTemplateOffsets(parsed, result.model);
  return result;
}

/**
 * A lint in two stages over one parse, for --fix. A fix pass only needs the
 * findings that can change a text: `first` holds those of the rules `inFirst`
 * selects (the fixable ones; rules are independent, so they find alone what
 * they find beside the others) and their `fixable` list. `finish()` runs the
 * other rules on the same parse and returns what lintParsed would have
 * (findings sort by place and rule, so the order the rules ran in does not
 * show). unused-disable-directive judges a directive against every rule's
 * findings, so it waits for finish(): on the first stage alone it would call
 * the other rules' directives unused. With --template-vars the lint is whole.
 */
export interface StagedLint {
  first: Pick<LintResult, "ast" | "files" | "fixable">;
  finish(): LintResult;
  /** The parse both stages read: the next --fix pass patches it when the fixes only renamed words (grammar/word-patch.ts). */
  parsed: ParseResult;
}

export function lintStaged(parsed: ParseResult, options: EngineOptions, inFirst: (rule: Rule) => boolean): StagedLint {
  if (options.templateVars !== undefined) {
    const whole = lintParsed(parsed, options);
    return { first: whole, finish: () => whole, parsed };
  }
  const settings = lintSettingsOf(options);
  const getModel = modelOnce(parsed, settings);
  const found = runRules(parsed, options, options.ruleSet.filter(inFirst), settings, getModel);
  const { fixable } = finishFindings(parsed, found, { ...options, rules: { ...options.rules, "unused-disable-directive": "off" } });
  return {
    parsed,
    first: { ast: parsed.ast, files: parsed.files, fixable },
    finish() {
      for (const d of runRules(parsed, options, options.ruleSet.filter((r) => !inFirst(r)), settings, getModel)) found.push(d);
      return resultOf(parsed, found, options, settings, getModel);
    },
  };
}

/** The settings rules read, out of the lint options. */
export function lintSettingsOf(options: LintOptions): LintSettings {
  return { targetVersion: resolveTarget(options.targetVersion), configId: options.configId, symlinkedDirs: options.symlinkedDirs ?? MERGED_USR_LINKS };
}

/**
 * Which part of block-scoped rules to run (the editor runs them apart): "block"
 * runs check/create and puts gather's facts in `facts` (by rule id);
 * "across" runs only acrossBlocks, on the facts `gathered` gives. Unset: all
 * of each rule, acrossBlocks on the facts gathered from the whole tree.
 */
export interface RuleParts {
  only?: "block" | "across";
  /** Where the rules' instance() and virtualServer() findings are kept between lints (the editor's). */
  kept?: ObjectFindings;
  facts?: Map<string, unknown>;
  gathered?: (ruleId: string) => readonly unknown[];
}

/**
 * Runs `rules` (enabled ones, of `options.ruleSet` or a part of it) over a
 * parse: their findings as reported, before suppression, scrubbing and
 * sorting (finishFindings). The editor's incremental lint runs a part of
 * the rules on a part of the configuration with it.
 */
export function runRules(
  parsed: ParseResult,
  options: LintOptions,
  rules: readonly Rule[],
  settings: LintSettings,
  getModel: () => ConfigModel,
  repeatsName?: (node: ConfigNode) => boolean,
  parts: RuleParts = {},
): Diagnostic[] {
  const found: Diagnostic[] = [];
  // Made when a rule first asks (the editor gives its own, from the whole file's blocks).
  let repeated: Set<ConfigNode> | undefined;
  const repeats = repeatsName ?? ((node: ConfigNode) => (repeated ??= repeatedNames(parsed.ast.children)).has(node));
  const failed = (rule: Rule, e: unknown) => found.push(internalError(parsed, `rule "${rule.meta.id}" failed: ${(e as Error)?.message ?? String(e)}`));
  const walkers: { rule: Rule; visitors: Visitors }[] = [];
  const across: { rule: Rule; ctx: RuleContext }[] = [];
  const gatherers: { rule: Rule; gathering: { facts(): unknown } }[] = [];
  const objectRules: { rule: Rule; ctx: RuleContext }[] = [];
  for (const rule of rules) {
    if (!rule.check && !rule.create && !rule.gather && !rule.acrossBlocks && !rule.instance && !rule.virtualServer) continue;
    const setting = options.rules?.[rule.meta.id];
    if (setting === "off" || !appliesTo(rule.meta, settings.targetVersion)) continue;
    const ctx: RuleContext = {
      ast: parsed.ast,
      files: parsed.files,
      readerDiagnostics: parsed.diagnostics,
      settings,
      model: getModel,
      repeatsName: repeats,
      report(r) {
        const broken = undeclared(rule.meta, r);
        // A rule's metadata is what editors and --fix trust; a report beyond it is the rule's bug.
        found.push(broken ? internalError(parsed, `rule "${rule.meta.id}" ${broken}`) : findingOf(rule.meta, setting, r));
      },
    };
    try {
      if (parts.only !== "across") {
        rule.check?.(ctx);
        if (rule.instance || rule.virtualServer) objectRules.push({ rule, ctx });
        if (rule.create) walkers.push({ rule, visitors: rule.create(ctx) });
        if (rule.gather && (parts.facts || parts.only === undefined)) {
          const gathering = rule.gather(ctx);
          walkers.push({ rule, visitors: gathering });
          gatherers.push({ rule, gathering });
        }
      }
      if (rule.acrossBlocks && parts.only !== "block") across.push({ rule, ctx });
    } catch (e) {
      // A broken rule must not take the others down; say which one failed.
      failed(rule, e);
    }
  }
  if (walkers.length > 0) {
    // The walk gathers the secrets too (finishFindings scrubs them): one pass over the tree, not two.
    const secrets: Secret[] = [];
    const gatherSecrets = (node: ConfigNode) => secretsOfLine(node, secrets);
    walk(parsed.ast.children, walkers, failed, new Map([...secretKeywords()].map((name) => [name, gatherSecrets])));
    rememberSecrets(parsed.ast, secrets);
  }
  if (objectRules.length > 0) checkModelObjects(getModel(), objectRules, parts.kept, found, failed);
  const facts = parts.facts ?? new Map<string, unknown>();
  for (const { rule, gathering } of gatherers) {
    try {
      facts.set(rule.meta.id, gathering.facts());
    } catch (e) {
      failed(rule, e);
    }
  }
  for (const { rule, ctx } of across) {
    try {
      const gathered = parts.gathered ? parts.gathered(rule.meta.id) : [facts.get(rule.meta.id)];
      rule.acrossBlocks!(ctx, gathered);
    } catch (e) {
      failed(rule, e);
    }
  }
  return found;
}

/**
 * The rules' instance() and virtualServer() checks: every model object once,
 * all its rules together, so that the editor looks up each object once. A
 * rule that throws is reported once and not called again.
 */
function checkModelObjects(model: ConfigModel, rules: { rule: Rule; ctx: RuleContext }[], kept: ObjectFindings | undefined, found: Diagnostic[], failed: (rule: Rule, e: unknown) => void): void {
  const broken = new Set<Rule>();
  const each = <T extends { node: ConfigNode }>(objects: readonly T[], check: (rule: Rule, object: T, ctx: RuleContext) => void, has: (rule: Rule) => boolean) => {
    const hooked = rules.filter((r) => has(r.rule));
    if (hooked.length === 0) return;
    for (const object of objects) {
      const again = kept?.get(object);
      if (again) {
        for (const d of again) found.push(d);
        continue;
      }
      const from = found.length;
      for (const { rule, ctx } of hooked) {
        if (broken.has(rule)) continue;
        try {
          check(rule, object, ctx);
        } catch (e) {
          broken.add(rule);
          failed(rule, e);
        }
      }
      kept?.set(object, found.slice(from));
    }
  };
  each(model.instances, (rule, inst, ctx) => rule.instance!(inst, ctx), (rule) => rule.instance !== undefined);
  each(model.virtualServers, (rule, vs, ctx) => rule.virtualServer!(vs, ctx), (rule) => rule.virtualServer !== undefined);
}

/**
 * The top-level blocks of one word whose keyword and word an earlier
 * top-level block has, in reading order (includes are read in place, so
 * every top-level line is in `top`): what ctx.repeatsName answers.
 */
export function repeatedNames(top: readonly ConfigNode[]): Set<ConfigNode> {
  const seen = new Set<string>();
  const repeated = new Set<ConfigNode>();
  for (const node of top) {
    const key = nameKeyOf(node);
    if (key === undefined) continue;
    if (seen.has(key)) repeated.add(node);
    else seen.add(key);
  }
  return repeated;
}

/** What repeatedNames compares of a top-level node: keyword and word of a block of one word, else undefined. */
export function nameKeyOf(node: ConfigNode): string | undefined {
  return node.block && argCount(node) === 1 ? `${node.name} ${node.args[0]!.text}` : undefined;
}

/**
 * From the rules' findings to the report: template mapping, suppression
 * comments and unused-directive findings, secrets scrubbed, duplicates
 * dropped, sorted, capped per file. `secrets` may be given when the caller
 * already knows them (the editor keeps them per block).
 */
export function finishFindings(parsed: ParseResult, found: Diagnostic[], options: EngineOptions, secrets: readonly Secret[] = secretsOf(parsed.ast)): { diagnostics: Diagnostic[]; fixable: Diagnostic[] } {
  const lineOf = (file: string, offset: number) => parsed.files.get(file)?.lineOf(offset);
  // Lines named in messages first, on the text the rules read (a block-scoped finding may have been kept from an earlier lint).
  found = found.map((d) => withRelatedLines(d, lineOf));
  // Template findings first, on the text the rules read; then renderings (--template-vars) are mapped back to the templates.
  const kept = fromRenderings(templateFindings(found, parsed.templates, (f, o) => lineOf(f, o) ?? 0), parsed);
  const directives = new Map<string, Directive[]>();
  for (const [path, file] of parsed.files) directives.set(path, directivesOf(file));
  let diagnostics = applyDirectives(kept, parsed.files, directives);
  // unused-disable-directive is reported here, after suppression: unknown rule ids always, unused
  // directives when asked (--report-unused-disable-directives, or the rule given a severity)
  const unusedSetting = options.rules?.["unused-disable-directive"];
  if (unusedSetting !== "off") {
    const known = new Set(options.ruleSet.map((r) => r.meta.id));
    const reportUnused = options.reportUnusedDisableDirectives === true || unusedSetting !== undefined;
    const clusterOnly = new Set(options.ruleSet.filter((r) => r.checkCluster && !r.check && !r.create && !r.acrossBlocks && !r.instance && !r.virtualServer).map((r) => r.meta.id));
    // One push each: a file of a hundred thousand directives makes as many findings (a spread overflows the stack).
    for (const d of directiveFindings(directives, known, reportUnused, unusedSetting, clusterOnly)) diagnostics.push(d);
  }
  // No finding carries a password or key: the length is all it may say.
  if (secrets.length > 0) diagnostics = diagnostics.map((d) => scrubFinding(d, secrets));
  const uncapped = dedupeSorted(diagnostics.sort(byPosition));
  diagnostics = capPerFile(uncapped, budgetsOf(options.budgets).findingsPerFile);
  return { diagnostics, fixable: uncapped.filter(hasEdits) };
}

/** Does what the rule finds happen in the target release (meta.targetVersions)? */
export function appliesTo(meta: RuleMeta, target: string): boolean {
  const v = meta.targetVersions;
  return !v || ((!v.since || !isBefore(target, v.since)) && (!v.until || isBefore(target, v.until)));
}

/**
 * The one walk: every line once, in reading order, handed to the rules'
 * handlers for every line (`line`, read in place; `node`, as its node) and
 * for its name, and to the engine's own handlers for its name (`own`: lines
 * the engine reads, the secrets). A line's node is made only for a handler
 * that takes nodes (LineWalker): most lines of a large configuration get
 * none. A rule whose handler throws is reported once and not called again.
 */
function walk(top: readonly ConfigNode[], walkers: { rule: Rule; visitors: Visitors }[], failed: (rule: Rule, e: unknown) => void, own: ReadonlyMap<string, (node: ConfigNode) => void>): void {
  // Handlers as parallel arrays of functions and walker numbers, and the broken walkers as flags:
  // the walk makes millions of calls on a large configuration, so each is an array read, not a lookup.
  const broken = new Uint8Array(walkers.length);
  const everyLine: ((line: WalkedLine) => void)[] = [];
  const everyLineOf: number[] = [];
  const everyNode: ((node: ConfigNode) => void)[] = [];
  const everyNodeOf: number[] = [];
  // One map for the rules' handlers by name and the engine's own: one lookup a line.
  const byName = new Map<string, { handlers: ((node: ConfigNode) => void)[]; of: number[]; own: ((node: ConfigNode) => void) | undefined }>();
  for (const [name, handler] of own) byName.set(name, { handlers: [], of: [], own: handler });
  walkers.forEach(({ visitors }, k) => {
    if (visitors.line) {
      everyLine.push(visitors.line);
      everyLineOf.push(k);
    }
    if (visitors.node) {
      everyNode.push(visitors.node);
      everyNodeOf.push(k);
    }
    for (const [name, handler] of Object.entries(visitors.keywords ?? {})) {
      let list = byName.get(name);
      if (!list) byName.set(name, (list = { handlers: [], of: [], own: undefined }));
      list.handlers.push(handler);
      list.of.push(k);
    }
  });
  const call = <T>(handlers: ((x: T) => void)[], of: number[], x: T) => {
    for (let k = 0; k < handlers.length; k++) {
      const w = of[k];
      if (broken[w] !== 0) continue;
      try {
        handlers[k](x);
      } catch (e) {
        broken[w] = 1;
        failed(walkers[w].rule, e);
      }
    }
  };
  const named = byName.size > 0;
  const visit = (line: WalkedLine) => {
    if (everyLine.length > 0) call(everyLine, everyLineOf, line);
    if (everyNode.length > 0) call(everyNode, everyNodeOf, line.node);
    if (named) {
      const entry = byName.get(line.name);
      if (entry === undefined) return;
      if (entry.own) entry.own(line.node);
      if (entry.handlers.length > 0) call(entry.handlers, entry.of, line.node);
    }
  };
  const lines = new LineWalker();
  for (let i = 0; i < top.length; i++) lines.walk(top[i], visit);
  walkers.forEach(({ rule, visitors }, k) => {
    if (!visitors.end || broken[k] !== 0) return;
    try {
      visitors.end();
    } catch (e) {
      failed(rule, e);
    }
  });
}

/** Why a report does not fit its rule's metadata, if it does not: a fix from a rule not declared fixable, undeclared suggestions. */
function undeclared(meta: RuleMeta, r: Report): string | undefined {
  if (r.fix && !meta.fixable) return "reported a fix but its meta does not declare fixable: true";
  if (r.suggestions && r.suggestions.length > 0 && !meta.hasSuggestions) return "reported suggestions but its meta does not declare hasSuggestions: true";
  return undefined;
}

function internalError(parsed: ParseResult, message: string): Diagnostic {
  return { ruleId: "internal-error", severity: "error", file: parsed.ast.roots[0] ?? "", start: 0, end: 0, message };
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
      let hidden = 0;
      // A budget finding says where the linter stopped reading: never hidden behind the count (it follows it).
      const budgets: Diagnostic[] = [];
      for (let k = i + max; k < j; k++) {
        if (sorted[k].ruleId === "limit-exceeded") {
          budgets.push(sorted[k]);
          continue;
        }
        hidden++;
        if (rank[sorted[k].severity] > rank[worst]) worst = sorted[k].severity;
      }
      const first = sorted[i + max];
      if (hidden > 0) out.push({
        ruleId: "limit-exceeded", severity: worst, file, start: first.start, end: first.start,
        message: `${hidden} more findings in this file are not shown: the linter reports at most ${max} per file`,
        hint: "fix the findings above and lint again (see docs/limits.md)",
      });
      for (const d of budgets) out.push(d);
    }
    i = j;
  }
  return out;
}

function hasEdits(d: Diagnostic): boolean {
  return (d.fix?.edits.length ?? 0) > 0 || (d.suggestions?.length ?? 0) > 0;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start - b.start || a.end - b.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/**
 * The same rule at the same place with the same message once (loops and
 * multiline expansions repeat lines), from findings sorted by byPosition:
 * such repeats are then next to each other, the first of them first (the
 * sort is stable). No key per finding: hashing one for each of the
 * editor's thousands of findings cost more than the rest of this.
 */
function dedupeSorted(ds: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The current run of findings of one rule at one place; its messages as a set once it has several
  // (an expansion puts thousands of findings on one reference).
  let runStart = 0;
  let messages: Set<string> | undefined;
  for (let i = 0; i < ds.length; i++) {
    const d = ds[i];
    const first = ds[runStart];
    if (i === 0 || d.start !== first.start || d.end !== first.end || d.ruleId !== first.ruleId || d.file !== first.file) {
      runStart = i;
      messages = undefined;
      out.push(d);
      continue;
    }
    if (messages === undefined) {
      if (d.message === first.message) continue;
      messages = new Set([first.message]);
    }
    if (messages.has(d.message)) continue;
    messages.add(d.message);
    out.push(d);
  }
  return out;
}
