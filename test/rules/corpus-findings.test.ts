// Corpus guard (issue 4): the full rule set over every real configuration of
// keepalived-devel-tools. No rule may throw, and the error findings of the HA,
// LVS and security families must be exactly the reviewed list in
// corpus-expected.json, so a rule that starts firing on real configs (a false
// positive, most often) or stops firing shows up here. Regenerate with
// UPDATE_CORPUS_EXPECTED=1 and review the diff before committing it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { HA_RULES } from "../../rules/ha/index.js";
import { LVS_RULES } from "../../rules/lvs/index.js";
import { SECURITY_RULES } from "../../rules/security/index.js";
import { lint } from "../../src/workspace/lint.js";
import { nodeFiles } from "../../src/node/files.js";

const ROOT = resolve(__dirname, "../..");
const CORPUS = resolve(ROOT, "../shared/corpus/keepalived-devel-tools/configs");
const EXPECTED = resolve(__dirname, "corpus-expected.json");
// Most of the time goes to reading two loop-heavy stress files (1173*.conf);
// on a 2-CPU machine at load 18 the whole run took about 100 s, hence the margin.
const TIMEOUT = 300_000;
const MINE = new Set([...HA_RULES, ...LVS_RULES, ...SECURITY_RULES].map((r) => r.meta.id));

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

const corpus = filesUnder(CORPUS);

describe("corpus findings", () => {
  if (corpus.length === 0) console.warn(`corpus not found at ${CORPUS}: skipping the corpus guard`);
  test.skipIf(corpus.length === 0)(`no rule throws, and the HA/LVS/security errors are the reviewed ones (${corpus.length} files)`, () => {
    const crashes: string[] = [];
    const found = new Set<string>();
    for (const file of corpus) {
      const rel = relative(CORPUS, file);
      const result = lint(nodeFiles({ cwd: resolve(file, "..") }), [file]);
      for (const d of result.diagnostics) {
        if (d.ruleId === "internal-error") crashes.push(`${rel}: ${d.message}`);
        if (d.severity !== "error" || !MINE.has(d.ruleId)) continue;
        const line = result.files.get(d.file)?.position(d.start).line ?? 0;
        found.add(`${d.ruleId} ${relative(CORPUS, d.file)}:${line}`);
      }
    }
    expect(crashes).toEqual([]);
    const actual = [...found].sort();
    if (process.env.UPDATE_CORPUS_EXPECTED) {
      const old = existsSync(EXPECTED) ? JSON.parse(readFileSync(EXPECTED, "utf8")) : {};
      writeFileSync(EXPECTED, JSON.stringify({ reviewed: old.reviewed ?? "", findings: actual }, null, 2) + "\n");
    }
    const expected = JSON.parse(readFileSync(EXPECTED, "utf8")) as { findings: string[] };
    expect(actual).toEqual([...expected.findings].sort());
  }, TIMEOUT);
});
