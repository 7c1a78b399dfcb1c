// `keepalived-lint rules`: every built-in rule with its default severity, category and whether --fix can fix it.
import type { Command } from "commander";
import { ALL_RULES } from "../../../rules/index.js";
import { appliesTo } from "../../engine/linter.js";
import type { CliIo } from "../io.js";
import { parseTargetVersion } from "../settings.js";
import { ruleVersions } from "../version-notes.js";

/** The rules table; with a target, only the rules that run for that keepalived release. */
export function rulesTable(target?: string): string {
  const header = ["id", "severity", "category", "fixable", "keepalived", "description"];
  const rules = target === undefined ? ALL_RULES : ALL_RULES.filter((r) => appliesTo(r.meta, target));
  const rows = rules.map((r) => [r.meta.id, r.meta.severity, r.meta.category, r.meta.fixable ? "yes" : "no", ruleVersions(r.meta), r.meta.description]);
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]) : c)).join("  ");
  return [line(header), ...rows.map(line)].join("\n") + "\n";
}

export function registerRules(program: Command, io: CliIo, done: (code: number) => void): void {
  program
    .command("rules")
    .description("list the built-in rules (id, default severity, category, fixable, description)")
    .option("--json", "print the rules' metadata as JSON")
    .option("--target-version <version>", "only the rules that run for this keepalived release")
    .action((opts: { json?: boolean; targetVersion?: string }) => {
      // The main command has --target-version too; commander may hand the value to it.
      const given = opts.targetVersion ?? program.opts<{ targetVersion?: string }>().targetVersion;
      const target = given === undefined ? undefined : parseTargetVersion(given);
      const metas = ALL_RULES.filter((r) => target === undefined || appliesTo(r.meta, target)).map((r) => r.meta);
      io.stdout(opts.json ? JSON.stringify(metas, null, 2) + "\n" : rulesTable(target));
      done(0);
    });
}
