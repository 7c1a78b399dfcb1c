import { execFile } from "node:child_process";

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command without a shell and never rejects: failures come back as a
 * non-zero code, so callers can decide whether a failure matters (cleanup
 * usually does not care).
 */
export function run(file: string, args: string[], timeoutMs = 10_000): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: timeoutMs, encoding: "utf8" }, (error, stdout, stderr) => {
      let code = 0;
      if (error) code = typeof error.code === "number" ? error.code : 127;
      resolve({ code, stdout: stdout ?? "", stderr: stderr ?? String(error?.message ?? "") });
    });
  });
}

/** Like run, but rejects with the command and its stderr when it fails. */
export async function must(file: string, args: string[], timeoutMs = 10_000): Promise<string> {
  const r = await run(file, args, timeoutMs);
  if (r.code !== 0) throw new Error(`${file} ${args.join(" ")} failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
