/**
 * Runs the command line and maps every outcome to an exit code:
 * 0/1 from the lint result, 2 for usage, configuration and I/O errors (one
 * line, no stack), 3 for anything unexpected (a bug: the stack is printed
 * only with KEEPALIVED_LINT_DEBUG=1).
 */
import { ConfigError } from "../engine/config.js";
import { EXIT, UsageError, type CliIo } from "./io.js";
import { lintCommand, LINT_DEFAULTS } from "./commands/lint.js";
import { needsSubcommands } from "./commands/index.js";

export async function run(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  let cli: typeof import("./program.js") | undefined;
  try {
    if (onlyPaths(argv)) return await lintCommand([...argv], { ...LINT_DEFAULTS, rule: [...LINT_DEFAULTS.rule] }, io);
    cli = await import("./program.js");
    const program = await cli.createProgram(argv, io, (c) => (code = c));
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (cli && e instanceof cli.CommanderError) {
      // --help and --version print and exit 0; any other commander error is wrong usage (already printed).
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError || e instanceof ConfigError) {
      io.stderr(`keepalived-lint: ${e.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`keepalived-lint: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    if (io.env.KEEPALIVED_LINT_DEBUG) io.stderr(`${(e as Error)?.stack ?? ""}\n`);
    else io.stderr("keepalived-lint: this is a bug; please report it (set KEEPALIVED_LINT_DEBUG=1 to see the stack)\n");
    return EXIT.internal;
  }
}

/** A command line of paths alone (no option, no subcommand): the lint with every option at its default, without building commander's program. */
function onlyPaths(argv: readonly string[]): boolean {
  return !needsSubcommands(argv) && argv.every((a) => !a.startsWith("-"));
}
