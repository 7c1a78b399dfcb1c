// `keepalived-lint explain <id>`: a rule's documentation (docs/rules/<id>.md shipped with the package) in the terminal.
import { readFileSync } from "node:fs";
import { Chalk } from "chalk";
import type { Command } from "commander";
import { keywordChangesMarkdown, ruleVersions } from "../version-notes.js";
import { ALL_RULES, ruleById } from "../../../rules/index.js";
import { colorLevel } from "../color.js";
import { UsageError, type CliIo } from "../io.js";
import { ruleDocsFile } from "../package-info.js";
import { unknownRule } from "../../workspace/settings.js";

export function registerExplain(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command("explain")
    .description("print a rule's documentation")
    .argument("<id>", "rule id (see: keepalived-lint rules)")
    .action((id: string) => {
      const rule = ruleById(id);
      if (!rule) throw new UsageError(unknownRule(id, ALL_RULES.map((r) => r.meta.id)));
      let text: string;
      try {
        text = readFileSync(ruleDocsFile(id), "utf8");
      } catch (e) {
        throw new UsageError(`cannot read the documentation of ${id}: ${(e as Error).message}`);
      }
      // Which releases the rule runs for, under the title; the version rule also lists what changed when.
      if (rule.meta.targetVersions) text = text.replace(/^(# .*\n)/, `$1\nRuns for keepalived ${ruleVersions(rule.meta)}.\n`);
      if (id === "unsupported-in-target-version") text = text.replace(/\n*$/, "\n") + keywordChangesMarkdown();
      const parent = program.opts<{ color?: boolean }>();
      io.stdout(render(text, colorLevel(parent.color, io.env, io.stdoutIsTTY)));
      done(0);
    });
}

/** Light markdown for a terminal: bold headings, code blocks and `code` in colour; text unchanged otherwise. */
export function render(markdown: string, level: 0 | 1 | 2 | 3): string {
  if (level === 0) return markdown.endsWith("\n") ? markdown : markdown + "\n";
  const c = new Chalk({ level });
  let inCode = false;
  const out = markdown.split("\n").map((line) => {
    if (line.startsWith("```")) {
      inCode = !inCode;
      return c.dim(line);
    }
    if (inCode) return c.cyan(line);
    if (/^#{1,6} /.test(line)) return c.bold.underline(line.replace(/^#+ /, ""));
    return line.replace(/`([^`]+)`/g, (_, code: string) => c.cyan(code));
  });
  return out.join("\n").replace(/\n*$/, "\n");
}
