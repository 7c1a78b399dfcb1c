/**
 * The default command: lint the given configs and report. Each target is a
 * main config, linted with the settings of its nearest .keepalived-lint.json;
 * findings in included files are reported under the included file.
 */
import { readFileSync } from "node:fs";
import { writeFileAtomic, WriteRefused } from "../../node/write.js";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../../../grammar/ast.js";
import type { SourceFile } from "../../../grammar/source.js";
import { ALL_RULES } from "../../../rules/index.js";
import type { FileResult } from "../../reporters/types.js";
import type { FixOutcome } from "../../workspace/fix.js";
import type { Settings } from "../../workspace/settings.js";
import { Workspace } from "../../workspace/workspace.js";
import { checkBaselineFlags, withBaseline, type BaselineFlags } from "../baseline.js";
import { unifiedDiff } from "../diff.js";
import { UsageError, EXIT, type CliIo } from "../io.js";
import { reporterFor, writeReport } from "../report.js";
import { displayPath, sortResults, toMessage } from "../results.js";
import { workspaceFor } from "../settings.js";
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
  maxExpandedLines?: number;
  reportUnusedDisableDirectives?: boolean;
  color?: boolean;
}

interface Run extends FixOutcome {
  target: Target;
  settings: Settings;
}

export async function lintCommand(paths: string[], flags: LintFlags, io: CliIo): Promise<number> {
  if (io.env.KEEPALIVED_LINT_INTERNAL_ERROR_TEST === "1") throw new Error("internal error requested by KEEPALIVED_LINT_INTERNAL_ERROR_TEST");
  const formatter = await reporterFor(flags);
  checkBaselineFlags(flags);
  const workspace = workspaceFor(flags, io);
  const fs = workspace.fs;

  if (flags.printConfig !== undefined) {
    const s = workspace.settingsFor(resolve(io.cwd, flags.printConfig));
    const rules = Object.fromEntries(ALL_RULES.map((r) => [r.meta.id, s.lint.rules?.[r.meta.id] ?? r.meta.severity]));
    const shown = { configFile: s.configFile ?? null, targetVersion: s.lint.targetVersion, configId: s.lint.configId, ignore: s.ignore, rules };
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
    const settings = workspace.settingsFor(target.path);
    const pattern = workspace.ignoredBy(target.path);
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
    runs.push({ target, settings, ...workspace.fix(target.path, texts, fixing) });
  }

  // A file found in a directory or by a glob that another linted config includes is checked as part of that config only.
  const included = new Set(runs.flatMap((r) => [...r.result.files.keys()].filter((p) => p !== r.target.path)));
  const kept = runs.filter((r) => r.target.explicit || !included.has(r.target.path));

  const baselineSetting = (file: string) => {
    const s = workspace.settingsFor(file);
    return s.configFile !== undefined && s.file.baseline !== undefined ? resolve(dirname(s.configFile), s.file.baseline) : undefined;
  };
  const results = withBaseline(collect(kept, workspace, io.cwd, stdin), flags, io, baselineSetting);
  if (fixing) writeFixes(kept, io, flags, stdin);
  // Standard output then carries a patch or the fixed config: keep the report out of it.
  const toStderr = !!flags.fixDryRun || (!!flags.fix && stdin !== undefined);
  return writeReport(results, flags, formatter, io, { toStderr });
}

/** One FileResult per file read (main files and includes), findings deduplicated across main files sharing an include. */
function collect(runs: Run[], workspace: Workspace, cwd: string, stdin?: { path: string; name: string }): FileResult[] {
  const files = new Map<string, { source?: SourceFile; diagnostics: Map<string, Diagnostic> }>();
  const entry = (path: string, source?: SourceFile) => {
    let e = files.get(path);
    if (!e) files.set(path, (e = { source, diagnostics: new Map() }));
    e.source ??= source;
    return e;
  };
  for (const run of runs) {
    for (const [path, source] of run.result.files) {
      if (path === run.target.path || workspace.ignoredBy(path) === undefined) entry(path, source);
    }
    entry(run.target.path, run.result.files.get(run.target.path));
    for (const d of run.result.diagnostics) {
      if (d.file !== run.target.path && workspace.ignoredBy(d.file) !== undefined) continue;
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
    writeFileAtomic(path, after);
  } catch (e) {
    if (e instanceof WriteRefused) io.stderr(`keepalived-lint: ${e.message}\n`);
    else throw e;
  }
}
