import { describe, expect, it } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { analyze, complete } from "../../src/service/index.js";
import { at, fixture, MAIN, MAIN_TEXT } from "./fixture.js";

const labels = (items: { label: string }[]) => items.map((i) => i.label);

/** Completion at the `|` in `text` (which replaces the main file). */
function completeAt(textWithCursor: string) {
  const offset = textWithCursor.indexOf("|");
  const text = textWithCursor.replace("|", "");
  return complete(fixture({ [MAIN]: text }), MAIN, offset);
}

describe("completion", () => {
  it("offers only the keywords of the block around the cursor, on half-typed text", () => {
    const items = labels(completeAt("vrrp_instance V {\n  state BACKUP\n  prio|\n"));
    expect(items).toContain("priority");
    expect(items).toContain("nopreempt");
    expect(items).not.toContain("router_id"); // global_defs only
    expect(items).not.toContain("vrrp_instance"); // root only
  });

  it("offers root keywords at the top level", () => {
    const items = labels(completeAt("vrrp_instance V {\n  state BACKUP\n}\n|"));
    expect(items).toEqual(expect.arrayContaining(["global_defs", "vrrp_instance", "vrrp_script", "virtual_server"]));
    expect(items).not.toContain("priority");
  });

  it("offers enum values after state and lb_kind", () => {
    expect(labels(completeAt("vrrp_instance V {\n  state |\n}\n")).sort()).toEqual(["BACKUP", "MASTER"]);
    expect(labels(completeAt("virtual_server 10.0.0.1 80 {\n  lb_kind |\n}\n"))).toEqual(expect.arrayContaining(["NAT", "DR", "TUN"]));
  });

  it("offers defined script names inside track_script, and instances inside a sync group", () => {
    expect(labels(complete(fixture(), MAIN, at(MAIN_TEXT, "chk_web", 4))).sort()).toEqual(["chk_db", "chk_web"]);
    expect(labels(complete(fixture(), MAIN, at(MAIN_TEXT, "VI_1 VI_2", 5))).sort()).toEqual(["VI_1", "VI_2"]);
  });

  it("offers files and directories after include", () => {
    const fs = memoryFiles({ "/k/main.conf": "include conf.d/\n", "/k/conf.d/a.conf": "", "/k/conf.d/sub/b.conf": "" });
    const items = complete(analyze(fs, "/k/main.conf"), "/k/main.conf", "include conf.d/".length);
    expect(labels(items)).toEqual(["a.conf", "sub/"]);
    expect(items[0].textEdit).toEqual({ range: { start: { line: 0, character: 15 }, end: { line: 0, character: 15 } }, newText: "a.conf" });
  });

  it("offers nothing inside a comment or in a free-form value block", () => {
    expect(completeAt("vrrp_instance V {\n  # prio|\n}\n")).toEqual([]);
    expect(completeAt("vrrp_instance V {\n  virtual_ipaddress {\n    |\n  }\n}\n")).toEqual([]);
  });
});

describe("completion in value blocks", () => {
  it("offers the option words of the entry grammar after the first word", () => {
    expect(labels(completeAt("vrrp_script c {\n  script x\n}\nvrrp_instance V {\n  track_script {\n    c |\n  }\n}\n")).sort()).toEqual(["noreverse", "reverse", "weight"]);
    const vip = labels(completeAt("vrrp_instance V {\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0 |\n  }\n}\n"));
    expect(vip).toEqual(expect.arrayContaining(["scope", "label", "brd"]));
    expect(vip).not.toContain("dev");
  });
});
