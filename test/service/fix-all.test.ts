// Fix-all puts a safe fix in whole, across files: a fix of a finding in this document that edits an included
// file (a rule may make one; none of the built-in ones does today) is part of the WorkspaceEdit, and two fixes
// that overlap anywhere are not both taken (the second waits for the re-lint).
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../grammar/ast.js";
import { codeActions } from "../../src/service/index.js";
import { at, fixture, MAIN, MAIN_TEXT, SCRIPTS } from "./fixture.js";

const origin = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function finding(fix: Diagnostic["fix"], start: number): Diagnostic {
  return { ruleId: "test-rule", severity: "warning", message: "m", file: MAIN, start, end: start + 1, fix } as Diagnostic;
}

describe("source.fixAll across files", () => {
  it("includes a fix's edits in the included file, and leaves out a fix overlapping one already taken", () => {
    const a = fixture();
    const scripts = a.result.files.get(SCRIPTS)!.text;
    const inScripts = at(scripts, "vrrp_script");
    const cross = finding({ description: "both files", edits: [
      { file: MAIN, start: at(MAIN_TEXT, "priority 100"), end: at(MAIN_TEXT, "priority 100") + "priority".length, text: "priority" },
      { file: SCRIPTS, start: inScripts, end: inScripts, text: "# fixed\n" },
    ] }, at(MAIN_TEXT, "priority 100"));
    const overlapping = finding({ description: "overlaps the first in the included file", edits: [
      { file: MAIN, start: at(MAIN_TEXT, "priority 90"), end: at(MAIN_TEXT, "priority 90") + 1, text: "p" },
      { file: SCRIPTS, start: inScripts, end: inScripts + 3, text: "VRR" },
    ] }, at(MAIN_TEXT, "priority 90"));
    a.result.diagnostics.push(cross, overlapping);
    const [action] = codeActions(a, MAIN, origin, { only: ["source.fixAll"] });
    const changes = action.edit?.changes ?? {};
    expect(changes[`file://${SCRIPTS}`]).toEqual([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: "# fixed\n" }]);
    // The overlapping fix is out whole: not even its edit in the main file.
    expect((changes[`file://${MAIN}`] ?? []).map((e) => e.newText)).not.toContain("p");
  });
});
