// `keepalived-lint rules`: every built-in rule with its default severity, category and whether --fix can fix it
// (yes: every finding; some: some kinds of finding; no).
import type { Command } from "commander";
import { ALL_RULES } from "../../../rules/index.js";
import { appliesTo } from "../../engine/linter.js";
import { padTo, wrap } from "../../reporters/wrap.js";
import { outputWidth, type CliIo } from "../io.js";
import { parseTargetVersion } from "../settings.js";
import { ruleVersions } from "../version-notes.js";

/** Narrowest description column worth wrapping into; a narrower terminal gets each description under its row. */
const MIN_DESCRIPTION_WIDTH = 30;
const UNDER = "    ";

/**
 * The table, one rule a row; with a target, only the rules that run for that
 * keepalived release. Given a width (a terminal's), the description column
 * wraps to fit it — or, on a terminal too narrow for a column, goes under its
 * row, indented; without a width each rule is a single line, for grep.
 */
export function rulesTable(width?: number, target?: string): string {
  const header = ["id", "severity", "category", "fixable", "keepalived", "description"];
  const rules = target === undefined ? ALL_RULES : ALL_RULES.filter((r) => appliesTo(r.meta, target));
  const rows = rules.map((r) => [r.meta.id, r.meta.severity, r.meta.category, r.meta.fixable === "some" ? "some" : r.meta.fixable ? "yes" : "no", ruleVersions(r.meta), r.meta.description]);
  const widths = header.slice(0, -1).map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const indent = widths.reduce((a, w) => a + w + 2, 0);
  const room = width === undefined ? Infinity : width - indent;
  const lines: string[] = [];
  if (width !== undefined && room < MIN_DESCRIPTION_WIDTH) {
    // Columns aligned while they fit; on a terminal narrower than the longest ids, just separated.
    const aligned = indent - 2 <= width;
    for (const cells of [header, ...rows]) {
      const row = cells.slice(0, -1).map((c, i) => (aligned ? padTo(c, widths[i]) : c)).join("  ").trimEnd();
      // Even unaligned, a long id and its cells can pass a very narrow terminal: the rest goes under it.
      if (row.length <= width) lines.push(row);
      else wrap(row, Math.max(MIN_DESCRIPTION_WIDTH, width - UNDER.length), width).forEach((l, i) => lines.push(i === 0 ? l : UNDER + l));
      for (const text of wrap(cells[cells.length - 1], Math.max(MIN_DESCRIPTION_WIDTH, width - UNDER.length))) lines.push(UNDER + text);
    }
    return lines.join("\n") + "\n";
  }
  for (const cells of [header, ...rows]) {
    const description = room === Infinity ? [cells[cells.length - 1]] : wrap(cells[cells.length - 1], room);
    lines.push(cells.slice(0, -1).map((c, i) => padTo(c, widths[i])).join("  ") + "  " + description[0]);
    for (const more of description.slice(1)) lines.push(" ".repeat(indent) + more);
  }
  return lines.join("\n") + "\n";
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
      io.stdout(opts.json ? JSON.stringify(metas, null, 2) + "\n" : rulesTable(outputWidth(io), target));
      done(0);
    });
}
