/**
 * The oracle on real-world configurations: every located message must point at
 * an existing line of a file in the include graph, whatever keepalived prints.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { keepalivedAvailable, runPool } from "./keepalived.js";
import { discoverFiles } from "./resolve.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const corpus = path.resolve(repoRoot, "../shared/corpus/keepalived-devel-tools/configs");
const haveCorpus = fs.existsSync(corpus);

function listFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

const isText = (file: string) => !fs.readFileSync(file).includes(0);

const title = !keepalivedAvailable()
  ? "oracle on a corpus sample — SKIPPED: keepalived not installed"
  : !haveCorpus
    ? `oracle on a corpus sample — SKIPPED: corpus not found at ${corpus}`
    : "oracle on a corpus sample";

describe.skipIf(!keepalivedAvailable() || !haveCorpus)(title, () => {
  test("located messages resolve to real lines of files in the include graph", async () => {
    const sample = listFiles(corpus)
      .filter((_, i) => i % 40 === 0)
      .filter(isText);
    expect(sample.length).toBeGreaterThan(15);
    const results = await runPool(sample, 2, { timeoutMs: 5000 });
    let located = 0;
    results.forEach((r, i) => {
      if (r.timedOut || r.crashed || r.refused) return;
      expect([0, 2, 4, 5, 6]).toContain(r.exitCode);
      const graph = new Set(discoverFiles(sample[i]));
      for (const m of r.messages) {
        if (m.line === null) continue;
        located++;
        expect(graph.has(m.file) || m.hostDependent, `${sample[i]}: ${m.file}`).toBe(true);
        const lines = fs.readFileSync(m.file, "utf8").split("\n").length;
        expect(m.line, `${m.file}: ${m.text}`).toBeLessThanOrEqual(lines);
      }
    });
    expect(located).toBeGreaterThan(0);
  });
});
