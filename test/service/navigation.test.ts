import { describe, expect, it } from "vitest";
import { definition, prepareRename, references, rename, RenameError } from "../../src/service/index.js";
import { at, fixture, MAIN, MAIN_TEXT, SCRIPTS, SCRIPTS_TEXT } from "./fixture.js";

const uri = (p: string) => `file://${p}`;
const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });

describe("definition", () => {
  it("goes from a track_script entry to the vrrp_script in the included file", () => {
    const a = fixture();
    expect(definition(a, MAIN, at(MAIN_TEXT, "chk_web", 2))).toEqual([{ uri: uri(SCRIPTS), range: range(0, 12, 19) }]);
  });

  it("goes from a sync group member to its instance", () => {
    const a = fixture();
    expect(definition(a, MAIN, at(MAIN_TEXT, "VI_2", 1))).toEqual([{ uri: uri(MAIN), range: range(16, 14, 18) }]);
  });

  it("goes from an include line to the files it includes", () => {
    const a = fixture();
    expect(definition(a, MAIN, 12)).toEqual([{ uri: uri(SCRIPTS), range: range(0, 0, 0) }]);
  });

  it("goes from $NAME to its definition", () => {
    const text = "$IFACE=eth0\nvrrp_instance V {\n  interface $IFACE\n}\n";
    const a = fixture({ [MAIN]: text });
    expect(definition(a, MAIN, at(text, "$IFACE", 2, 2))).toEqual([{ uri: uri(MAIN), range: range(0, 0, 6) }]);
  });

  it("gives nothing on a plain value", () => {
    expect(definition(fixture(), MAIN, at(MAIN_TEXT, "eth0", 1))).toEqual([]);
  });
});

describe("references", () => {
  it("lists the definition and every use of a script", () => {
    const a = fixture();
    expect(references(a, SCRIPTS, at(SCRIPTS_TEXT, "chk_db", 1))).toEqual([
      { uri: uri(SCRIPTS), range: range(4, 12, 18) },
      { uri: uri(MAIN), range: range(8, 4, 10) },
    ]);
    expect(references(a, SCRIPTS, at(SCRIPTS_TEXT, "chk_db", 1), false)).toEqual([{ uri: uri(MAIN), range: range(8, 4, 10) }]);
  });
});

describe("rename", () => {
  it("renames a script in both files", () => {
    const a = fixture();
    expect(rename(a, MAIN, at(MAIN_TEXT, "chk_web"), "check_http")).toEqual({
      changes: {
        [uri(SCRIPTS)]: [{ range: range(0, 12, 19), newText: "check_http" }],
        [uri(MAIN)]: [{ range: range(7, 4, 11), newText: "check_http" }],
      },
    });
  });

  it("renames an instance and its sync group membership", () => {
    const a = fixture();
    const edit = rename(a, MAIN, at(MAIN_TEXT, "VI_1"), "VI_WEB");
    expect(edit?.changes?.[uri(MAIN)]).toEqual([
      { range: range(1, 14, 18), newText: "VI_WEB" },
      { range: range(13, 4, 8), newText: "VI_WEB" },
    ]);
  });

  it("prepareRename gives the name's range and refuses keywords", () => {
    const a = fixture();
    expect(prepareRename(a, MAIN, at(MAIN_TEXT, "G1"))).toEqual({ range: range(11, 16, 18), placeholder: "G1" });
    expect(prepareRename(a, MAIN, at(MAIN_TEXT, "priority"))).toBeUndefined();
  });

  it("refuses a new name that is not one word", () => {
    expect(() => rename(fixture(), MAIN, at(MAIN_TEXT, "chk_web"), "two words")).toThrow(RenameError);
  });
});

describe("virtual server groups", () => {
  it("goes from `virtual_server group NAME` to the virtual_server_group", () => {
    const t = "virtual_server_group WEB {\n  10.0.0.1 80\n}\nvirtual_server group WEB {\n  lb_algo rr\n}\n";
    const a = fixture({ [MAIN]: t });
    expect(definition(a, MAIN, at(t, "WEB", 1, 2))).toEqual([{ uri: uri(MAIN), range: range(0, 21, 24) }]);
  });
});

describe("findMainFile", () => {
  it("finds the keepalived.conf that includes a file, and only that", async () => {
    const { memoryFiles } = await import("../../grammar/files.js");
    const { findMainFile } = await import("../../src/service/index.js");
    const fs = memoryFiles({ [MAIN]: MAIN_TEXT, [SCRIPTS]: SCRIPTS_TEXT, "/etc/keepalived/conf.d/other/x.conf": "" });
    expect(findMainFile(fs, SCRIPTS)).toBe(MAIN);
    expect(findMainFile(fs, "/etc/keepalived/conf.d/other/x.conf")).toBeUndefined();
    expect(findMainFile(fs, MAIN)).toBeUndefined();
  });
});
