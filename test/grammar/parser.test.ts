// Block structure as keepalived's process_stream() reads it, and recovery.
import { describe, expect, test } from "vitest";
import { parseText } from "../../grammar/reader.js";
import { lines } from "./helpers.js";

const diag = (text: string) => parseText(text).diagnostics.map((d) => {
  const line = text.slice(0, d.start).split("\n").length;
  return `${line}:${d.ruleId}`;
});

describe("blocks", () => {
  test("keyword and value blocks nest with their contexts", () => {
    const r = parseText("vrrp_instance V {\n  track_script {\n    chk weight -20\n  }\n}\n");
    const inst = r.ast.children[0];
    expect(inst.block).toMatchObject({ kind: "keywords", childContext: "vrrp_instance" });
    const ts = inst.children[0];
    expect(ts.block).toMatchObject({ kind: "values", childContext: "vrrp_instance.track_script" });
    expect(ts.children[0]).toMatchObject({ kind: "entry", name: "chk", context: "vrrp_instance.track_script" });
    expect(ts.children[0].args.map((a) => a.text)).toEqual(["weight", "-20"]);
    expect(ts.children[0].parent).toBe(ts);
  });
  test("a node spans from its keyword to its closing brace", () => {
    const text = "vrrp_script chk {\n  script x\n}\n";
    const n = parseText(text).ast.children[0];
    expect(text.slice(n.start, n.end)).toBe("vrrp_script chk {\n  script x\n}");
    expect(text.slice(n.block!.open!.start, n.block!.open!.end)).toBe("{");
  });
  test("'{' on the next line opens the block", () => {
    expect(diag("vrrp_instance V\n{\nstate BACKUP\n}\n")).toEqual([]);
  });
  test("a block keyword without '{' is reported and its lines are read inside it (keepalived: Missing '{')", () => {
    const r = parseText("vrrp_instance V\nstate BACKUP\n}\n");
    expect(diag("vrrp_instance V\nstate BACKUP\n}\n")).toEqual(["1:missing-brace", "3:unbalanced-brace"]);
    expect(r.ast.children[0].children[0].name).toBe("state");
  });
  test("a '{' after a keyword that opens no block is ignored, so its '}' closes the enclosing block", () => {
    const text = "vrrp_instance V {\n  foo {\n    x\n  }\n  state BACKUP\n}\n";
    expect(lines(text)).toEqual(["<vrrp_instance> <V>", "<foo>", "<x>", "<state> <BACKUP>"]);
    const r = parseText(text);
    expect(r.ast.children.map((n) => n.name)).toEqual(["vrrp_instance", "state"]);
    expect(diag(text)).toEqual(["2:unexpected-brace", "6:unbalanced-brace"]);
  });
  test("an extra '}' is reported on its line and parsing continues", () => {
    expect(diag("vrrp_script a {\n}\n}\nvrrp_script b {\n}\n")).toEqual(["3:unbalanced-brace"]);
    expect(parseText("vrrp_script a {\n}\n}\nvrrp_script b {\n}\n").ast.children.map((n) => n.args[0].text)).toEqual(["a", "b"]);
  });
  test("an unclosed block is reported at its keyword", () => {
    expect(diag("global_defs {\n  router_id x\n")).toEqual(["1:unbalanced-brace"]);
  });
  test("a value block takes every line up to '}' as an entry, even keywords", () => {
    const r = parseText("vrrp_instance V {\n  virtual_ipaddress {\n    10.0.0.1\n  state MASTER\n}\n");
    const vip = r.ast.children[0].children[0];
    expect(vip.children.map((c) => c.name)).toEqual(["10.0.0.1", "state"]);
  });
  test("unknown keywords are kept in the tree, marked unknown", () => {
    const n = parseText("vrrp_instance V {\n  virtual_router_idd 5\n}\n").ast.children[0].children[0];
    expect(n).toMatchObject({ name: "virtual_router_idd", known: false, context: "vrrp_instance" });
  });
  test("the rest of a script line is kept raw for the script tokenizer", () => {
    const n = parseText('vrrp_instance V {\n  notify_master "/bin/echo hello" root # c\n}\n').ast.children[0].children[0];
    expect(n.rest).toBe('"/bin/echo hello" root');
  });
  test("one broken block does not hide the next one", () => {
    const r = parseText("vrrp_instance A {\n  state \"MASTER\n}\nvrrp_instance B {\n  state BACKUP\n}\n");
    expect(r.ast.children.map((n) => n.args[0]?.text)).toEqual(["A", "B"]);
    expect(r.ast.children[1].children[0].name).toBe("state");
  });
});
