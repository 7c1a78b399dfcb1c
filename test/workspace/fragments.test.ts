// Owners of fragments among a tree's configs, and the softened findings of a
// fragment no configuration includes.
import { describe, expect, it } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { readConfig } from "../../grammar/reader.js";
import { indexOwners, looksLikeFragment, softenUnresolved } from "../../src/workspace/fragments.js";
import { lint } from "../../src/workspace/lint.js";

const WEB = "vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1\n  }\n  track_script {\n    chk\n  }\n}\n";
const fs = memoryFiles({
  "/t/lb1/keepalived.conf": "include ../common/*.conf\n",
  "/t/lb2/keepalived.conf": "include ../common/vrrp.conf\n",
  "/t/common/vrrp.conf": WEB,
  "/t/common/extra.conf": "",
  "/t/alone.conf": WEB,
});
const candidates = ["/t/alone.conf", "/t/common/extra.conf", "/t/common/vrrp.conf", "/t/lb1/keepalived.conf", "/t/lb2/keepalived.conf"];
const filesOf = (c: string) => new Set(readConfig(fs, [c]).files.keys());

describe("indexOwners", () => {
  it("a file is owned by every main file that reads it; main files own nothing", () => {
    const index = indexOwners(candidates, filesOf);
    expect(index.owners("/t/common/vrrp.conf")).toEqual(["/t/lb1/keepalived.conf", "/t/lb2/keepalived.conf"]);
    expect(index.owners("/t/common/extra.conf")).toEqual(["/t/lb1/keepalived.conf"]);
    expect(index.owners("/t/lb1/keepalived.conf")).toEqual([]);
    expect(index.owners("/t/alone.conf")).toEqual([]);
  });

  it("explicit roots are the only owners", () => {
    const index = indexOwners(["/t/lb2/keepalived.conf"], filesOf, true);
    expect(index.owners("/t/common/vrrp.conf")).toEqual(["/t/lb2/keepalived.conf"]);
    expect(index.owners("/t/common/extra.conf")).toEqual([]);
  });
});

describe("an ownerless fragment", () => {
  it("its unresolved reference is one severity softer and says where it was looked for", () => {
    const result = lint(fs, ["/t/alone.conf"]);
    expect(looksLikeFragment(result, "/t/alone.conf")).toBe(true);
    const hard = result.diagnostics.filter((d) => d.ruleId === "undefined-tracked-object");
    expect(hard.map((d) => d.severity)).toEqual(["error"]);
    const soft = softenUnresolved(result.diagnostics, (f) => result.files.get(f)?.text).filter((d) => d.ruleId === "undefined-tracked-object");
    expect(soft.map((d) => [d.severity, d.message])).toEqual([["warning", '"chk" is not defined in this file or any configuration that includes it']]);
  });

  it("a file with global_defs or named keepalived*.conf is a main file", () => {
    const g = memoryFiles({ "/g/x.conf": "global_defs {\n}\n", "/g/keepalived-lb1.conf": "" });
    expect(looksLikeFragment(lint(g, ["/g/x.conf"]), "/g/x.conf")).toBe(false);
    expect(looksLikeFragment(lint(g, ["/g/keepalived-lb1.conf"]), "/g/keepalived-lb1.conf")).toBe(false);
  });
});
