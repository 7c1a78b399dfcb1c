// Runs the built CLI with a wall-clock limit: a hardening case must finish in seconds, with a verdict.
import { spawnSync } from "node:child_process";
import { cliPath, repoRoot } from "../cli/helpers.js";

export interface TimedRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The CLI under a time limit and the 512 MB heap the budgets promise to stay within. */
export function runTimed(args: string[], opts: { cwd?: string; timeoutMs?: number; env?: Record<string, string> } = {}): TimedRun {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ["--max-old-space-size=512", cliPath, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
    encoding: "utf8",
    timeout: opts.timeoutMs ?? 30_000,
    maxBuffer: 256 * 1024 * 1024,
    input: "",
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms: Date.now() - t0 };
}
