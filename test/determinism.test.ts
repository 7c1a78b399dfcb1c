/**
 * `npm test` gives the same verdict on every run of a fresh clone: no test
 * draws unseeded random input. Property tests get their seed from
 * test/setup-fast-check.ts (fixed unless FUZZ=1); anything else random must be
 * a seeded generator of the test's own. A line that needs randomness for
 * something other than test input (a unique name) says so with `not-an-input:`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { expect, test } from "vitest";

const testDir = resolve(import.meta.dirname);
const UNSEEDED = [
  /\bMath\.random\s*\(/,
  /\brandom(Bytes|Int|UUID|Fill(Sync)?)\s*\(/,
  /\bgetRandomValues\s*\(/,
  /configureGlobal\s*\(/,
  /seed\s*:\s*Date\.now/,
];

function sources(): string[] {
  return readdirSync(testDir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|js)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

test("no test source draws unseeded random input", () => {
  const offenders: string[] = [];
  for (const file of sources()) {
    const rel = relative(testDir, file);
    if (rel === "setup-fast-check.ts" || rel === "determinism.test.ts") continue;
    readFileSync(file, "utf8").split("\n").forEach((line, i) => {
      if (UNSEEDED.some((re) => re.test(line)) && !line.includes("not-an-input:")) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(offenders).toEqual([]);
});

test("the scan would catch one", () => {
  expect(UNSEEDED.some((re) => re.test("const x = Math.random();"))).toBe(true);
  expect(UNSEEDED.some((re) => re.test("fc.configureGlobal({ seed: Date.now() })"))).toBe(true);
});

test("property tests run on the fixed seed unless FUZZ is set", async () => {
  const fc = (await import("fast-check")).default;
  const { FIXED_SEED } = await import("./setup-fast-check.js");
  if (!process.env.FUZZ && !process.env.FUZZ_SEED) expect(fc.readConfigureGlobal().seed).toBe(FIXED_SEED);
  else expect(typeof fc.readConfigureGlobal().seed).toBe("number");
});
