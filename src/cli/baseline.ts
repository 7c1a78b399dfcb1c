/**
 * --baseline, --write-baseline, --prune-baseline and the "baseline" setting:
 * the file I/O around src/engine/baseline.ts. Paths in the file are relative
 * to its directory, so the baseline can be committed next to the configs and
 * used from anywhere.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { applyBaseline, createBaseline, parseBaseline, serializeBaseline, type BaselineFile } from "../engine/baseline.js";
import type { FileResult, Message } from "../reporters/types.js";
import { UsageError, type CliIo } from "./io.js";
import { displayPath } from "./results.js";

export interface BaselineFlags {
  /** A file; `false` (--no-baseline) ignores the "baseline" setting. */
  baseline?: string | false;
  /** A file; `true` (no file given) writes the file the "baseline" setting names. */
  writeBaseline?: string | true;
  pruneBaseline?: boolean;
}

/** The baseline file the settings name for a file (absolute), if any. */
export type BaselineSetting = (filePath: string) => string | undefined;

export function checkBaselineFlags(flags: BaselineFlags): void {
  if (flags.writeBaseline !== undefined && typeof flags.baseline === "string") {
    throw new UsageError("--write-baseline records every finding anew: give it without --baseline (--prune-baseline drops what no longer occurs)");
  }
  if (flags.pruneBaseline && flags.baseline === false) throw new UsageError("--prune-baseline needs a baseline to prune, not --no-baseline");
}

/**
 * Writes or applies the baselines; returns the results to report. Each file's
 * findings go to the baseline given on the command line, else to the one its
 * settings name (files under no such setting are reported in full).
 */
export function withBaseline(results: FileResult[], flags: BaselineFlags, io: CliIo, setting: BaselineSetting): FileResult[] {
  const given = (f: string | true | false | undefined) => (typeof f === "string" ? resolve(io.cwd, f) : undefined);
  const writing = flags.writeBaseline !== undefined;
  const explicit = writing ? given(flags.writeBaseline) : given(flags.baseline);
  const useSetting = flags.baseline !== false && explicit === undefined;
  const groups = new Map<string, number[]>();
  results.forEach((r, i) => {
    const path = explicit ?? (useSetting ? setting(r.filePath) : undefined);
    if (path === undefined) return;
    const group = groups.get(path);
    if (group) group.push(i);
    else groups.set(path, [i]);
  });
  if (groups.size === 0) {
    if (writing || flags.pruneBaseline) {
      throw new UsageError(`${writing ? "--write-baseline" : "--prune-baseline"} needs a baseline file: give one${writing ? "" : " with --baseline"}, or set "baseline" in .keepalived-lint.json`);
    }
    return results;
  }
  const out = [...results];
  for (const [path, indices] of groups) {
    const shown = displayPath(path, io.cwd);
    const mine = indices.map((i) => results[i]);
    if (writing) {
      refuseToOverwriteOther(path, shown);
      write(path, shown, serializeBaseline(createBaseline(keyed(mine, path))));
      const n = mine.reduce((k, r) => k + r.messages.length, 0);
      io.stderr(`keepalived-lint: recorded ${n} ${n === 1 ? "finding" : "findings"} in ${shown}; lint with --baseline ${shown} to see only new ones\n`);
      for (const i of indices) out[i] = { ...results[i], messages: [] };
      continue;
    }
    const outcome = applyBaseline(read(path, shown), keyed(mine, path));
    const gone = `${outcome.stale} ${outcome.stale === 1 ? "finding" : "findings"}`;
    if (flags.pruneBaseline) {
      write(path, shown, serializeBaseline(outcome.pruned));
      if (outcome.stale > 0) io.stderr(`keepalived-lint: pruned ${gone} that no longer occur from ${shown}\n`);
    } else if (outcome.stale > 0) {
      io.stderr(`keepalived-lint: ${gone} in ${shown} no longer occur (drop them with --prune-baseline)\n`);
    }
    indices.forEach((i, k) => (out[i] = { ...results[i], messages: outcome.fresh[k] }));
  }
  return out;
}

function read(path: string, shown: string) {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read baseline ${shown}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file (create it with --write-baseline)" : (e as Error).message}`);
  }
  try {
    return parseBaseline(text);
  } catch (e) {
    throw new UsageError(`baseline ${shown}: ${(e as Error).message}`);
  }
}

/** `--write-baseline keepalived.conf` (the file taken for the baseline's name) must not overwrite a config. */
function refuseToOverwriteOther(path: string, shown: string): void {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return;
  }
  try {
    parseBaseline(text);
  } catch {
    throw new UsageError(`--write-baseline: ${shown} exists and is not a baseline; not overwriting it (give the baseline file right after --write-baseline)`);
  }
}

/** The results with their paths relative to the baseline's directory, `/`-separated. */
function keyed(results: FileResult[], baselinePath: string): BaselineFile<Message>[] {
  const base = dirname(baselinePath);
  return results.map((r) => {
    const rel = relative(base, r.filePath);
    const file = isAbsolute(rel) ? r.filePath : rel.split(sep).join("/");
    return { file, source: r.source, findings: r.messages };
  });
}

function write(path: string, shown: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`cannot write baseline ${shown}: ${(e as Error).message}`);
  }
}
