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
    expect(fix?.title).toBe('Set "weight 0" in vrrp_script "chk"');
    expect(fix?.edit).toEqual({ changes: { [uri]: [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 12 } }, newText: "0" }] } });
    expect(fix?.diagnostics?.[0].code).toBe("nopreempt-weighted-tracking");
    const disable = actions.find((x) => x.title === "Disable nopreempt-weighted-tracking for this line");
    expect(disable?.edit).toEqual({ changes: { [uri]: [{ range: line(11), newText: "    # keepalived-lint disable-next-line nopreempt-weighted-tracking\n" }] } });
  });

  it("offers fix-all as a source action and nothing away from findings", () => {
    const a = fixture({ [MAIN]: NOPREEMPT });
    const all = codeActions(a, MAIN, line(0), { only: ["source.fixAll"] });
    expect(all.map((x) => x.kind)).toEqual(["source.fixAll.keepalived-lint"]);
    expect(codeActions(a, MAIN, line(0), { only: ["quickfix"] })).toEqual([]);
  });
});
