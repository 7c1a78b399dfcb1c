// The command-line interface: options, help text and subcommands (commander).
import { Command, CommanderError, Option } from "commander";
import { FORMAT_NAMES } from "../reporters/load.js";
import { lintCommand, DEFAULT_CONFIG, LINT_DEFAULTS, type LintFlags } from "./commands/lint.js";
import { needsSubcommands, SUBCOMMANDS } from "./commands/index.js";
import type { CliIo } from "./io.js";
import { packageInfo } from "./package-info.js";

const EXAMPLES = `
Examples:
  keepalived-lint                                  lint ${DEFAULT_CONFIG}
  keepalived-lint /etc/keepalived/                 lint every *.conf in a directory (recursively)
  keepalived-lint --root . keepalived.conf         read /etc/... includes from this checkout
  keepalived-lint 'nodes/*.conf' -f compact        a glob, one finding per line
  keepalived-lint --fix keepalived.conf            apply safe fixes in place
  keepalived-lint --fix-dry-run keepalived.conf    show the fixes as a diff
  keepalived-lint --fix --unsafe-fixes keepalived.conf   also apply the suggestions
  cat keepalived.conf | keepalived-lint - --stdin-filename /etc/keepalived/keepalived.conf
  keepalived-lint -f sarif -o results.sarif .      for GitHub code scanning
  keepalived-lint --rule line-too-long:off --max-warnings 0 keepalived.conf
  keepalived-lint roles/lb/templates/keepalived.conf.j2   lint a template (Jinja2, Go, ERB, EPP, Mustache, Terraform)
  keepalived-lint --write-baseline baseline.json /etc/keepalived/   record today's findings
  keepalived-lint --baseline baseline.json /etc/keepalived/         then report only new ones
  keepalived-lint --exit-like-keepalived keepalived.conf   fail exactly when keepalived -t would
  keepalived-lint rules                            list the rules
  keepalived-lint explain nopreempt-weighted-tracking

Exit status: 0 no errors (and warnings within --max-warnings), 1 errors or too
many warnings, 2 usage, configuration or I/O error, 3 internal error.
Documentation: docs/cli.md`;

/** Builds the program for this command line; `done` receives the exit code of whichever command ran. */
export async function createProgram(argv: readonly string[], io: CliIo, done: (code: number) => void): Promise<Command> {
  const program = new Command("keepalived-lint");
  program
    .description("Lint keepalived configuration: files, directories (their *.conf files), globs, or - for stdin.")
    .usage("[options] [paths...]")
    .argument("[paths...]", `config files, directories, globs, or - (default: ${DEFAULT_CONFIG})`)
    .addOption(new Option("-f, --format <name>", "output format").choices(FORMAT_NAMES).default(LINT_DEFAULTS.format))
    .option("-o, --output-file <path>", "write the report to a file instead of stdout")
    .option("--stdin-filename <path>", "path of the config read from - (includes resolve relative to it)")
    .option("-c, --config <file>", "use this .keepalived-lint.json instead of searching upward")
    .option("--no-config", "ignore .keepalived-lint.json files")
    .option("--rule <id:severity>", "set a rule's severity: error, warning, info or off (repeatable)", (v: string, acc: string[]) => [...acc, v], [...LINT_DEFAULTS.rule])
    .option("--target-version <version>", "keepalived release the config is for: 2.0.19 to 2.4.3 (X.Y or X.Y.Z), HEAD or newest (default: .keepalived-lint.json, else the installed keepalived, else newest)")
    .option("--root <dir>", "read absolute include paths from this checkout directory (DIR stands for /; /etc/keepalived=DIR for a prefix); repeatable", (v: string, acc: string[] = []) => [...acc, v])
    .option("--config-id <id>", "config id selecting @id lines (default: this host's short name)")
    .option("--print-config <file>", "print the settings that apply to a file, then exit")
    .option("--template <engine>", "read the files as templates of jinja, go, erb, epp, mustache, terraform or envsubst; auto (by name and content, the default) or off; directories then include template names")
    .option("--template-vars <file>", "YAML or JSON file of template variables (Ansible host_vars): lint one rendering (simple {{ var }} tags and conditionals on them rendered), findings on the template's lines; cluster takes one per node ([ID=]FILE, repeatable)", (v: string, acc: string[] = []) => [...acc, v])
    .option("--fix", "apply safe fixes to the files")
    .option("--fix-dry-run", "print the safe fixes as a unified diff; change nothing")
    .option("--unsafe-fixes", "with --fix or --fix-dry-run: also apply suggestions, which change behaviour on purpose (each finding says how)")
    .option("--exit-like-keepalived", "exit 1 exactly when keepalived -t (of --target-version) would exit non-zero for reasons that do not depend on the host; severities then do not decide the exit status")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this", (v: string) => (/^-?\d+$/.test(v) ? Number(v) : Number.NaN))
    .option("--baseline <file>", "report only findings not recorded in this baseline file (default: the \"baseline\" setting)")
    .option("--no-baseline", "report every finding, whatever the \"baseline\" setting says")
    .option("--write-baseline [file]", "record every finding in a baseline file (default: the \"baseline\" setting's), to adopt the linter on existing configs")
    .option("--prune-baseline", "drop the baseline's entries that no longer occur from its file")
    .option("--max-expanded-lines <n>", "lines one line may expand to through definitions and loops (default 40000; docs/limits.md)", (v: string) => (/^\d+$/.test(v) ? Number(v) : Number.NaN))
    .option("--report-unused-disable-directives", "report suppression comments that suppress nothing")
    .option("--color", "colour the output even when it is not a terminal")
    .option("--no-color", "never colour the output")
    .option("-V, --version", "print the version and the keepalived versions known to the schema")
    .addHelpText("after", EXAMPLES)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`keepalived-lint: ${s.replace(/^error: /, "")}`),
    })
    .action(async (paths: string[], flags: LintFlags & { version?: boolean }) => {
      if (flags.version) {
        const { KNOWN_VERSIONS } = await import("../../grammar/schema/index.js");
        io.stdout(`keepalived-lint ${packageInfo().version}\nkeepalived versions known to the schema: ${KNOWN_VERSIONS[0]} to ${KNOWN_VERSIONS.at(-2)} (every release), and HEAD\n`);
        done(0);
        return;
      }
      done(await lintCommand(paths, flags, io));
    });
  if (needsSubcommands(argv)) {
    for (const register of await Promise.all(Object.values(SUBCOMMANDS).map((load) => load()))) register(program, io, done);
  }
  // Subcommands report usage errors the same way as the main command.
  for (const sub of program.commands) {
    sub.exitOverride().configureOutput(program.configureOutput());
  }
  return program;
}

export { CommanderError };
