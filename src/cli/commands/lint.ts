/**
 * The default command: lint the given configs and report. Each target is a
 * main config, linted with the settings of its nearest .keepalived-lint.json;
 * findings in included files are reported under the included file.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Diagnostic } from "../../../grammar/ast.js";
import type { SourceFile } from "../../../grammar/source.js";
import { ALL_RULES } from "../../../rules/index.js";
import { FORMAT_NAMES, loadFormatter } from "../../reporters/load.js";
import { paintFor } from "../../reporters/paint.js";
import { countMessages, type FileResult } from "../../reporters/types.js";
import { nodeFiles } from "../../node/files.js";
import { colorLevel } from "../color.js";
import { checkBaselineFlags, withBaseline, type BaselineFlags } from "../baseline.js";
import { unifiedDiff } from "../diff.js";
import { lintAndFix } from "../fixer.js";
import { EXIT, outputWidth, UsageError, type CliIo } from "../io.js";
import { homeUri, packageInfo, ruleDocsUri } from "../package-info.js";
import { displayPath, sortResults, toMessage } from "../results.js";
import { parseRuleFlag, parseTargetVersion, SettingsResolver, type CliSettings, type Effective } from "../settings.js";
import { expandTargets, type Target } from "../targets.js";

export const DEFAULT_CONFIG = "/etc/keepalived/keepalived.conf";

export interface LintFlags extends BaselineFlags {
  format: string;
  outputFile?: string;
  stdinFilename?: string;
  config?: string | false;
  rule: string[];
  targetVersion?: string;
  configId?: string;
  printConfig?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  maxWarnings?: number;
  reportUnusedDisableDirectives?: boolean;
  color?: boolean;
}

interface Run {
  target: Target;
  settings: Effective;
  result: ReturnType<typeof lintAndFix>["result"];
  texts: Map<string, string>;
  originals: Map<string, string>;
}

export async function lintCommand(paths: string[], flags: LintFlags, io: CliIo): Promise<number> {
  if (io.env.KEEPALIVED_LINT_INTERNAL_ERROR_TEST === "1") throw new Error("internal error requested by KEEPALIVED_LINT_INTERNAL_ERROR_TEST");
  const formatter = await loadFormatter(flags.format);
  if (!formatter) throw new UsageError(`unknown format "${flags.format}" (expected ${FORMAT_NAMES.join(", ")})`);
  if (flags.maxWarnings !== undefined && (!Number.isInteger(flags.maxWarnings) || flags.maxWarnings < -1)) {
    throw new UsageError("--max-warnings expects an integer (-1 for no limit)");
  }
  checkBaselineFlags(flags);
  const fs = nodeFiles({ cwd: io.cwd });
  const knownRules = new Set(ALL_RULES.map((r) => r.meta.id));
  const cli: CliSettings = {
    config: flags.config,
    rules: Object.fromEntries(flags.rule.map((r) => parseRuleFlag(r, knownRules))),
    targetVersion: flags.targetVersion === undefined ? undefined : parseTargetVersion(flags.targetVersion),
    configId: flags.configId,
    reportUnusedDisableDirectives: !!flags.reportUnusedDisableDirectives,
  };
  const resolver = new SettingsResolver(fs, cli, io.cwd, knownRules);

  if (flags.printConfig !== undefined) {
    const file = resolve(io.cwd, flags.printConfig);
    const s = resolver.for(file);
    const rules = Object.fromEntries(ALL_RULES.map((r) => [r.meta.id, s.options.rules?.[r.meta.id] ?? r.meta.severity]));
    const shown = { configFile: s.configFile ?? null, targetVersion: s.options.targetVersion, configId: s.options.configId, ignore: s.ignore, rules };
    io.stdout(JSON.stringify(shown, null, 2) + "\n");
    return EXIT.ok;
  }

  const useStdin = paths.includes("-");
  if (flags.stdinFilename !== undefined && !useStdin) throw new UsageError("--stdin-filename needs - among the paths (read the config from stdin)");
  const args = paths.filter((p) => p !== "-");
  if (paths.length === 0) {
    if (fs.stat(DEFAULT_CONFIG) !== "file") throw new UsageError(`no config given and ${DEFAULT_CONFIG} does not exist (usage: keepalived-lint [options] <files, directories, globs or ->; see --help)`);
    args.push(DEFAULT_CONFIG);
  }
  const targets = expandTargets(fs, args, io.cwd);
  const stdin = useStdin ? { path: resolve(io.cwd, flags.stdinFilename ?? "<stdin>"), name: flags.stdinFilename ?? "<stdin>" } : undefined;
  const stdinText = stdin ? await io.readStdin() : undefined;
  if (stdin) targets.unshift({ path: stdin.path, explicit: true });

  const fixing = !!(flags.fix || flags.fixDryRun);
  const runs: Run[] = [];
  for (const target of targets) {
    const settings = resolver.for(target.path);
    const pattern = SettingsResolver.ignoredBy(settings, target.path);
    if (pattern !== undefined) {
      if (target.explicit) io.stderr(`keepalived-lint: ${displayPath(target.path, io.cwd)} skipped: matches ignore pattern "${pattern}" in ${settings.configFile}\n`);
      continue;
    }
    const texts = new Map<string, string>();
    if (stdin && target.path === stdin.path) texts.set(stdin.path, stdinText ?? "");
    else {
      const r = fs.readFile(target.path);
      if (!r.ok) throw new UsageError(r.message);
      texts.set(target.path, r.text);
    }
    const canEdit = (p: string) => SettingsResolver.ignoredBy(resolver.for(p), p) === undefined;
    const outcome = lintAndFix(fs, target.path, settings.options, texts, fixing, canEdit);
    runs.push({ target, settings, ...outcome });
  }

  // A file found in a directory or by a glob that another linted config includes is checked as part of that config only.
  const included = new Set(runs.flatMap((r) => [...r.result.files.keys()].filter((p) => p !== r.target.path)));
  const kept = runs.filter((r) => r.target.explicit || !included.has(r.target.path));

  const results = withBaseline(collect(kept, resolver, io.cwd, stdin), flags, io);
  if (fixing) writeFixes(kept, io, flags, stdin);
  // Standard output then carries a patch or the fixed config: keep the report out of it.
  const reportToStderr = !!flags.fixDryRun || (!!flags.fix && stdin !== undefined);
  const level = colorLevel(flags.color, io.env, flags.outputFile === undefined && (reportToStderr ? false : io.stdoutIsTTY));
  const info = packageInfo();
  const text = formatter(results, { cwd: io.cwd, colorLevel: level, paint: await paintFor(level), width: outputWidth(io, flags.outputFile === undefined && !reportToStderr), rules: ALL_RULES.map((r) => r.meta), helpUri: ruleDocsUri, informationUri: homeUri(), toolVersion: info.version });
  if (flags.outputFile !== undefined) {
    try {
      writeFileSync(resolve(io.cwd, flags.outputFile), text);
    } catch (e) {
      throw new UsageError(`cannot write ${flags.outputFile}: ${(e as Error).message}`);
    }
  } else if (reportToStderr) io.stderr(text);
  else io.stdout(text);

  const all = results.flatMap((r) => r.messages);
  if (all.some((m) => m.ruleId === "internal-error")) return EXIT.internal;
  const n = countMessages(all);
  const max = flags.maxWarnings ?? -1;
  if (n.errors > 0 || (max >= 0 && n.warnings > max)) {
    if (n.errors === 0 && flags.format === "stylish") io.stderr(`keepalived-lint: too many warnings (${n.warnings}, --max-warnings ${max})\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}

/** One FileResult per file read (main files and includes), findings deduplicated across main files sharing an include. */
function collect(runs: Run[], resolver: SettingsResolver, cwd: string, stdin?: { path: string; name: string }): FileResult[] {
  const files = new Map<string, { source?: SourceFile; diagnostics: Map<string, Diagnostic> }>();
  const entry = (path: string, source?: SourceFile) => {
    let e = files.get(path);
    if (!e) files.set(path, (e = { source, diagnostics: new Map() }));
    e.source ??= source;
    return e;
  };
  for (const run of runs) {
    for (const [path, source] of run.result.files) {
      if (path === run.target.path || SettingsResolver.ignoredBy(resolver.for(path), path) === undefined) entry(path, source);
    }
    entry(run.target.path, run.result.files.get(run.target.path));
    for (const d of run.result.diagnostics) {
      if (d.file !== run.target.path && SettingsResolver.ignoredBy(resolver.for(d.file), d.file) !== undefined) continue;
      const e = entry(d.file, run.result.files.get(d.file));
      e.diagnostics.set(`${d.ruleId}\0${d.start}\0${d.end}\0${d.message}`, d);
    }
  }
  return sortResults(
    [...files].map(([path, e]) => ({
      filePath: path,
      displayPath: displayPath(path, cwd, stdin),
      source: e.source?.text,
      messages: [...e.diagnostics.values()].map((d) => toMessage(d, e.source)),
    })),
  );
}

/** Writes fixed files (--fix) or prints diffs (--fix-dry-run); fixed stdin goes to stdout. */
function writeFixes(runs: Run[], io: CliIo, flags: LintFlags, stdin?: { path: string; name: string }): void {
  const done = new Set<string>();
  for (const run of runs) {
    if (stdin && run.target.path === stdin.path && flags.fix && !flags.fixDryRun) {
      io.stdout(run.texts.get(stdin.path) ?? "");
    }
    for (const [path, before] of run.originals) {
      if (done.has(path)) continue;
      done.add(path);
      const after = run.texts.get(path) ?? before;
      const name = displayPath(path, io.cwd, stdin);
      if (flags.fixDryRun) {
        io.stdout(unifiedDiff(before, after, `a/${name}`, `b/${name}`));
      } else if (!(stdin && path === stdin.path)) {
        writeFixed(path, before, after, io);
      }
    }
  }
}

function writeFixed(path: string, before: string, after: string, io: CliIo): void {
  // The text was decoded from bytes; if they do not round-trip (invalid UTF-8), writing would change bytes outside the fix.
  let onDisk: Buffer;
  try {
    onDisk = readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${path} again to fix it: ${(e as Error).message}`);
  }
  if (!onDisk.equals(Buffer.from(before, "utf8"))) {
    io.stderr(`keepalived-lint: ${path} not fixed: it changed while linting or is not valid UTF-8\n`);
    return;
  }
  try {
    writeFileSync(path, after);
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
  }
}
