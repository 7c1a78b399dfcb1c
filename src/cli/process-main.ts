// Wires a run() to this process: arguments, standard streams and the exit code.
import { fstatSync, statSync, writeSync } from "node:fs";
import { decodeConfig } from "../node/decode.js";
import type { CliIo } from "./io.js";

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
 * Writes straight to the descriptor. The report is written once, at the end,
 * so nothing is gained from Node's stream for stdout, which costs a lint
 * ~10 ms to set up (it loads net, stream and tty). The descriptor is in
 * blocking mode unless some other process made it non-blocking: then wait
 * for room (EAGAIN).
 */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, "utf8");
  for (let at = 0; at < bytes.length;) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") Atomics.wait(PAUSE, 0, 0, 1);
      // A closed pipe (`keepalived-lint … | head`) is not an error worth a stack trace:
      // the reader has all it wants, and the exit code still tells the lint's outcome.
      else if (code === "EPIPE") return;
      else throw e;
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

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
