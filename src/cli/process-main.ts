// Wires a run() to this process: arguments, standard streams and the exit code.
import { fstatSync, statSync } from "node:fs";
import { decodeConfig } from "../node/decode.js";
import type { CliIo } from "./io.js";
import { writeAll, writeAllBytes } from "./write-all.js";

export type RunCli = (argv: string[], io: CliIo) => Promise<number>;

export async function runProcess(load: () => Promise<RunCli>): Promise<void> {
  let run: RunCli;
  try {
    run = await load();
  } catch (e) {
    // A broken installation is an internal error too (exit 3), not a bare stack trace with exit 1.
    writeAll(2, `keepalived-lint: internal error: cannot load the linter: ${(e as Error).message}\n`);
    process.exit(3);
  }

  const stdoutIsTTY = isTerminal(1);
  const code = await run(process.argv.slice(2), {
    stdout: (s) => writeAll(1, s),
    stdoutBytes: (b) => writeAllBytes(1, b),
    stderr: (s) => writeAll(2, s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return decodeConfig(Buffer.concat(chunks)).text;
    },
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY,
    stdinIsTTY: isTerminal(0),
    // Only a terminal has columns; asking costs the tty stream, which a pipe need not load.
    stdoutColumns: stdoutIsTTY ? process.stdout.columns : undefined,
  });
  process.exitCode = code;
  // The report is written (synchronously, writeAll) and nothing else is pending: exit now rather
  // than let Node free the heap page by page first, a few milliseconds of a small lint. The
  // language server (`keepalived-lint lsp`) keeps its streams open and so keeps running.
  if (process.getActiveResourcesInfo().length === 0) process.exit(code);
}

/**
 * Is this descriptor a terminal? Pipes, files and /dev/null (where CI and
 * scripts send output) are told apart by fstat, without loading node:tty
 * (~10 ms: it brings net and stream along).
 */
function isTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    if (!st.isCharacterDevice() || st.rdev === devNullRdev()) return false;
  } catch {
    return false;
  }
  return (process.getBuiltinModule("node:tty") as typeof import("node:tty")).isatty(fd);
}

/** The device number of /dev/null (-1 where there is none, e.g. Windows). */
function devNullRdev(): number {
  try {
    return statSync("/dev/null").rdev;
  } catch {
    return -1;
  }
}
