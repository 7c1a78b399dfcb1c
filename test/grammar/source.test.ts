// SourceFile's line table (grammar/source.ts): where each line starts, the base of every position.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SourceFile } from "../../grammar/source.js";

/** Where each line of `text` starts, worked out by splitting it. */
function startsBySplit(text: string): number[] {
  const starts = [0];
  for (const line of text.split("\n").slice(0, -1)) starts.push(starts[starts.length - 1] + line.length + 1);
  return starts;
}

describe("SourceFile line table", () => {
  it("texts of many short lines (more than its first guess of a line per 16 characters), none, or one long one", () => {
    for (const text of ["", "x", "\n", "\n".repeat(100), "a\n".repeat(1000), "a\r\nb\r\n", "x".repeat(5000), "é\n😀\n"]) {
      expect([...new SourceFile("/k.conf", text).lineStarts]).toEqual(startsBySplit(text));
    }
  });

  it("any text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "bb", " ", "\n", "\r\n", "{", "}"), { maxLength: 200 }), (pieces) => {
        const text = pieces.join("");
        expect([...new SourceFile("/k.conf", text).lineStarts]).toEqual(startsBySplit(text));
      }),
    );
  });
});
