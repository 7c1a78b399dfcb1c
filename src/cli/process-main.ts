// Wires a run() to this process: arguments, standard streams and the exit code.
import type { CliIo } from "./io.js";

export type RunCli = (argv: string[], io: CliIo) => Promise<number>;

export async function runProcess(load: () => Promise<RunCli>): Promise<void> {
  let run: RunCli;
  try {
    run = await load();
  } catch (e) {
    // A broken installation is an internal error too (exit 3), not a bare stack trace with exit 1.
    process.stderr.write(`keepalived-lint: internal error: cannot load the linter: ${(e as Error).message}\n`);
    process.exit(3);
  }

  // A closed pipe (`keepalived-lint … | head`) is not an error worth a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  });

  const code = await run(process.argv.slice(2), {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return new TextDecoder("utf-8", { ignoreBOM: true }).decode(Buffer.concat(chunks));
    },
    env: process.env,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
  });
  process.exitCode = code;
}
