/**
 * Subcommands of keepalived-lint. A front end adding a command (e.g. `format`)
 * writes src/<area>/…-command.ts exporting a `register(program, io, done)`
 * function and adds it to SUBCOMMANDS under its command name: `done(code)` sets
 * the exit code, a thrown UsageError exits 2 with one line, anything else exits 3.
 *
 * Each entry is loaded on demand: a plain lint never pays for the language
 * server, the formatter or the cluster analysis (start-up time is most of a
 * small lint). The names here must be the names the modules register; a CLI
 * test checks that `--help` lists exactly these.
 */
import type { Command } from "commander";
import type { CliIo } from "../io.js";

export type RegisterCommand = (program: Command, io: CliIo, done: (code: number) => void) => void;

export const SUBCOMMANDS: Readonly<Record<string, () => Promise<RegisterCommand>>> = {
  rules: async () => (await import("./rules.js")).registerRules,
  explain: async () => (await import("./explain.js")).registerExplain,
  parse: async () => (await import("./parse.js")).registerParse,
  cluster: async () => (await import("./cluster.js")).registerCluster,
  format: async () => (await import("./format.js")).registerFormat,
  lsp: async () => (await import("./lsp.js")).registerLsp,
};

/**
 * Does this command line need the subcommands registered? Only when one of its
 * words is a subcommand name (commander dispatches on the first operand, which
 * may follow options), or for help, which lists them. Over-matching (a file named
 * `rules`) only costs the loading time: commander still decides what runs.
 */
export function needsSubcommands(argv: readonly string[]): boolean {
  return argv.some((a) => Object.hasOwn(SUBCOMMANDS, a) || a === "-h" || a === "--help");
}
