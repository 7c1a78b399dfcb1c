import { describe, expect, it } from "vitest";
import { codeActions } from "../../src/service/index.js";
import { fixture, MAIN } from "./fixture.js";

const NOPREEMPT = [
  "vrrp_script chk {", //            0
  "  script /bin/true", //           1
  "  weight -20", //                 2
  "}", //                            3
  "vrrp_instance V {", //            4
  "  state BACKUP", //               5
  "  nopreempt", //                  6
  "  interface eth0", //             7
  "  virtual_router_id 9", //        8
  "  priority 100", //               9
  "  track_script {", //             10
  "    chk", //                      11
  "  }", //                          12
  "}", //                            13
  "",
].join("\n");

const line = (l: number) => ({ start: { line: l, character: 0 }, end: { line: l, character: 0 } });
const uri = `file://${MAIN}`;

describe("code actions", () => {
  it("offers the finding's fix and a suppression comment with the line's indentation", () => {
    const a = fixture({ [MAIN]: NOPREEMPT });
    const actions = codeActions(a, MAIN, { start: { line: 11, character: 4 }, end: { line: 11, character: 4 } });
    const fix = actions.find((x) => x.isPreferred);
    // Issue 17: on this instance's tracker line, never in the vrrp_script other instances may share.
    expect(fix?.title).toBe('Add "weight 0" to track_script "chk" on this line');
    expect(fix?.edit).toEqual({ changes: { [uri]: [{ range: { start: { line: 11, character: 7 }, end: { line: 11, character: 7 } }, newText: " weight 0" }] } });
    expect(fix?.diagnostics?.[0].code).toBe("nopreempt-weighted-tracking");
    const disable = actions.find((x) => x.title === "Disable nopreempt-weighted-tracking for this line");
    expect(disable?.edit).toEqual({ changes: { [uri]: [{ range: line(11), newText: "    # keepalived-lint disable-next-line nopreempt-weighted-tracking\n" }] } });
  });

  it("offers a suggestion with its consequence in the title, never as the preferred fix or in fix-all", () => {
    const master = "vrrp_instance V {\n  state MASTER\n  nopreempt\n  interface eth0\n  virtual_router_id 9\n  priority 100\n}\n";
    const a = fixture({ [MAIN]: master });
    const actions = codeActions(a, MAIN, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
    const suggestion = actions.find((x) => x.title.startsWith('Replace "state MASTER" with "state BACKUP"'));
    expect(suggestion?.title).toContain("(nopreempt then takes effect: whichever node starts first becomes master");
    expect(suggestion?.isPreferred).toBe(false);
    expect(actions.find((x) => x.isPreferred)?.title).toBe('Remove "nopreempt" (keepalived ignores it here)');
    const all = codeActions(a, MAIN, line(0), { only: ["source.fixAll"] });
    expect(all[0]?.edit).toEqual({ changes: { [uri]: [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, newText: "" }] } });
  });

  it("offers fix-all as a source action and nothing away from findings", () => {
    const a = fixture({ [MAIN]: NOPREEMPT });
    const all = codeActions(a, MAIN, line(0), { only: ["source.fixAll"] });
    expect(all.map((x) => x.kind)).toEqual(["source.fixAll.keepalived-lint"]);
    expect(codeActions(a, MAIN, line(0), { only: ["quickfix"] })).toEqual([]);
  });
});
