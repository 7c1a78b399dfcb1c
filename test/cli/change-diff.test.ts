// Diffs built from the changes (format --diff, --fix-dry-run): patch(1) must turn the old text into the
// new one, and the hunks must hold only the changed lines and their context.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Edit } from "../../grammar/ast.js";
import { diffOfChanges, lineChangesOfEdits } from "../../src/cli/change-diff.js";
import { applyEdits } from "../../src/engine/fix.js";
import { format, formatChanges } from "../../src/formatter/index.js";
import { assertPatchMakes, hasPatch } from "./patch.js";

const hasDiff = spawnSync("diff", ["--version"]).status === 0;

/** What GNU diff -u prints for two texts. */
function gnuDiff(a: string, b: string): string {
  const dir = mkdtempSync(join(tmpdir(), "kl-gnu-diff-"));
  try {
    writeFileSync(join(dir, "a"), a);
    writeFileSync(join(dir, "b"), b);
    return spawnSync("diff", ["-u", "a", "b"], { cwd: dir, encoding: "utf8" }).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const edit = (start: number, end: number, text: string): Edit => ({ file: "f", start, end, text });
const fixDiff = (old: string, edits: Edit[]) => diffOfChanges(old, lineChangesOfEdits(old, edits), "a/f", "b/f");
const bodyOf = (diff: string) => diff.split("\n").slice(2);

describe("diffOfChanges from edits", () => {
  it("is empty without edits, and for edits that change nothing", () => {
    expect(fixDiff("a\nb\n", [])).toBe("");
    expect(fixDiff("a\nb\n", [edit(2, 3, "b")])).toBe("");
  });

  it("one word replaced: the line, with three lines of context each side", () => {
    const old = "1\n2\n3\nweight 1\n5\n6\n7\n8\n";
    expect(fixDiff(old, [edit(6, 14, "weight 2")])).toBe("--- a/f\n+++ b/f\n@@ -1,7 +1,7 @@\n 1\n 2\n 3\n-weight 1\n+weight 2\n 5\n 6\n 7\n");
  });

  it("a line inserted after another is an insertion alone (the line it was typed on is context)", () => {
    const old = "a {\n  x\n}\n";
    expect(bodyOf(fixDiff(old, [edit(7, 7, "\n  y")]))).toEqual(["@@ -1,3 +1,4 @@", " a {", "   x", "+  y", " }", ""]);
  });

  it("a removed line, end at the next line's start, is a deletion alone", () => {
    const old = "a\nb\nc\n";
    expect(bodyOf(fixDiff(old, [edit(2, 4, "")]))).toEqual(["@@ -1,3 +1,2 @@", " a", "-b", " c", ""]);
  });

  it("two edits on one line make one change of that line", () => {
    const old = "x 1 y 2\n";
    expect(bodyOf(fixDiff(old, [edit(2, 3, "9"), edit(6, 7, "8")]))).toEqual(["@@ -1 +1 @@", "-x 1 y 2", "+x 9 y 8", ""]);
  });

  it("marks a last line without a line break, on either side", () => {
    expect(fixDiff("a\nb", [edit(2, 3, "c")])).toBe("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
    expect(bodyOf(fixDiff("a\nb", [edit(3, 3, "\n")]))).toEqual(["@@ -1,2 +1,2 @@", " a", "-b", "\\ No newline at end of file", "+b", ""]);
    expect(bodyOf(fixDiff("a\n", [edit(2, 2, "b\n")]))).toEqual(["@@ -1 +1,2 @@", " a", "+b", ""]);
  });

  it("changes six unchanged lines apart share a hunk; seven apart, two hunks (as diff -u cuts them)", () => {
    const old = Array.from({ length: 30 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const at = (line: number) => old.indexOf(`line ${line}\n`);
    const hunks = (a: number, b: number) => fixDiff(old, [edit(at(a), at(a) + 4, "LINE"), edit(at(b), at(b) + 4, "LINE")]).split("\n").filter((l) => l.startsWith("@@"));
    expect(hunks(5, 12)).toEqual(["@@ -3,14 +3,14 @@"]);
    expect(hunks(5, 13)).toEqual(["@@ -3,7 +3,7 @@", "@@ -11,7 +11,7 @@"]);
  });

  it.skipIf(!hasDiff)("writes what diff -u writes, for edits whose lines diff -u pairs the same way", () => {
    const old = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? "}" : `    weight ${i}`)).join("\n") + "\n";
    const at = (line: number) => old.indexOf(`weight ${line}\n`);
    for (const edits of [
      [edit(at(1), at(1) + 8, "WEIGHT 1"), edit(at(9) + 7, at(9) + 8, "99")],
      [edit(at(0), at(2), ""), edit(at(20), at(20), "    new\n")],
      [edit(at(36), old.length, "end")],
    ]) {
      expect(bodyOf(fixDiff(old, edits))).toEqual(bodyOf(gnuDiff(old, applyEdits(old, edits).text)));
    }
  });

  it("deletions of a run of changed lines come before its insertions, as diff -u writes them", () => {
    const old = "a\nb\nc\n";
    expect(bodyOf(fixDiff(old, [edit(0, 1, "A"), edit(2, 3, "B")]))).toEqual(["@@ -1,3 +1,3 @@", "-a", "-b", "+A", "+B", " c", ""]);
  });

  it.skipIf(!hasPatch)("patch turns the old text into the fixed one, for random edits", () => {
    const lines = fc.array(fc.constantFrom("a", "b c", "vrrp {", "}", "", "  weight 1"), { maxLength: 12 });
    const text = fc.tuple(lines, fc.boolean()).map(([ls, nl]) => ls.join("\n") + (nl && ls.length ? "\n" : ""));
    const edits = (t: string) =>
      fc.array(fc.tuple(fc.nat({ max: t.length }), fc.nat({ max: 6 }), fc.constantFrom("", "x", "\n", "y\n", "\nz", "b c")), { maxLength: 5 }).map((es) => es.map(([s, len, repl]) => edit(s, Math.min(t.length, s + len), repl)));
    assertPatchMakes(text.chain((t) => fc.tuple(fc.constant(t), edits(t))), ([old, es]) => {
      const { text: want, applied } = applyEdits(old, es);
      return { old, want, diff: fixDiff(old, applied) };
    }, 200);
  });
});

describe("diffOfChanges from the formatter", () => {
  const formatDiff = (old: string) => diffOfChanges(old, (changed) => formatChanges(old, {}, changed), "a/f", "b/f");

  it.skipIf(!hasPatch)("patch turns a random config into its formatted text", () => {
    const line = fc.tuple(fc.constantFrom("", " ", "\t", "    "), fc.constantFrom("vrrp_instance VI_1", "{", "}", "state  BACKUP", "priority 100 }", "a { b }", "# note", "", "virtual_ipaddress {", "10.0.0.1/24"));
    const text = fc.tuple(fc.array(line.map(([indent, words]) => indent + words), { maxLength: 14 }), fc.constantFrom("\n", "\r\n"), fc.boolean()).map(([ls, eol, final]) => ls.join(eol) + (final && ls.length ? eol : ""));
    assertPatchMakes(text, (old) => ({ old, want: format(old), diff: formatDiff(old) }), 150);
  });

  it("shows only the lines the formatter changes: a closing brace or blank line it keeps is context", () => {
    const old = "vrrp_instance VI_1 {\nstate  BACKUP\n\npriority 100\n}\n";
    expect(bodyOf(formatDiff(old))).toEqual(["@@ -1,5 +1,5 @@", " vrrp_instance VI_1 {", "-state  BACKUP", "+    state BACKUP", " ", "-priority 100", "+    priority 100", " }", ""]);
  });

  it("is empty for a formatted text", () => {
    const old = "global_defs {\n    router_id a\n}\n";
    expect(format(old)).toBe(old);
    expect(formatDiff(old)).toBe("");
  });

  it("a brace moved up onto its keyword's line: the keyword's line changes and the brace's line goes", () => {
    const old = "vrrp_instance VI_1\n{\n    state BACKUP\n}\n";
    expect(format(old)).toBe("vrrp_instance VI_1 {\n    state BACKUP\n}\n");
    expect(bodyOf(formatDiff(old))).toEqual(["@@ -1,4 +1,3 @@", "-vrrp_instance VI_1", "-{", "+vrrp_instance VI_1 {", "     state BACKUP", " }", ""]);
  });
});
