// The language service on a template: hover and completion keep working
// around the tags, and formatting only re-indents.
import { describe, expect, it } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { analyze, complete, formatDocument, hover } from "../../src/service/index.js";

const PATH = "/r/templates/keepalived.conf.j2";
const TEXT = "vrrp_instance VI_{{ id }} {\n{% if master %}\n    state MASTER\n{% endif %}\n    priority {{ prio }}\n    prio\n}\n";
const analysis = () => analyze(memoryFiles({ [PATH]: TEXT }), PATH);
const value = (h: ReturnType<typeof hover>) => (h && typeof h.contents === "object" && "value" in h.contents ? h.contents.value : "");

describe("a template in the editor", () => {
  it("hover describes a keyword next to a tag", () => {
    expect(value(hover(analysis(), PATH, TEXT.indexOf("priority") + 2))).toContain("**priority**");
  });

  it("completion offers the keywords of the block a tag names", () => {
    const items = complete(analysis(), PATH, TEXT.indexOf("    prio\n") + 8).map((i) => i.label);
    expect(items).toContain("priority");
    expect(items).toContain("nopreempt");
  });

  it("the editor's findings are the template's own, not its tags'", () => {
    const ds = analysis().result.diagnostics;
    expect(ds.filter((d) => d.ruleId === "unknown-keyword").map((d) => TEXT.slice(d.start, d.end))).toEqual(["prio"]);
    for (const d of ds) expect(TEXT.slice(d.start, d.end)).not.toMatch(/\{\{|\{%|%\}|\}\}/);
  });

  it("formatting re-indents and keeps every tag", () => {
    const messy = TEXT.replace("    state MASTER", "state MASTER");
    const [edit] = formatDocument(messy, { template: "jinja" });
    expect(edit.newText).toBe(TEXT);
  });
});

describe("a template listed in the settings' cluster once per vars file", () => {
  it("the editor shows the cluster findings of its renderings on the template's lines", () => {
    const template = "vrrp_instance VI_1 {\n    state {{ state }}\n    interface eth0\n    virtual_router_id 51\n    priority {{ prio }}\n    virtual_ipaddress {\n        192.0.2.10\n    }\n}\n";
    const fs = memoryFiles({
      "/r/.keepalived-lint.json": JSON.stringify({ cluster: [{ file: "templates/keepalived.conf.j2", templateVars: "lb1.yml" }, { file: "templates/keepalived.conf.j2", templateVars: "lb2.yml" }] }),
      [PATH]: template,
      "/r/lb1.yml": "state: MASTER\nprio: 100\n",
      "/r/lb2.yml": "state: BACKUP\nprio: 100\n",
    });
    const tie = analyze(fs, PATH).result.diagnostics.filter((d) => d.ruleId === "equal-priorities");
    expect(tie.map((d) => template.slice(d.start, d.end))).toEqual(["priority"]);
  });
});
