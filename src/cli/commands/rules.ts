// `keepalived-lint rules`: every built-in rule with its default severity, category and whether --fix can fix it.
import type { Command } from "commander";
import { ALL_RULES } from "../../../rules/index.js";
import type { CliIo } from "../io.js";

export function rulesTable(): string {
  const header = ["id", "severity", "category", "fixable", "description"];
  const rows = ALL_RULES.map((r) => [r.meta.id, r.meta.severity, r.meta.category, r.meta.fixable ? "yes" : "no", r.meta.description]);
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join("  ");
  return [line(header), ...rows.map(line)].join("\n") + "\n";
}

export function registerRules(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command("rules")
    .description("list the built-in rules (id, default severity, category, fixable, description)")
    .option("--json", "print the rules' metadata as JSON")
    .action((opts: { json?: boolean }) => {
      io.stdout(opts.json ? JSON.stringify(ALL_RULES.map((r) => r.meta), null, 2) + "\n" : rulesTable());
      done(0);
    });
}
