// docs/rules/README.md lists every rule as its metadata says (regenerate with
// `npm run build && node scripts/gen-rules-index.mjs`).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect, test } from "vitest";
import { ALL_RULES } from "../../rules/index.js";
import { rulesIndexMarkdown } from "../../src/workspace/rules-index.js";

test("docs/rules/README.md is up to date", () => {
  const onDisk = readFileSync(resolve(import.meta.dirname, "../../docs/rules/README.md"), "utf8");
  expect(onDisk).toBe(rulesIndexMarkdown());
});

test("rule ids are unique, kebab-case, and every rule has a description", () => {
  const ids = ALL_RULES.map((r) => r.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const r of ALL_RULES) {
    expect(r.meta.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(r.meta.description.length).toBeGreaterThan(10);
    expect(Boolean(r.check) || Boolean(r.create) || Boolean(r.acrossBlocks) || Boolean(r.instance) || Boolean(r.virtualServer) || Boolean(r.checkCluster) || r.meta.fromEngine === true).toBe(true);
  }
});

test("every rule lives in the folder named after its category", async () => {
  const { readdirSync } = await import("node:fs");
  const rulesDir = resolve(import.meta.dirname, "../../rules");
  const folderOf = new Map<string, string>();
  for (const dir of readdirSync(rulesDir, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    for (const f of readdirSync(resolve(rulesDir, dir.name))) folderOf.set(f.replace(/\.ts$/, ""), dir.name);
  }
  const misplaced = ALL_RULES.filter((r) => folderOf.get(r.meta.id) !== r.meta.category).map((r) => `${r.meta.id}: ${folderOf.get(r.meta.id)} ≠ ${r.meta.category}`);
  expect(misplaced).toEqual([]);
});
