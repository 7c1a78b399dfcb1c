/**
 * A lint of a large configuration runs in a child Node whose young
 * generation is small (--max-semi-space-size=2). Most of what a lint
 * allocates stays alive to the end (the tree's views, the findings), so
 * V8's default 16 MB semi-spaces only copy it around before promoting it:
 * on the 498,004-line benchmark file a small young generation takes the
 * peak from 260-290 MB to 232-247 MB, for ~5% more CPU time (issue 21's
 * lint target is < 250 MB). The flag is V8's, read when the heap is made,
 * hence the child; a small file never pays for one (its lint is shorter
 * than a second Node's start). Only a report is made this way: --fix,
 * --fix-dry-run and `format` are well within their memory target and ~8%
 * slower with a small young generation, and `parse --json` (whose strings
 * die young) is slower still.
 */
import { statSync } from "node:fs";

/** Set in the child (and by anyone who wants the lint to stay in this process). */
const IN_CHILD = "KEEPALIVED_LINT_NO_RESPAWN";
/** Bytes of the files named on the command line from which a child is worth its start. */
const LARGE_INPUT_BYTES = 8 * 1024 * 1024;
/** Subcommands and flags that keep one process. */
const LEAVE_ALONE = new Set(["parse", "lsp", "rules", "explain", "format"]);
const FIXING = new Set(["--fix", "--fix-dry-run"]);

/**
 * Runs this command in a tuned child when its files are large: true when it
 * did (process.exitCode is then the child's), false when the caller should
 * run it here.
 */
export function runLargeInputInChild(args: readonly string[]): boolean {
  if (process.env[IN_CHILD] !== undefined || LEAVE_ALONE.has(args[0] ?? "") || args.some((a) => FIXING.has(a))) return false;
  let bytes = 0;
  for (const arg of args) {
    if (arg.startsWith("-")) continue;
    try {
      const st = statSync(arg);
      if (st.isFile()) bytes += st.size;
    } catch {
      // Not a file (a flag's value, a glob, a directory, a typo): the lint says what it is.
    }
  }
  if (bytes < LARGE_INPUT_BYTES) return false;
  // Loaded only here: most lints never start a process.
  const { spawnSync } = process.getBuiltinModule("node:child_process");
  const r = spawnSync(process.execPath, [...process.execArgv, "--max-semi-space-size=2", process.argv[1]!, ...args], {
    stdio: "inherit",
    env: { ...process.env, [IN_CHILD]: "1" },
  });
  // No child (no such executable, no memory for a process): lint here after all.
  if (r.error !== undefined && r.pid === 0) return false;
  if (r.signal) {
    process.kill(process.pid, r.signal);
    // A signal this process ignores: still not a success.
    process.exitCode = 3;
    return true;
  }
  process.exitCode = r.status ?? 3;
  return true;
}
