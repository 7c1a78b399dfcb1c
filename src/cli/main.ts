#!/usr/bin/env node
// The keepalived-lint executable: wires run() to the process.
import module from "node:module";

// Node 22+ can cache compiled code between runs (as tsc does); it must be on before the CLI's modules load.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
let run: typeof import("./run.js").run;
try {
  ({ run } = await import("./run.js"));
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
