// The --fix-dry-run diff must be a unified diff that patch(1) applies; checked with patch itself when installed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/cli/diff.js";
import { assertPatchMakes, hasPatch } from "./patch.js";

describe("unifiedDiff", () => {
  it("is empty for equal texts", () => {
    expect(unifiedDiff("a\n", "a\n", "a", "b")).toBe("");
  });

  it("one changed line with context", () => {
    expect(unifiedDiff("1\n2\n3\n4\n5\n", "1\n2\nX\n4\n5\n", "a/f", "b/f")).toBe("--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n 1\n 2\n-3\n+X\n 4\n 5\n");
  });

  it("marks a missing final newline", () => {
    expect(unifiedDiff("a\nb", "a\nc", "x", "y")).toBe("--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
  });

  it("hunks of a long file changed at both ends hold only the changes and their context", () => {
    const old = Array.from({ length: 60_000 }, (_, i) => (i % 3 === 0 ? "}" : `    weight ${i}`)).join("\n") + "\n";
    const lines = old.split("\n");
    lines[1] = "changed first";
    lines[59_998] = "changed last";
    const d = unifiedDiff(old, lines.join("\n"), "a", "b");
    expect(d.split("\n").filter((l) => l.startsWith("@@"))).toEqual(["@@ -1,5 +1,5 @@", "@@ -59996,5 +59996,5 @@"]);
    expect(d.split("\n").filter((l) => /^[-+][^-+]/.test(l))).toEqual(["-    weight 1", "+changed first", "-    weight 59998", "+changed last"]);
  });

  // Small exact-LCS limits send the same random texts through the anchored path (unique lines) and its fallback.
  for (const lcsCells of [Infinity, 16, 0]) {
    it.skipIf(!hasPatch)(`patch turns the old text into the new one, for random line edits (LCS up to ${lcsCells} cells)`, () => {
      checkWithPatch(lcsCells);
    });
  }
});

function checkWithPatch(lcsCells: number): void {
  const lines = fc.array(fc.constantFrom("a", "b", "c", "d1", "d2", "d3", "d4", "vrrp {", "}", ""), { maxLength: 25 });
  const text = fc.tuple(lines, fc.boolean()).map(([ls, nl]) => ls.join("\n") + (nl && ls.length ? "\n" : ""));
  assertPatchMakes(fc.tuple(text, text), ([a, b]) => ({ old: a, want: b, diff: unifiedDiff(a, b, "a", "b", 3, lcsCells) }), 150);
}
