// The engine's one walk: rules register handlers (create) and the engine hands them each line once.
import { describe, expect, it } from "vitest";
import { lintText } from "../../src/engine/linter.js";
import { defineRule, type Rule } from "../../src/engine/rule.js";

const CONFIG = "global_defs {\n  router_id a\n}\nvrrp_instance VI_1 {\n  state MASTER\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\nvrrp_instance VI_2 {\n}\n";
const meta = { severity: "warning", category: "schema", description: "test", fixable: false } as const;

function lintWith(...rules: Rule[]) {
  return lintText(CONFIG, "/k.conf", { ruleSet: rules });
}

describe("rules declare, the engine walks", () => {
  it("hands every line, in document order and each before its children, to node handlers; named handlers get their keyword only; end comes last", () => {
    const seen: string[] = [];
    const rule = defineRule({
      meta: { ...meta, id: "t" },
      create: () => ({
        node: (n) => seen.push(n.name),
        keywords: { vrrp_instance: (n) => seen.push(`instance ${n.args[0]?.text}`) },
        end: () => seen.push("end"),
      }),
    });
    lintWith(rule);
    expect(seen).toEqual(["global_defs", "router_id", "vrrp_instance", "instance VI_1", "state", "virtual_ipaddress", "10.0.0.1", "vrrp_instance", "instance VI_2", "end"]);
  });

  it("hands every line to line handlers as a WalkedLine, read in place: depth, args, and the node on request", () => {
    const seen: string[] = [];
    let stateNode: unknown;
    const rule = defineRule({
      meta: { ...meta, id: "t" },
      create: () => ({
        line: (l) => {
          seen.push(`${l.depth} ${l.name}${l.argCount() > 0 ? ` ${l.argText(0)}` : ""}`);
          if (l.name === "state") stateNode = l.node;
        },
      }),
    });
    const r = lintWith(rule);
    expect(seen).toEqual(["0 global_defs", "1 router_id a", "0 vrrp_instance VI_1", "1 state MASTER", "1 virtual_ipaddress", "2 10.0.0.1", "0 vrrp_instance VI_2"]);
    expect(stateNode).toBe(r.ast.children[1]!.children[0]);
  });

  it("a line handler that throws is reported once, and the line handlers after it still see every line", () => {
    let calls = 0;
    const lines: string[] = [];
    const broken = defineRule({ meta: { ...meta, id: "broken" }, create: () => ({ line: () => { calls++; throw new Error("boom"); } }) });
    const after = defineRule({ meta: { ...meta, id: "after" }, create: () => ({ line: (l) => void lines.push(l.name) }) });
    const r = lintWith(broken, after);
    expect(calls).toBe(1);
    expect(lines).toHaveLength(7);
    expect(r.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual(['internal-error: rule "broken" failed: boom']);
  });

  it("reports of handlers are findings of their rule", () => {
    const rule = defineRule({ meta: { ...meta, id: "states" }, create: (ctx) => ({ keywords: { state: (n) => ctx.report({ at: n.keyword, message: `state ${n.args[0]?.text}` }) } }) });
    expect(lintWith(rule).diagnostics.map((d) => [d.ruleId, d.message, d.start])).toEqual([["states", "state MASTER", CONFIG.indexOf("state")]]);
  });

  it("a handler that throws is reported once as an internal error, and the other rules still run", () => {
    let calls = 0;
    const broken = defineRule({ meta: { ...meta, id: "broken" }, create: () => ({ node: () => { calls++; throw new Error("boom"); } }) });
    const fine = defineRule({ meta: { ...meta, id: "fine" }, create: (ctx) => ({ keywords: { router_id: (n) => ctx.report({ at: n.keyword, message: "seen" }) } }) });
    const r = lintWith(broken, fine);
    expect(calls).toBe(1);
    expect(r.diagnostics.map((d) => `${d.ruleId}: ${d.message}`)).toEqual(['internal-error: rule "broken" failed: boom', "fine: seen"]);
  });

  it("a fix from a rule not declared fixable, or undeclared suggestions, is refused as the rule's bug", () => {
    const edit = { file: "/k.conf", start: 0, end: 0, text: "# x\n" };
    const fixer = defineRule({ meta: { ...meta, id: "fixer" }, create: (ctx) => ({ keywords: { global_defs: (n) => ctx.report({ at: n.keyword, message: "m", fix: { description: "d", edits: [edit] } }) } }) });
    const suggester = defineRule({ meta: { ...meta, id: "suggester", fixable: true }, create: (ctx) => ({ keywords: { global_defs: (n) => ctx.report({ at: n.keyword, message: "m", suggestions: [{ description: "d", edits: [edit] }] }) } }) });
    const declared = defineRule({ meta: { ...meta, id: "declared", hasSuggestions: true }, create: (ctx) => ({ keywords: { global_defs: (n) => ctx.report({ at: n.keyword, message: "m", suggestions: [{ description: "d", edits: [edit] }] }) } }) });
    const messages = lintWith(fixer, suggester, declared).diagnostics.map((d) => `${d.ruleId}: ${d.message}`);
    expect(messages).toEqual([
      'internal-error: rule "fixer" reported a fix but its meta does not declare fixable: true',
      'internal-error: rule "suggester" reported suggestions but its meta does not declare hasSuggestions: true',
      "declared: m",
    ]);
  });
});
