/**
 * --baseline, --write-baseline and --prune-baseline: the file I/O around
 * src/engine/baseline.ts. Paths in the file are relative to its directory,
 * so the baseline can be committed next to the configs and used from
 * anywhere.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { applyBaseline, createBaseline, parseBaseline, serializeBaseline, type BaselineFile } from "../engine/baseline.js";
import type { FileResult, Message } from "../reporters/types.js";
import { UsageError, type CliIo } from "./io.js";

export interface BaselineFlags {
  baseline?: string;
  writeBaseline?: string;
  pruneBaseline?: boolean;
}

export function checkBaselineFlags(flags: BaselineFlags): void {
  if (flags.writeBaseline !== undefined && flags.baseline !== undefined) {
    throw new UsageError("--write-baseline records every finding anew: give it without --baseline (--prune-baseline drops what no longer occurs)");
  }
  if (flags.pruneBaseline && flags.baseline === undefined) throw new UsageError("--prune-baseline needs --baseline FILE (the baseline to prune)");
}

/**
 * Writes or applies the baseline; returns the results to report (with a
 * freshly written baseline: none, everything is in it).
 */
export function withBaseline(results: FileResult[], flags: BaselineFlags, io: CliIo): FileResult[] {
  if (flags.writeBaseline !== undefined) {
    const path = resolve(io.cwd, flags.writeBaseline);
    const baseline = createBaseline(keyed(results, path));
    write(path, flags.writeBaseline, serializeBaseline(baseline));
    const n = results.reduce((k, r) => k + r.messages.length, 0);
    io.stderr(`keepalived-lint: recorded ${n} ${n === 1 ? "finding" : "findings"} in ${flags.writeBaseline}; lint with --baseline ${flags.writeBaseline} to see only new ones\n`);
    return results.map((r) => ({ ...r, messages: [] }));
  }
  if (flags.baseline === undefined) return results;
  const path = resolve(io.cwd, flags.baseline);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read baseline ${flags.baseline}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file (create it with --write-baseline)" : (e as Error).message}`);
  }
  let baseline;
  try {
    baseline = parseBaseline(text);
  } catch (e) {
    throw new UsageError(`baseline ${flags.baseline}: ${(e as Error).message}`);
  }
  const outcome = applyBaseline(baseline, keyed(results, path));
  if (flags.pruneBaseline) {
    write(path, flags.baseline, serializeBaseline(outcome.pruned));
    if (outcome.stale > 0) io.stderr(`keepalived-lint: pruned ${outcome.stale} ${outcome.stale === 1 ? "finding" : "findings"} that no longer occur from ${flags.baseline}\n`);
  } else if (outcome.stale > 0) {
    io.stderr(`keepalived-lint: ${outcome.stale} ${outcome.stale === 1 ? "finding" : "findings"} in ${flags.baseline} no longer occur (drop them with --prune-baseline)\n`);
  }
  return results.map((r, i) => ({ ...r, messages: outcome.fresh[i] }));
}

/** The results with their paths relative to the baseline's directory, `/`-separated. */
function keyed(results: FileResult[], baselinePath: string): BaselineFile<Message>[] {
  const base = dirname(baselinePath);
  return results.map((r) => {
    const rel = relative(base, r.filePath);
    const file = isAbsolute(rel) ? r.filePath : rel.split(sep).join("/");
    return { file, source: r.source, findings: r.messages.map((m) => m) };
  });
}

function write(path: string, shown: string, text: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new UsageError(`cannot write baseline ${shown}: ${(e as Error).message}`);
  }
}
