// The fixed-seed slice of `npm run fuzz` (scripts/fuzz.mjs) on the sources,
// and a replay of every saved fuzz fixture: no throw, no internal error, and
// no runaway work: at most 10 s of CPU time each. `npm run fuzz` saves any input over 2 s as a
// fixture; here the limit only catches a hang or a quadratic blow-up (minutes), because CPU time on a
// loaded machine (GC and compiler threads count too) swings around 2 s for the slowest inputs, and a
// test must give the same verdict every time (speed is for bench/).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { format } from "../../src/formatter/index.js";
import { lintText } from "../../src/workspace/lint.js";
// @ts-expect-error: a plain .mjs module shared with the fuzz script
import { checkInput, inputStream, loadSeeds } from "../../scripts/fuzz-lib.mjs";

const repoRoot = resolve(import.meta.dirname, "../..");
const api = { lintText, format, memoryFiles };
const CPU_LIMIT_MS = 10_000;

function cpuMs(f: () => unknown): { ms: number; result: unknown } {
  const c0 = process.cpuUsage();
  const result = f();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, result };
}

describe("fuzzing", () => {
  it("a fixed-seed slice of the fuzzer's inputs (shapes, corpus, mutants) passes", () => {
    const next = inputStream(24, loadSeeds(repoRoot));
    const origins = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const input = next() as { origin: string; text: string };
      origins.add(input.origin);
      const { ms, result } = cpuMs(() => checkInput(api, input.text, i));
      expect(result, `input #${i} (${input.origin})`).toBeUndefined();
      expect(ms, `input #${i} (${input.origin}, ${input.text.length} chars)`).toBeLessThan(CPU_LIMIT_MS);
    }
    expect([...origins].sort()).toEqual(["corpus", "mutant", "shape"]);
  }, 300_000);

  const dir = join(repoRoot, "test/fixtures/fuzz");
  const fixtures = readdirSync(dir).filter((f) => f.endsWith(".conf"));
  it.each(fixtures)("fixture %s", (name) => {
    const text = readFileSync(join(dir, name), "latin1");
    for (const i of [0, 1]) {
      const { ms, result } = cpuMs(() => checkInput(api, text, i));
      expect(result).toBeUndefined();
      expect(ms).toBeLessThan(CPU_LIMIT_MS);
    }
  });
});
