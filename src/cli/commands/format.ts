/**
 * `keepalived-lint format [--check|--write|--diff] [paths...]`: the formatter
 * (src/format) on files, directories, globs or stdin (`-`, or no path).
 *  - default: print the formatted text;
 *  - --check: list files that are not formatted, exit 1 if any;
 *  - --write: rewrite files that change (stdin: print);
 *  - --diff: print a unified diff, exit 1 if anything would change.
 * Indentation: --indent, else the workspace's settings ("format.indent" of the nearest .keepalived-lint.json), else 4.
 * Register with SUBCOMMANDS in src/cli/commands/index.ts.
 */
import { readFileSync } from "node:fs";
import { writeFileAtomic, WriteRefused } from "../../node/write.js";
import { resolve } from "node:path";
import type { Command } from "commander";
import { ConfigError } from "../../engine/config.js";
import { format, formatChanges, formatTemplateText, type FormatOptions } from "../../formatter/index.js";
import { detectEngine, ENGINE_NAMES } from "../../../grammar/template/index.js";
import { diffChunksOfChanges } from "../change-diff.js";
import { unifiedDiff } from "../diff.js";
import { EXIT, UsageError, type CliIo } from "../io.js";
import { displayPath } from "../results.js";
import { expandTargets } from "../targets.js";
import { workspaceFor } from "../settings.js";

interface FormatFlags {
  check?: boolean;
  write?: boolean;
  diff?: boolean;
  indent?: string;
  stdinFilename?: string;
  config?: string | false;
}

function parseIndent(value: string): number | "tab" {
  if (value === "tab") return "tab";
  if (/^\d+$/.test(value) && Number(value) <= 64) return Number(value);
  throw new UsageError(`--indent: expected a number of spaces (0-64) or "tab", got "${value}"`);
}

/**
 * The file's text so that writing it back keeps every byte: UTF-8 when it is
 * valid UTF-8, else Latin-1 (one char per byte; the formatter only moves blanks).
 */
function readKeepingBytes(path: string): { text: string; encoding: "utf8" | "latin1" } {
  const bytes = readFileSync(path);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "utf8" };
  } catch {
    return { text: bytes.toString("latin1"), encoding: "latin1" };
  }
}

export function registerFormat(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command("format")
    .description("rewrite configs in the canonical layout (what keepalived reads does not change)")
    .argument("[paths...]", "files, directories (*.conf), globs, - for stdin (default: stdin)")
    .option("--check", "exit 1 and list the files that are not formatted")
    .option("--write", "rewrite the files in place")
    .option("--diff", "print a unified diff; exit 1 if a file would change")
    .option("--indent <n|tab>", "spaces per level or tab (default: .keepalived-lint.json format.indent, else 4)")
    .option("--stdin-filename <path>", "name of the config read from stdin (for messages and .keepalived-lint.json lookup)")
    .option("-c, --config <file>", "settings file to use")
    .option("--no-config", "ignore .keepalived-lint.json files")
    .action(async (paths: string[], flags: FormatFlags) => {
      if ([flags.check, flags.write, flags.diff].filter(Boolean).length > 1) throw new UsageError("use one of --check, --write, --diff");
      const workspace = workspaceFor({ config: flags.config }, io);
      const fs = workspace.fs;
      const fixedIndent = flags.indent !== undefined ? parseIndent(flags.indent) : undefined;
      const optionsFor = (file: string): FormatOptions => {
        if (fixedIndent !== undefined) return { indent: fixedIndent };
        try {
          return workspace.settingsFor(file).format;
        } catch (e) {
          throw new UsageError(e instanceof ConfigError ? e.message : String(e));
        }
      };

      let changed = 0;
      let refused = 0;
      const handle = (name: string, text: string, options: FormatOptions, write?: (out: string) => void, path?: string) => {
        // A template is only re-indented, never split, joined or changed in a tag (src/formatter/template.ts).
        const engine = detectEngine(path ?? name, text);
        if (flags.diff && !engine) {
          // The hunks from the lines the formatter replaces: the formatted text is never made, nor compared whole.
          // Should the formatter fail, format() leaves the text alone: no diff either.
          let ok = true;
          const diff = diffChunksOfChanges(text, (changed) => (ok = formatChanges(text, options, changed)), `a/${name}`, `b/${name}`);
          if (!ok) return;
          if (diff.length > 0) changed++;
          for (const chunk of diff) io.stdout(chunk);
          return;
        }
        let out: string;
        if (engine) {
          const r = formatTemplateText(text, { ...options, template: engine });
          if (r.refused) io.stderr(`${name}: ${ENGINE_NAMES[engine]} template left as it is: ${r.refused}\n`);
          out = r.text;
        } else out = format(text, options);
        if (out !== text) changed++;
        if (flags.check) {
          if (out !== text) io.stderr(`${name}: not formatted\n`);
        } else if (flags.diff) {
          io.stdout(unifiedDiff(text, out, `a/${name}`, `b/${name}`));
        } else if (flags.write && write) {
          if (out !== text) write(out);
        } else {
          io.stdout(out);
        }
      };

      const stdinOnly = paths.length === 0 || (paths.length === 1 && paths[0] === "-");
      if (stdinOnly) {
        if (paths.length === 0 && io.stdinIsTTY) {
          throw new UsageError("format: no input: name files, directories or globs, or pipe a config in (keepalived-lint format - < keepalived.conf)");
        }
        const name = flags.stdinFilename ?? "<stdin>";
        handle(name, await io.readStdin(), optionsFor(resolve(io.cwd, flags.stdinFilename ?? "stdin.conf")));
      } else {
        if (paths.includes("-")) throw new UsageError("- (stdin) cannot be mixed with paths");
        for (const t of expandTargets(fs, paths, io.cwd)) {
          const { text, encoding } = readKeepingBytes(t.path);
          handle(displayPath(t.path, io.cwd), text, optionsFor(t.path), (out) => {
            try {
              writeFileAtomic(t.path, out, encoding);
            } catch (e) {
              if (!(e instanceof WriteRefused)) throw e;
              io.stderr(`keepalived-lint: ${e.message}\n`);
              refused++;
            }
          }, t.path);
        }
      }
      if (flags.check && changed === 0) io.stderr("all files formatted\n");
      done(refused > 0 ? EXIT.usage : (flags.check || flags.diff) && changed > 0 ? EXIT.problems : EXIT.ok);
    });
}
