/** The rule table of docs/rules/README.md, generated from the rules' own metadata. */
import { ALL_RULES } from "../../rules/index.js";

const FAMILY_TITLES: Record<string, string> = {
  syntax: "Reading the configuration",
  schema: "Keywords and values (what keepalived itself rejects or ignores)",
  ha: "High availability",
  correctness: "Correctness",
  lvs: "LVS (virtual and real servers)",
  security: "Scripts and security",
  compat: "Compatibility",
  style: "Style",
  cluster: "Across the nodes of a cluster (`keepalived-lint cluster`)",
};

export function rulesIndexMarkdown(): string {
  const out = [
    "# Rules",
    "",
    "Generated from the rules' metadata by `scripts/gen-rules-index.mjs`; every rule's page has an",
    "example that triggers it and one that does not, both executed by the tests.",
    "",
    "*keepalived -t*: `keepalived -t` exits non-zero on what the rule finds (\"some\": on some of its",
    "findings); `--exit-like-keepalived` makes exactly those decide the exit status",
    "([cli.md](../cli.md#parity-with-keepalived--t)).",
    "",
  ];
  const categories = [...new Set(ALL_RULES.map((r) => r.meta.category))];
  for (const cat of categories) {
    out.push(`## ${FAMILY_TITLES[cat] ?? cat}`, "", "| rule | severity | fixable | keepalived -t | what it finds |", "| --- | --- | --- | --- | --- |");
    for (const r of ALL_RULES.filter((x) => x.meta.category === cat)) {
      const refuses = r.meta.keepalivedRefuses === "always" ? "refuses" : r.meta.keepalivedRefuses === "some" ? "some" : "";
      out.push(`| [${r.meta.id}](${r.meta.id}.md) | ${r.meta.severity} | ${r.meta.fixable === "some" ? "some cases" : r.meta.fixable ? "yes" : ""} | ${refuses} | ${r.meta.description.replace(/\|/g, "\\|")} |`);
    }
    out.push("");
  }
  out.push(`${ALL_RULES.length} rules.`, "");
  return out.join("\n");
}
