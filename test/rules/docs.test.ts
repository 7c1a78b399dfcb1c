// Every rule has docs/rules/<id>.md with the fixed sections, and its examples
// are executed: the Incorrect block triggers the rule, the Correct block does not.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { ALL_RULES } from "../../rules/index.js";
import { lint, lintCluster } from "../../src/workspace/lint.js";

const ROOT = resolve(__dirname, "../..");
const MAIN = "/etc/keepalived/keepalived.conf";

/** The ```keepalived blocks of a section (several for cluster rules: one per node). */
function examples(md: string, heading: string): string[] {
  const start = md.indexOf(`## ${heading}\n`);
  if (start < 0) return [];
  const next = md.indexOf("\n## ", start + 3);
  const section = md.slice(start, next < 0 ? undefined : next);
  return [...section.matchAll(/```keepalived\n([\s\S]*?)```/g)].map((m) => m[1].replace(/<NUL>/g, "\0"));
}

function clusterFindings(id: string, codes: string[]) {
  const files = codes.map((_, i) => `/c/node${i + 1}.conf`);
  const fs = memoryFiles(Object.fromEntries(codes.map((c, i) => [files[i], c])), "/c");
  return lintCluster(fs, files).diagnostics.filter((d) => d.ruleId === id);
}

function findings(id: string, code: string) {
  // conf.d/a.conf exists so that include examples have something to match.
  const fs = memoryFiles({ [MAIN]: code, "/etc/keepalived/conf.d/a.conf": "" }, "/etc/keepalived");
  return lint(fs, [MAIN]).diagnostics.filter((d) => d.ruleId === id);
}

describe("rule docs", () => {
  for (const rule of ALL_RULES) {
    const id = rule.meta.id;
    test(`${id}: docs exist with the fixed sections, and the examples behave`, () => {
      const path = resolve(ROOT, "docs/rules", `${id}.md`);
      expect(existsSync(path), `${path} is missing`).toBe(true);
      const md = readFileSync(path, "utf8");
      expect(md.startsWith(`# ${id}\n`)).toBe(true);
      for (const h of ["## Rule Details", "## Incorrect", "## Correct", "## Options", "## When Not To Use It"]) expect(md).toContain(h);
      const bad = examples(md, "Incorrect");
      const good = examples(md, "Correct");
      expect(bad.length, "Incorrect example").toBeGreaterThan(0);
      expect(good.length, "Correct example").toBeGreaterThan(0);
      const run = rule.checkCluster ? (codes: string[]) => clusterFindings(id, codes) : (codes: string[]) => findings(id, codes[0]);
      if (rule.checkCluster) expect(bad.length, "a cluster rule's examples show at least two nodes").toBeGreaterThan(1);
      expect(run(bad).length, `Incorrect example of ${id} must trigger it`).toBeGreaterThan(0);
      expect(run(good).map((d) => d.message), `Correct example of ${id} must not trigger it`).toEqual([]);
    });
  }
});
