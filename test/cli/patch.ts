// patch(1) as the judge of a unified diff: the diffs that --fix-dry-run and format --diff print must
// turn the old text into the new one when applied.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";

export const hasPatch = spawnSync("patch", ["--version"]).status === 0;

/**
 * For every case `cases` draws, `diffOf` gives the old text, the text wanted
 * and the diff between them: the diff is "" when they are equal, else patch
 * applies it to the old text, silently, and makes the text wanted.
 */
export function assertPatchMakes<T>(cases: fc.Arbitrary<T>, diffOf: (c: T) => { old: string; want: string; diff: string }, numRuns: number): void {
  const dir = mkdtempSync(join(tmpdir(), "kl-patch-"));
  try {
    fc.assert(
      fc.property(cases, (c) => {
        const { old, want, diff } = diffOf(c);
        if (old === want) {
          expect(diff).toBe("");
          return;
        }
        writeFileSync(join(dir, "a"), old);
        // --binary: carriage returns are the texts' own, not line ends for patch to normalise.
        const r = spawnSync("patch", ["--quiet", "--force", "--binary", "-o", "out", "a"], { cwd: dir, input: diff, encoding: "utf8" });
        expect(r.stderr + r.stdout).toBe("");
        expect(r.status).toBe(0);
        expect(readFileSync(join(dir, "out"), "utf8")).toBe(want);
        rmSync(join(dir, "out"));
      }),
      { numRuns },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
