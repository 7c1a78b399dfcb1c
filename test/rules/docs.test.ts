// Every rule has docs/rules/<id>.md with the fixed sections, and its examples
// are executed: the Incorrect block triggers the rule, the Correct block does not.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { ALL_RULES } from "../../rules/index.js";
import { lint } from "../../src/engine/linter.js";

const ROOT = resolve(__dirname, "../..");
const MAIN = "/etc/keepalived/keepalived.conf";

function example(md: string, heading: string): string | undefined {
  const m = new RegExp(`## ${heading}\\n+\`\`\`keepalived\\n([\\s\\S]*?)\`\`\``).exec(md);
  return m?.[1].replace(/<NUL>/g, "\0");
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
      const bad = example(md, "Incorrect");
      const good = example(md, "Correct");
      expect(bad, "Incorrect example").toBeDefined();
      expect(good, "Correct example").toBeDefined();
      expect(findings(id, bad!).length, `Incorrect example of ${id} must trigger it`).toBeGreaterThan(0);
      expect(findings(id, good!).map((d) => d.message), `Correct example of ${id} must not trigger it`).toEqual([]);
    });
  }
});
