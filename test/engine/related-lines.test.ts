// lineOfRelated()/withRelatedLines (src/engine/rule.ts): a message names the line of a related span, filled in
// when the findings are finished, so that a finding kept with its block stays right when lines above it move.
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../grammar/ast.js";
import { lineOfRelated, withRelatedLines } from "../../src/engine/rule.js";

const finding = (message: string, related: [number, string?][] = []): Diagnostic => ({
  ruleId: "r", severity: "error", file: "/a.conf", start: 0, end: 1, message,
  related: related.map(([start, file]) => ({ span: { file: file ?? "/a.conf", start, end: start + 1 }, message: "here" })),
});
/** Line numbers: one per ten characters, in /a.conf only. */
const lineOf = (file: string, offset: number) => (file === "/a.conf" ? Math.floor(offset / 10) + 1 : undefined);

describe("withRelatedLines", () => {
  it("fills in the line of each related span it names", () => {
    const d = finding(`defined on ${lineOfRelated(0, "earlier")}, then on ${lineOfRelated(1, "later")}.`, [[35], [120]]);
    expect(withRelatedLines(d, lineOf).message).toBe("defined on line 4, then on line 13.");
    // The finding itself is not changed.
    expect(d.message).toContain("\u0000");
  });

  it("says `otherwise` when the line cannot be told (no such span, or a file it cannot read)", () => {
    expect(withRelatedLines(finding(`see ${lineOfRelated(3, "the other file")}`, [[5]]), lineOf).message).toBe("see the other file");
    expect(withRelatedLines(finding(`see ${lineOfRelated(0, "/b.conf")}`, [[5, "/b.conf"]]), lineOf).message).toBe("see /b.conf");
  });

  it("leaves a message without stand-ins, and text that only looks like one, as it is", () => {
    const plain = finding("nothing to fill in", [[5]]);
    expect(withRelatedLines(plain, lineOf)).toBe(plain);
    const nul = finding("a NUL \u0000 of the user's, \u0000line-of-related x y\u0000 and \u0000line-of-related 0 unclosed", [[5]]);
    expect(withRelatedLines(nul, lineOf)).toBe(nul);
    const mixed = finding(`\u0000line-of-related 0x z\u0000 then ${lineOfRelated(0, "?")}`, [[5]]);
    expect(withRelatedLines(mixed, lineOf).message).toBe("\u0000line-of-related 0x z\u0000 then line 1");
  });
});
