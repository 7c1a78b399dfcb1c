/**
 * The default command: lint the given configs and report. A target that no
 * configuration of its tree includes is a main config, linted with the
 * settings of its nearest .keepalived-lint.json, findings in included files
 * reported under the included file; a fragment is linted through the
 * configurations that include it (repository.ts finds them).
 */
import { readFileSync } from "node:fs";
import { basename, dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { utf8Bytes, writeFileAtomic, WriteRefused } from "../../node/write.js";
import type { Diagnostic, Edit } from "../../../grammar/ast.js";
import { overlayFiles } from "../../../grammar/files.js";
import type { SourceFile } from "../../../grammar/source.js";
import { ALL_RULES } from "../../../rules/index.js";
import type { LintResult } from "../../engine/linter.js";
import type { FileResult } from "../../reporters/types.js";
import { fixLoop, type LintWith } from "../../workspace/fix.js";
import { collectGarbage } from "../collect-garbage.js";
import { nodesFromSettings } from "../../workspace/cluster.js";
import { ConfigError } from "../../engine/config.js";
import { maskSecrets, scrubText, secretsOf, type Secret } from "../../engine/secrets.js";
import { fragmentFindings, hasFindingsElsewhere, looksLikeFragment, softenUnresolved } from "../../workspace/fragments.js";
import type { Settings } from "../../workspace/settings.js";
import { Workspace } from "../../workspace/workspace.js";
import { checkBaselineFlags, withBaseline, type BaselineFlags } from "../baseline.js";
import { diffOfChanges, lineChangesOfEdits } from "../change-diff.js";
import { unifiedDiff } from "../diff.js";
import { UsageError, EXIT, type CliIo } from "../io.js";
import { reporterFor, writeReport } from "../report.js";
import { detectionNote, parseRootFlag, Repository } from "../repository.js";
import { displayPath, sortResults, toMessage } from "../results.js";
import { workspaceFor } from "../settings.js";
import { expandTargets, type Target } from "../targets.js";
import { readOnce } from "../read-once.js";

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
  unsafeFixes?: boolean;
  exitLikeKeepalived?: boolean;
  maxWarnings?: number;
  maxExpandedLines?: number;
  reportUnusedDisableDirectives?: boolean;
  color?: boolean;
  template?: string;
  templateVars?: string[];
  root?: string[];
}

/** The flags of a lint given no option (program.ts declares these defaults to commander). */
export const LINT_DEFAULTS: Readonly<Pick<LintFlags, "format" | "rule">> = { format: "stylish", rule: [] };

/** A file to report on and the main files it is linted through (none: it is a main file itself). */
interface Plan {
  target: Target;
  settings: Settings;
  owners: string[];
}

interface Run {
  target: Target;
  /** The file linted: the target, or one of its owners. */
  main: string;
  result: LintResult;
  texts: Map<string, string>;
  originals: Map<string, string>;
  /** The fixes' edits of the files one pass changed (FixOutcome.edits). */
  edits: Map<string, Edit[]>;
  /** The findings to report. */
  reported: Diagnostic[];
  /** Files to list in the report (also when clean). */
  shown: string[];
  /** Secret values of every pass's texts (kept out of diffs). */
  secrets: Secret[];
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
    const shown = {
      configFile: s.configFile ?? null,
      targetVersion: s.lint.targetVersion,
      targetVersionFrom: s.targetVersionFrom,
      configId: s.lint.configId,
      ignore: s.ignore,
      ...(s.file.root !== undefined && { root: s.file.root }),
      ...(s.file.roots && { roots: s.file.roots }),
      rules,
    };
    io.stdout(JSON.stringify(shown, null, 2) + "\n");
    return EXIT.ok;
  }

  const useStdin = paths.includes("-");
  if (flags.stdinFilename !== undefined && !useStdin) throw new UsageError("--stdin-filename needs - among the paths (read the config from stdin)");
  const cliRoot = (flags.root ?? []).map((r) => parseRootFlag(r, io.cwd));
  const stdin = useStdin ? { path: resolve(io.cwd, flags.stdinFilename ?? "<stdin>"), name: flags.stdinFilename ?? "<stdin>" } : undefined;
  const stdinText = stdin ? await io.readStdin() : undefined;
  // Standard input's text stands in for the file it names, also when owners of fragments are looked for.
  const disk = readOnce(fs);
  const repo = new Repository(stdin ? overlayFiles(disk, new Map([[stdin.path, stdinText ?? ""]])) : disk, workspace, io.cwd, cliRoot);
  const args = paths.filter((p) => p !== "-");
  if (paths.length === 0) {
    const dflt = repo.mapped(DEFAULT_CONFIG);
    if (fs.stat(dflt) !== "file") throw new UsageError(`no config given and ${dflt} does not exist (usage: keepalived-lint [options] <files, directories, globs or ->; see --help)`);
    args.push(dflt);
  }
  const ignored = (p: string) => workspace.ignoredBy(p) !== undefined;
  // A directory contributes its templates only when templates are asked for (--template).
  const templates = flags.template !== undefined && flags.template !== "off";
  const targets = expandTargets(fs, args, io.cwd, { top: repo.top, ignored, templates });
  if (stdin) targets.unshift({ path: stdin.path, explicit: true });

  const fixing = !!(flags.fix || flags.fixDryRun);
  if (flags.unsafeFixes && !fixing) throw new UsageError("--unsafe-fixes goes with --fix or --fix-dry-run (it also applies suggestions, which change behaviour)");
  const plans: Plan[] = [];
  for (const target of targets) {
    const settings = workspace.settingsFor(target.path);
    const pattern = workspace.ignoredBy(target.path);
    if (pattern !== undefined) {
      if (target.explicit) io.stderr(`keepalived-lint: ${displayPath(target.path, io.cwd)} skipped: matches ignore pattern "${pattern}" in ${settings.configFile}\n`);
      continue;
    }
    if (!stdin || target.path !== stdin.path) {
      disk.keep(target.path);
      const r = disk.readFile(target.path);
      if (!r.ok) throw new UsageError(r.message);
    }
    const unnamedStdin = stdin?.path === target.path && flags.stdinFilename === undefined;
    plans.push({ target, settings, owners: unnamedStdin ? [] : repo.ownersOf(target.path) });
  }
  // A fragment found in a directory whose owners are all linted anyway is checked through them only.
  const mains = new Set(plans.filter((p) => p.owners.length === 0).map((p) => p.target.path));
  const runs: Run[] = [];
  for (const plan of plans) {
    if (!plan.target.explicit && plan.owners.length > 0 && plan.owners.every((o) => mains.has(o))) continue;
    runs.push(...lintPlan(plan, repo, workspace, fixing, !!flags.unsafeFixes, stdin && { ...stdin, text: stdinText ?? "", named: flags.stdinFilename !== undefined }));
  }
  for (const run of runs) refineWithCluster(run, workspace);
  // A file found in a directory or by a glob that another linted config includes is checked as part of that config only.
  const included = new Set(runs.flatMap((r) => (r.main === r.target.path ? [...r.result.files.keys()].filter((p) => p !== r.target.path) : [])));
  const kept = runs.filter((r) => r.target.explicit || r.main !== r.target.path || !included.has(r.target.path));
  for (const d of repo.detections()) io.stderr(detectionNote(d, repo.top));

  const baselineSetting = (file: string) => {
    const s = workspace.settingsFor(file);
    return s.configFile !== undefined && s.file.baseline !== undefined ? resolve(dirname(s.configFile), s.file.baseline) : undefined;
  };
  const results = withBaseline(collect(kept, io.cwd, stdin), flags, io, baselineSetting);
  if (fixing) writeFixes(kept, io, flags, stdin);
  // Standard output then carries a patch or the fixed config: keep the report out of it.
  const toStderr = !!flags.fixDryRun || (!!flags.fix && stdin !== undefined);
  const code = await writeReport(results, flags, formatter, io, { toStderr, top: repo.top });
  // Parity with `keepalived -t` (Ansible's validate:, CI): only what keepalived itself refuses counts.
  if (!flags.exitLikeKeepalived || code === EXIT.internal) return code;
  return results.some((r) => r.messages.some((m) => m.refusedByKeepalived)) ? EXIT.problems : EXIT.ok;
}

/**
 * One truth with `keepalived-lint cluster`: when a main file is a node of the
 * `cluster` list of its settings, findings whose truth depends on the other
 * nodes give way to the cluster's verdict (run `cluster` to see it).
 */
function refineWithCluster(run: Run, workspace: Workspace): void {
  if (run.main !== run.target.path) return;
  let specs;
  try {
    specs = nodesFromSettings(workspace.settingsFor(run.target.path), workspace.fs);
  } catch (e) {
    // A broken vars file of the cluster list is `cluster`'s to report; this lint stands on its own.
    if (e instanceof ConfigError) return;
    throw e;
  }
  if (specs.length < 2 || !specs.some((s) => s.path === run.target.path)) return;
  if (specs.some((s) => !workspace.fs.readFile(s.path).ok)) return;
  const key = (d: Diagnostic) => `${d.ruleId}\0${d.file}\0${d.start}\0${d.end}\0${d.message}`;
  const superseded = new Set([...workspace.cluster(specs).superseded].map(key));
  if (superseded.size > 0) run.reported = run.reported.filter((d) => !superseded.has(key(d)));
}

/**
 * Lints one plan. A main file: its configuration, every file it reads
 * reported (a file that looks like a fragment but has no owner gets its
 * unresolved references softened). A fragment: through each owner, only its
 * own findings and those elsewhere that it causes, fixes only in it.
 */
function lintPlan(plan: Plan, repo: Repository, workspace: Workspace, fixing: boolean, unsafe: boolean, stdin?: { path: string; text: string; named: boolean }): Run[] {
  const { target } = plan;
  const ignored = (p: string) => p !== target.path && workspace.ignoredBy(p) !== undefined;
  const initial = () => new Map(stdin && stdin.path === target.path ? [[stdin.path, stdin.text]] : []);
  // A pass of the fix loop over `main`: staged when fixing (the fixable rules first, Repository.lintForFixing).
  const passOf = (main: string): LintWith => (t, before) => (fixing ? repo.lintForFixing(main, t, unsafe, before) : repo.lint(main, t));
  if (plan.owners.length === 0) {
    const outcome = fixLoop(passOf(target.path), initial(), fixing, (p) => !ignored(p), unsafe, collectGarbage);
    const { result } = outcome;
    let reported = result.diagnostics.filter((d) => !ignored(d.file));
    // Standard input without a name is whatever the user says it is: a main configuration.
    const unnamedStdin = stdin?.path === target.path && !stdin.named;
    if (!unnamedStdin && looksLikeFragment(result, target.path)) reported = softenUnresolved(reported, (f) => outcome.texts.get(f) ?? result.files.get(f)?.text);
    return [{ target, main: target.path, ...outcome, reported, shown: [target.path, ...[...result.files.keys()].filter((p) => !ignored(p))] }];
  }
  const runs = plan.owners.map((owner): Run => {
    const outcome = fixLoop(passOf(owner), initial(), fixing, (p) => p === target.path, unsafe, collectGarbage);
    const without = hasFindingsElsewhere(outcome.result, target.path) ? repo.lint(owner, new Map([...outcome.texts, [target.path, ""]])) : undefined;
    const reported = fragmentFindings(outcome.result, target.path, without, rootRelative(target.path, repo.top)).filter((d) => !ignored(d.file));
    return { target, main: owner, ...outcome, reported, shown: [target.path, ...reported.map((d) => d.file)] };
  });
  // A finding that only some owners' configurations have says which (per-node main files differ).
  const key = (d: Diagnostic) => `${d.ruleId}\0${d.file}\0${d.start}\0${d.end}\0${d.message}`;
  const through = new Map<string, string[]>();
  for (const run of runs) for (const d of run.reported) through.set(key(d), [...(through.get(key(d)) ?? []), rootRelative(run.main, repo.top)]);
  for (const run of runs) {
    run.reported = run.reported.map((d) => {
      const owners = through.get(key(d))!;
      return owners.length === runs.length ? d : { ...d, message: `${d.message} (through ${owners.join(", ")})` };
    });
  }
  return runs;
}

/** A path for messages: relative to the repository's top, never an absolute path of this machine. */
function rootRelative(path: string, top: string): string {
  const rel = relative(top, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : basename(path);
}

/** One FileResult per file shown, findings deduplicated across runs sharing a file. */
function collect(runs: Run[], cwd: string, stdin?: { path: string; name: string }): FileResult[] {
  const files = new Map<string, { source?: SourceFile; diagnostics: Map<string, Diagnostic> }>();
  const entry = (path: string, source?: SourceFile) => {
    let e = files.get(path);
    if (!e) files.set(path, (e = { source, diagnostics: new Map() }));
    e.source ??= source;
    return e;
  };
  for (const run of runs) {
    for (const path of run.shown) entry(path, run.result.files.get(path));
    for (const d of run.reported) {
      const e = entry(d.file, run.result.files.get(d.file));
      e.diagnostics.set(`${d.ruleId}\0${d.start}\0${d.end}\0${d.message}`, d);
    }
  }
  const secrets = runs.flatMap((r) => secretsOf(r.result.ast));
  return sortResults(
    [...files].map(([path, e]) => {
      const messages = [...e.diagnostics.values()].map((d) => toMessage(d, e.source));
      return {
        filePath: path,
        displayPath: displayPath(path, cwd, stdin),
        // Code frames show the line of a finding: its secrets as asterisks (the same length, so the same lines).
        // Secrets name the file as the reader did: a host path read from the checkout (repository mode) is the source's own.
        source: e.source && maskSecrets(e.source.text, e.source.path, secrets),
        // The line table toMessage built (a file without findings is not scanned for one).
        ...(e.source && messages.length > 0 && { lineStarts: e.source.lineStarts }),
        messages,
      };
    }),
  );
}

/** Writes fixed files (--fix) or prints diffs (--fix-dry-run); fixed stdin goes to stdout. */
function writeFixes(runs: Run[], io: CliIo, flags: LintFlags, stdin?: { path: string; name: string }): void {
  const done = new Set<string>();
  let stdinWritten = false;
  for (const run of runs) {
    // A fragment on stdin linted through several owners is written back once (the first owner's fixes).
    if (stdin && run.target.path === stdin.path && flags.fix && !flags.fixDryRun && !stdinWritten) {
      io.stdout(run.texts.get(stdin.path) ?? "");
      stdinWritten = true;
    }
    for (const [path, before] of run.originals) {
      if (done.has(path)) continue;
      done.add(path);
      const after = run.texts.get(path) ?? before;
      const name = displayPath(path, io.cwd, stdin);
      if (flags.fixDryRun) {
        // Hunks from the fixes' edits when one pass made them all; else from the two texts.
        const edits = run.edits.get(path);
        const diff = edits ? diffOfChanges(before, lineChangesOfEdits(before, edits), `a/${name}`, `b/${name}`) : unifiedDiff(before, after, `a/${name}`, `b/${name}`);
        // A diff shows whole lines: a password next to a fix must not appear in it.
        io.stdout(scrubText(diff, run.secrets));
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
  if (!onDisk.equals(utf8Bytes(before))) {
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
