// The editor's incremental lint (src/engine/incremental.ts) must say exactly
// what a full lint of the same text says: after opening a file and after
// every edit, for the corpus and for a generated configuration full of
// findings, with edits drawn from a fixed seed. This is what makes declaring
// a rule `scope: "block"` safe: a block-scoped rule whose findings depend on
// anything outside its block makes some edit here disagree.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getContext, lookupKeyword } from "../../grammar/schema/index.js";
import type { ConfigNode } from "../../grammar/ast.js";
import { parseText } from "../../grammar/reader.js";
import { SourceFile } from "../../grammar/source.js";
import { ALL_RULES } from "../../rules/index.js";
import { incrementalLint, lintText } from "../../src/workspace/lint.js";
import type { IncrementalLint } from "../../src/engine/incremental.js";
import type { LintOptions, LintResult } from "../../src/engine/linter.js";
import { defineRule, type Rule } from "../../src/engine/rule.js";
import type { ConfigModel } from "../../src/model/model.js";
import { corpusFiles } from "../formatter/helpers.js";
import { createRng } from "../oracle/mutants.js";

const PATH = "/etc/keepalived/keepalived.conf";
const BLOCK_RULES = ALL_RULES.filter((r) => r.meta.scope === "block").map((r) => r.meta.id);
/** Rules that check one model object at a time (the editor keeps their findings per instance or virtual server). */
const OBJECT_RULES = ALL_RULES.filter((r) => r.instance || r.virtualServer).map((r) => r.meta.id);

/** What a user sees of a lint: the findings, and those --fix and the editor's fixes act on. */
const seen = (r: LintResult) => ({ diagnostics: r.diagnostics, fixable: r.fixable });

/** Pieces edits insert: values that break block-scoped rules, line breaks, whole lines and blocks. */
const PIECES = [
  "\n", " ", "x", "1", "0", "#", "\"", "!", "\t", "\0", "}\n{\n", "\r\n", "\r", "é", "  router_id é\r\n",
  "  priority 300\n", "  advert_int 0.0001\n", "  garbage_keyword 1\n", "  interface\n", "  state MASTR\n",
  "  script \"relative.sh arg\"\n", "  script /bin/check --flag\n", "  notify_master \"/usr/bin/x arg\"\n",
  "  virtual_router_id\n", "  lb_kind NATT\n", "  delay_loop -1\n", "  weight 1 2 3\n", "  smtp_server\n",
  "vrrp_script chk {\n  script /usr/bin/true\n}\n", "vrrp_instance VI_NEW {\n  state BACKUP\n  priority 256\n}\n",
  "virtual_server 10.0.0.9 80 {\n  real_server 10.0.0.10 80 {\n  }\n}\n",
  "  " + "y".repeat(1100) + "\n", "# keepalived-lint disable-next-line invalid-value\n", "\"unterminated\n",
  // What the model's kept parts depend on: global settings, definitions trackers find, sync groups.
  "  vrrp_strict\n", "  vrrp_version 3\n", "vrrp_script chk_1 {\n  script /usr/bin/true\n  weight 7\n}\n",
  "vrrp_sync_group G_NEW {\n  group {\n    VI_1\n    VI_2\n  }\n}\n", "  track_script {\n    chk_2 weight 10\n  }\n",
  "  nopreempt\n", "  state MASTER\n", "  unicast_peer {\n    10.9.9.9\n  }\n",
  // A second block of an existing name (keepalived skips it), with findings inside.
  "vrrp_instance VI_1 {\n  priority 300\n  interface\n}\n", "virtual_server 10.1.1.2 80 {\n  delay_loop -1\n}\n",
];
/** Pieces that reach beyond their block (the file is then read whole) or unbalance braces. */
const BREAKING = ["{", "}", "{\n", "}\n", "$DEF=1\n", "$DEF", "include other.conf\n", "@lb1 ", "@^lb1 ", "~SEQ(i,1,2) ", "{{ var }}"];

/** One edit drawn from `rng`: insert a piece, delete a stretch, or replace one with a piece. */
function edit(text: string, rng: () => number): string {
  const at = Math.floor(rng() * (text.length + 1));
  // Edits mostly at line starts or inside a line, as typing does.
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const where = rng() < 0.4 ? lineStart : at;
  const pieces = rng() < 0.1 ? BREAKING : PIECES;
  const piece = pieces[Math.floor(rng() * pieces.length)];
  const kind = rng();
  if (kind < 0.5) return text.slice(0, where) + piece + text.slice(where);
  let length = Math.floor(rng() * (rng() < 0.8 ? 4 : 80)) + 1;
  // Mostly within the line and keeping its braces, as typing does; now and then across lines and braces.
  if (rng() < 0.9) {
    const lineEnd = text.indexOf("\n", where);
    length = Math.min(length, (lineEnd < 0 ? text.length : lineEnd) - where);
    if (/[{}]/.test(text.slice(where, where + length))) length = 0;
  }
  if (kind < 0.7) return text.slice(0, where) + text.slice(where + length);
  return text.slice(0, where) + piece + text.slice(where + length);
}

/** The top-level block that starts at `start`, up to its closing line. */
function blockAt(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return text.slice(start, text.indexOf("\n", i) + 1);
  }
  return text.slice(start);
}

/** The range of `before` that `after` replaced: common prefix and suffix taken off. */
function changed(before: string, after: string): { start: number; end: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = before.length;
  while (end > start && end - before.length + after.length > start && before[end - 1] === after[end - before.length + after.length - 1]) end--;
  return { start, end };
}

interface Run {
  incremental: number;
  /** Block-scoped rules that reported something on an incrementally linted text. */
  blockFindings: Set<string>;
}

/** Opens `text`, applies `edits` drawn from `seed`, and compares every result with a full lint. */
function check(text: string, edits: number, seed: number, options: LintOptions, run: Run) {
  const lint = incrementalLint(PATH, options);
  expect(seen(lint.update(text))).toEqual(seen(lintText(text, PATH, options)));
  const rng = createRng(seed);
  const undo: string[] = [];
  for (let i = 0; i < edits; i++) {
    const before = text;
    // Most of the time the last edit is undone (as users do), so that a broken text does not stay broken.
    if (undo.length > 0 && rng() < 0.6) text = undo.pop()!;
    else {
      undo.push(text);
      text = edit(text, rng);
    }
    // Every other edit says where it is, as the language server does; the others are found by comparing.
    const got = lint.update(text, undefined, i % 2 === 0 ? changed(before, text) : undefined);
    const want = lintText(text, PATH, options);
    if (lint.last.mode === "incremental") {
      run.incremental++;
      for (const d of got.diagnostics) if (BLOCK_RULES.includes(d.ruleId)) run.blockFindings.add(d.ruleId);
    }
    // On a difference, say which edit made it.
    expect(seen(got), `edit ${i} (seed ${seed}) of:\n${before}\n---- to:\n${text}`).toEqual(seen(want));
    // The line table, made from the last one and the edit (editors ask for it after every keystroke), is the text's.
    expect(got.files.get(PATH)!.lineStarts, `line table after edit ${i} (seed ${seed})`).toEqual(new SourceFile(PATH, text).lineStarts);
  }
}

/**
 * Applies `edits` to `text` one by one; after each, the lint read it in part, `id` still reports, and the
 * result is a full lint's.
 */
function editAndCompare(lint: IncrementalLint, text: string, edits: ((t: string) => string)[], id: string, options: LintOptions = {}): void {
  for (const [i, change] of edits.entries()) {
    const before = text;
    text = change(text);
    expect(text).not.toBe(before);
    // Every other edit says where it is, as the language server does; the others are found by comparing.
    const got = lint.update(text, undefined, i % 2 === 0 ? changed(before, text) : undefined);
    expect(lint.last.mode).toBe("incremental");
    expect(got.diagnostics.some((d) => d.ruleId === id)).toBe(true);
    expect(seen(got)).toEqual(seen(lintText(text, PATH, options)));
  }
}

/** VRRP instances, scripts and virtual servers, with some findings of their own. */
function generated(blocks: number): string {
  const out = ["# generated", "global_defs {", "  router_id bench", "  enable_script_security", "}"];
  for (let i = 0; i < blocks; i++) {
    out.push(
      `vrrp_script chk_${i} {`, `  script "/usr/local/bin/check ${i}"`, "  interval 2", `  weight -${(i % 50) + 1}`, "}",
      `vrrp_instance VI_${i} {`, "  state BACKUP", "  interface eth0", `  virtual_router_id ${(i % 255) + 1}`, `  priority ${i % 7 === 0 ? 300 : 100 + i}`,
      "  virtual_ipaddress {", `    10.0.${i}.1/24 dev eth0`, "  }", "  track_script {", `    chk_${i}`, "  }", "}",
      ...(i % 4 === 3 ? [`vrrp_sync_group G_${i} {`, "  group {", `    VI_${i - 1}`, `    VI_${i}`, "  }", "}"] : []),
      `virtual_server 10.1.${i}.2 80 {`, "  delay_loop 6", "  lb_algo rr", "  lb_kind NAT", "  protocol TCP",
      `  real_server 10.1.${i}.3 80 {`, "    weight 1", "    TCP_CHECK {", "      connect_timeout 3", "    }", "  }", "}",
    );
  }
  return out.join("\n") + "\n";
}

describe("incremental lint (the language server's) equals a full lint", () => {
  it("on a generated configuration, over 300 seeded edits", () => {
    const run: Run = { incremental: 0, blockFindings: new Set() };
    for (const seed of [1, 2, 3]) check(generated(12), 100, seed, {}, run);
    // Many edits are re-read in part (else this test would prove nothing about the cache), block-scoped findings among them.
    expect(run.incremental).toBeGreaterThan(60);
    expect(run.blockFindings.size).toBeGreaterThan(4);
  });

  // Text that makes each block-scoped rule report, and where it goes: into an instance's block, or at the top level.
  // missing-brace, unexpected-brace and unbalanced-brace are left out: their findings always come with braces that
  // keepalived's count finds unbalanced (an ignored '{' makes its '}' close the enclosing block), and such text is read whole.
  const TRIGGERS: Record<string, { text: string; top?: boolean; targetVersion?: string }> = {
    "deprecated-keyword": { text: "  vmac_garp_intvl 10\n" },
    // Its message names the earlier line, which the edits above the block move.
    "duplicate-keyword": { text: "  interface eth1\n" },
    "duplicate-name": { text: "virtual_server 10.9.9.9 80 {\n  real_server 10.9.9.1 80 {\n  }\n  real_server 10.9.9.1 80 {\n  }\n}\n", top: true },
    // chk_5 is defined further down than VI_3.
    "reference-before-definition": { text: "  track_script {\n    chk_5\n  }\n" },
    "unknown-keyword": { text: "  interfaces eth0\n" },
    // In a block of a name written again, keepalived reads nothing (ctx.repeatsName): the edits below write it again.
    "invalid-value": { text: "  advert_int 0.0001\n" },
    "line-too-long": { text: `  ${"y".repeat(1100)}\n` },
    "missing-argument": { text: "  interface\n" },
    "missing-required": { text: "vrrp_script chk_none {\n  interval 2\n}\n", top: true },
    "nul-byte": { text: "  interface eth0\0 x\n" },
    "relative-script-path": { text: "  notify_master relative.sh\n" },
    "script-arguments-unquoted": { text: "  notify_master /usr/bin/notify master now\n" },
    "script-path-through-symlink": { text: "vrrp_script chk_link {\n  script /bin/check\n}\n", top: true },
    "unmatched-quote": { text: "  notify_master \"/usr/bin/x\n" },
    "unsupported-in-target-version": { text: "  owner_ignore_adverts\n", targetVersion: "2.2.4" },
  };

  it("deprecated-keyword stays in its block: no top-level deprecated keyword is renamed to a setting (it would look at other blocks)", () => {
    const root = getContext("root")!;
    const renamedToSettings = [...root.keywords.values()].filter((k) => k.deprecated && k.aliasOf && lookupKeyword("root", k.aliasOf)?.kind !== "block");
    expect(renamedToSettings.map((k) => k.name)).toEqual([]);
    expect([...root.keywords.values()].some((k) => k.deprecated)).toBe(true);
  });

  it("names a trigger for every block-scoped rule", () => {
    expect(Object.keys(TRIGGERS).sort()).toEqual(BLOCK_RULES.filter((id) => !["missing-brace", "unexpected-brace", "unbalanced-brace"].includes(id)).sort());
  });

  for (const [id, trigger] of Object.entries(TRIGGERS)) {
    it(`keeps ${id}'s findings per block and moves them with it`, () => {
      const base = generated(6);
      const at = trigger.top ? base.indexOf("vrrp_instance VI_3 {") : base.indexOf("  state BACKUP\n", base.indexOf("vrrp_instance VI_3 {"));
      const text = base.slice(0, at) + trigger.text + base.slice(at);
      const options: LintOptions = { targetVersion: trigger.targetVersion };
      const lint = incrementalLint(PATH, options);
      expect(seen(lint.update(text))).toEqual(seen(lintText(text, PATH, options)));
      // Edits before the finding's block (moving it), in it, and after it; each re-read in part.
      const edits: ((t: string) => string)[] = [
        (t) => t.replace("  router_id bench\n", "  router_id bench\n  # a comment\n"),
        (t) => t.replace("  priority 101\n", "  priority 1\n"),
        (t) => t.replace(`vrrp_instance VI_3 {\n`, `vrrp_instance VI_3 {\n  advert_int 2\n`),
        (t) => t.replace("  router_id bench\n  # a comment\n", "  router_id bench\n"),
        (t) => t.replace("  priority 105\n", "  priority 105\n  nopreempt\n"),
        // The finding's block written again under the same name (keepalived skips such a block), then renamed.
        (t) => t + blockAt(t, trigger.top ? t.indexOf(trigger.text) : t.indexOf("vrrp_instance VI_3 {")),
        (t) => t.replace("vrrp_instance VI_3 {", "vrrp_instance VI_3b {").replace(trigger.top ? trigger.text.split("\n")[0] : "\0", (m) => m.replace(/(\S+) \{$/, "$1_b {")),
      ];
      editAndCompare(lint, text, edits, id, options);
    });
  }

  // The model keeps each unchanged instance's part; these edits elsewhere change what an unchanged instance means.
  const MODEL_BASE = [
    "global_defs {", "  router_id lb1", "}",
    "vrrp_script chk_a {", "  script /usr/bin/true", "}",
    ...[1, 2].flatMap((i) => [
      `vrrp_instance VI_${i} {`, "  state BACKUP", "  interface eth0", `  virtual_router_id ${i}`, "  priority 100", "  nopreempt",
      "  authentication {", "    auth_type PASS", "    auth_pass secret", "  }", "  virtual_ipaddress {", `    10.0.0.${i}/24`, "  }",
      "  track_script {", "    chk_a", "  }", "}",
    ]),
  ].join("\n") + "\n";
  const MODEL_EDITS: Record<string, (t: string) => string> = {
    "vrrp_strict in global_defs": (t) => t.replace("  router_id lb1\n", "  router_id lb1\n  vrrp_strict\n"),
    "vrrp_version 3 in global_defs": (t) => t.replace("  router_id lb1\n", "  router_id lb1\n  vrrp_version 3\n"),
    "a weight on the tracked script": (t) => t.replace("  script /usr/bin/true\n", "  script /usr/bin/true\n  weight -20\n"),
    "the tracked script removed": (t) => t.replace("vrrp_script chk_a {\n  script /usr/bin/true\n}\n", ""),
    "the tracked script renamed": (t) => t.replace("vrrp_script chk_a {", "vrrp_script chk_b {"),
    "a sync group of one": (t) => t + "vrrp_sync_group G {\n  group {\n    VI_1\n  }\n}\n",
    // With a group tracking weight, its tracker moves priorities under nopreempt; removed, the instances stay.
    "the sync group removed": (t) => t.replace(GROUP, ""),
  };
  const GROUP = "vrrp_sync_group G {\n  group {\n    VI_1\n    VI_2\n  }\n  sync_group_tracking_weight\n  track_script {\n    chk_a weight -10\n  }\n}\n";
  for (const [what, change] of Object.entries(MODEL_EDITS)) {
    it(`builds an unchanged instance's model again after ${what}`, () => {
      const base = what === "the sync group removed" ? MODEL_BASE + GROUP : MODEL_BASE;
      const lint = incrementalLint(PATH);
      // A result's kept findings move with the next lint (kept-findings.ts): compare a copy.
      const before = structuredClone(seen(lint.update(base)));
      const text = change(base);
      const after = lint.update(text);
      expect(lint.last.mode).toBe("incremental");
      // The edit changes what is reported (else it would test nothing), and as a full lint says.
      expect(seen(after)).not.toEqual(before);
      expect(seen(after)).toEqual(seen(lintText(text, PATH)));
      // And back.
      expect(seen(lint.update(base))).toEqual(seen(lintText(base, PATH)));
    });
  }

  // Rules with instance() or virtualServer(): a change of VI_3's block, or of virtual_server 10.1.3.2's, that makes each report.
  const inBlock = (header: string) => (change: (block: string) => string) => (t: string) => {
    const start = t.indexOf(header);
    const block = blockAt(t, start);
    return t.slice(0, start) + change(block) + t.slice(start + block.length);
  };
  const inInstance = inBlock("vrrp_instance VI_3 {");
  const inServer = inBlock("virtual_server 10.1.3.2 80 {");
  const vips = (n: number) => Array.from({ length: n }, (_, i) => `    10.3.${i >> 8}.${i & 255}`).join("\n");
  const OBJECT_TRIGGERS: Record<string, (t: string) => string> = {
    "too-many-vips": inInstance((b) => b.replace("    10.0.3.1/24 dev eth0\n", `${vips(370)}\n`)),
    "advert-int-rounded": inInstance((b) => b.replace("  state BACKUP\n", "  state BACKUP\n  advert_int 1.5\n")),
    "auth-pass-too-long": inInstance((b) => b.replace("  state BACKUP\n", "  state BACKUP\n  authentication {\n    auth_type PASS\n    auth_pass longpassword\n  }\n")),
    "unicast-without-peers": inInstance((b) => b.replace("  state BACKUP\n", "  state BACKUP\n  unicast_src_ip 10.0.3.9\n")),
    "auth-ignored-vrrp3": inInstance((b) => b.replace("  state BACKUP\n", "  state BACKUP\n  version 3\n  authentication {\n    auth_type PASS\n    auth_pass secret\n  }\n")),
    "nopreempt-state-master": inInstance((b) => b.replace("  state BACKUP\n", "  state MASTER\n  nopreempt\n")),
    "address-family-mismatch": inInstance((b) => b.replace("    10.0.3.1/24 dev eth0\n", "    10.0.3.1/24 dev eth0\n    2001:db8::1\n")),
    "ipv6-unicast-without-src-ip": inInstance((b) => b.replace("    10.0.3.1/24 dev eth0\n", "    2001:db8::1\n").replace("  state BACKUP\n", "  state BACKUP\n  unicast_peer {\n    2001:db8::2\n  }\n")),
    "unicast-peer-self": inInstance((b) => b.replace("  state BACKUP\n", "  state BACKUP\n  unicast_src_ip 10.0.3.9\n  unicast_peer {\n    10.0.3.9\n    10.0.3.8\n  }\n")),
    "real-server-port-mismatch": inServer((b) => b.replace("  lb_kind NAT\n", "  lb_kind DR\n").replace("real_server 10.1.3.3 80 {", "real_server 10.1.3.3 8080 {")),
    "fwmark-protocol-ignored": inServer((b) => b.replace("virtual_server 10.1.3.2 80 {", "virtual_server fwmark 3 {")),
    "real-server-without-checker": inServer((b) => b.replace("    TCP_CHECK {\n      connect_timeout 3\n    }\n", "")),
    "quorum-exceeds-weight": inServer((b) => b.replace("  delay_loop 6\n", "  delay_loop 6\n  quorum 5\n")),
    "hysteresis-not-below-quorum": inServer((b) => b.replace("  delay_loop 6\n", "  delay_loop 6\n  hysteresis 1\n")),
    "virtual-server-without-real-servers": inServer((b) => b.slice(0, b.indexOf("  real_server")) + "}\n"),
  };

  it("names a trigger for every rule that checks one model object", () => {
    expect(Object.keys(OBJECT_TRIGGERS).sort()).toEqual([...OBJECT_RULES].sort());
  });

  for (const [id, trigger] of Object.entries(OBJECT_TRIGGERS)) {
    it(`keeps ${id}'s findings per model object and moves them with its block`, () => {
      const text = trigger(generated(6));
      const lint = incrementalLint(PATH);
      expect(seen(lint.update(text))).toEqual(seen(lintText(text, PATH)));
      expect(lint.update(text).diagnostics.some((d) => d.ruleId === id)).toBe(true);
      // Edits before the object's block (moving it), in another block, in its own, and the first undone.
      const edits: ((t: string) => string)[] = [
        (t) => t.replace("  router_id bench\n", "  router_id bench\n  # a comment\n"),
        (t) => t.replace("  priority 101\n", "  priority 1\n"),
        (t) => inInstance((b) => b.replace("  interface eth0\n", "  interface eth0\n  # note\n"))(inServer((b) => b.replace("  protocol TCP\n", "  protocol TCP\n  # note\n"))(t)),
        (t) => t.replace("  router_id bench\n  # a comment\n", "  router_id bench\n"),
        (t) => t.replace("vrrp_script chk_2 {", "# a line\nvrrp_script chk_2 {"),
      ];
      editAndCompare(lint, text, edits, id);
    });
  }

  it("moves an instance's kept findings that share a fix once each, as a full lint places them", () => {
    // Kept findings are moved in place (kept-findings.ts): two findings holding one fix object must not move its edit twice.
    const sharing = defineRule({
      meta: { id: "test-sharing", description: "two findings, one fix", severity: "warning", category: "ha", fixable: true },
      instance(inst, ctx) {
        const k = inst.node.keyword;
        const fix = { description: "mark it", edits: [{ file: k.file, start: k.start, end: k.start, text: "#" }] };
        ctx.report({ at: k, message: `instance ${inst.name}`, fix });
        ctx.report({ at: inst.node, message: `block of ${inst.name}`, fix });
      },
    });
    const ruleSet: Rule[] = [sharing];
    const lint = incrementalLint(PATH, { ruleSet });
    lint.update(MODEL_BASE);
    const steps = ["  # one\n", "  # and two more\n", "  # three\n"].map((line) => (t: string) => t.replace("  router_id lb1\n", `  router_id lb1\n${line}`));
    editAndCompare(lint, MODEL_BASE, steps, "test-sharing", { ruleSet });
    expect(lint.update(steps.reduce((t, step) => step(t), MODEL_BASE)).fixable.length).toBe(4);
  });

  it("reports the hint, fix and related places a finding has now, when its message is what it was", () => {
    // Findings made anew are last time's objects when they say the same (SameFindings): all but the
    // message must be compared. Each finding below differs from last time's in one thing only.
    const saying = defineRule({
      meta: { id: "test-saying", description: "one message each, one thing from the priority", severity: "warning", category: "ha", fixable: true },
      instance(inst, ctx) {
        const k = inst.node.keyword;
        const value = inst.node.children.find((n) => n.name === "priority")!.args[0];
        const p = String(inst.priority);
        const edit = (text: string) => [{ file: k.file, start: k.start, end: k.end, text }];
        ctx.report({ at: k, message: `${inst.name} hint`, hint: `priority ${p}` });
        ctx.report({ at: k, message: `${inst.name} description`, fix: { description: `set ${p}`, edits: edit("vrrp_instance") } });
        ctx.report({ at: k, message: `${inst.name} edit`, fix: { description: "set", edits: edit(p) } });
        ctx.report({ at: k, message: `${inst.name} related`, related: [{ span: k, message: `priority ${p}` }] });
        ctx.report({ at: value, message: `${inst.name} length` });
      },
    });
    const ruleSet: Rule[] = [saying];
    const lint = incrementalLint(PATH, { ruleSet });
    lint.update(MODEL_BASE);
    const steps = [
      (t: string) => t.replace("  virtual_router_id 2\n  priority 100", "  virtual_router_id 2\n  priority 120"),
      (t: string) => t.replace("  virtual_router_id 1\n  priority 100", "  virtual_router_id 1\n  priority 90"),
      (t: string) => t.replace("  router_id lb1\n", "  router_id lb1\n  # moved\n"),
      (t: string) => t.replace("  priority 90", "  priority 200"),
    ];
    editAndCompare(lint, MODEL_BASE, steps, "test-saying", { ruleSet });
    // Five findings on each instance, every one of them reported.
    expect(lint.update(steps.reduce((t, step) => step(t), MODEL_BASE)).diagnostics.length).toBe(10);
  });

  it("checks an instance again only when the model makes it anew, and keeps no finding that reaches outside its block", () => {
    const meta = { severity: "warning", category: "ha", fixable: false } as const;
    let calls = 0;
    const counting = defineRule({
      meta: { ...meta, id: "test-counting", description: "counts its calls" },
      instance(inst, ctx) {
        calls++;
        ctx.report({ at: inst.node.keyword, message: `instance ${inst.name}` });
      },
    });
    // Its finding on VI_2 names the global_defs block, which moves on its own: VI_2's findings are never kept.
    const reaching = defineRule({
      meta: { ...meta, id: "test-reaching", description: "names another block" },
      instance(inst, ctx) {
        if (inst.name !== "VI_2") return;
        const global = ctx.ast.children.find((n) => n.name === "global_defs")!;
        ctx.report({ at: inst.node.keyword, message: `instance ${inst.name}`, related: [{ span: global.keyword, message: "global_defs" }] });
      },
    });
    const ruleSet: Rule[] = [counting, reaching];
    const lint = incrementalLint(PATH, { ruleSet });
    /** Lints `text` after an edit; how many checks it ran (the full lint it is compared with runs its own). */
    const update = (text: string) => {
      const before = calls;
      const got = seen(lint.update(text));
      const ran = calls - before;
      expect(lint.last.mode).toBe("incremental");
      expect(got).toEqual(seen(lintText(text, PATH, { ruleSet })));
      expect(got.diagnostics.map((d) => d.ruleId).sort()).toEqual(["test-counting", "test-counting", "test-reaching"]);
      return ran;
    };
    lint.update(MODEL_BASE);
    expect(calls).toBe(2);
    // A line added above both instances moves them: VI_1's finding moves, VI_2 is checked again.
    const moved = MODEL_BASE.replace("  router_id lb1\n", "  router_id lb1\n  # moved\n");
    expect(update(moved)).toBe(1);
    // VI_1's block changed: VI_1 is checked again (and VI_2, as always).
    const edited = moved.replace("  priority 100\n", "  priority 90\n");
    expect(update(edited)).toBe(2);
    // A comment at the end changes no instance: VI_2 alone.
    expect(update(edited + "# end\n")).toBe(1);
    // vrrp_version in global_defs changes what the model says of every instance: both again.
    expect(update(edited.replace("  router_id lb1\n", "  router_id lb1\n  vrrp_version 3\n"))).toBe(2);
  });

  it("places every node where a whole read does after edits that are only read (hover between lints), past the log of moves' length", () => {
    /** Every position of the tree, in walk order. */
    const spans = (nodes: readonly ConfigNode[], out: string[] = []): string[] => {
      for (const n of nodes) {
        out.push(`${n.name} ${n.start}-${n.end} [${[n.keyword, ...n.args].map((w) => `${w.start}-${w.end}`).join(",")}] ${n.block?.close?.start ?? ""}`);
        spans(n.children, out);
      }
      return out;
    };
    let text = generated(12) + "vrrp_instance VI_X {\n  priority 300\n  interface \"eth\\\"0\"\n}\n";
    const lint = incrementalLint(PATH);
    lint.update(text);
    const rng = createRng(11);
    // More edits than the log of moves keeps before it brings every chunk up to date (256).
    for (let i = 0; i < 300; i++) {
      const before = text;
      const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)].filter((at) => at < text.length);
      const at = lineStarts[Math.floor(rng() * lineStarts.length)];
      const comment = text.indexOf("# c\n", at);
      text = rng() < 0.5 && comment >= 0 ? text.slice(0, comment) + text.slice(comment + 4) : text.slice(0, at) + "# c\n" + text.slice(at);
      const parsed = lint.parse(text, undefined, i % 3 === 0 ? undefined : changed(before, text));
      expect(lint.last.mode).toBe("incremental");
      if (i % 25 === 0 || i === 299) {
        const want = parseText(text, PATH);
        expect(spans(parsed.ast.children), `after edit ${i}`).toEqual(spans(want.ast.children));
        expect(parsed.diagnostics).toEqual(want.diagnostics);
      }
    }
    expect(seen(lint.update(text))).toEqual(seen(lintText(text, PATH)));
  });

  it("keeps the model equal to a whole build while typing inside instances and virtual servers (it is patched, not built)", () => {
    /** What the model says, with positions, as plain data. */
    const summary = (m: ConfigModel) => ({
      instances: m.instances.map((i) => ({
        name: i.name, at: i.node.start, state: i.state, priority: i.priority, vrid: i.vrid, interface: i.interface, family: i.family,
        version: i.version, strict: i.strict, nopreempt: i.nopreemptInEffect, group: i.syncGroup?.name, vips: i.vips.map((v) => v.address),
        trackers: i.trackers.map((t) => ({ kind: t.kind, name: t.name, at: t.node.start, definition: t.definition?.node.start, weight: t.weight, from: t.weightFrom, before: t.definedBefore })),
      })),
      byName: [...m.instancesByName].map(([name, i]) => [name, i.node.start]),
      groups: m.syncGroups.map((g) => ({ name: g.name, members: g.members.map((x) => [x.name, x.instance?.node.start]), trackers: g.trackers.map((t) => [t.name, t.definition?.node.start]) })),
      servers: m.virtualServers.map((v) => ({ at: v.node.start, real: v.realServers.map((r) => [r.address, r.port, r.weight, r.forwarding]), sum: v.weightSum })),
      objects: Object.entries(m.objects).map(([kind, map]) => [kind, [...map].map(([name, o]) => [name, o.node.start, o.weight])]),
    });
    // Scripts defined after the instances that track them (not found then), a name written twice, sync groups.
    let text = generated(8)
      + "vrrp_instance VI_2 {\n  priority 5\n  track_script {\n    chk_late\n    chk_1\n  }\n}\n"
      + "vrrp_script chk_late {\n  script /usr/bin/true\n  weight -3\n}\n"
      + "vrrp_instance VI_9 {\n  priority 50\n  track_script {\n    chk_late\n  }\n}\n";
    const lint = incrementalLint(PATH);
    lint.update(text);
    const rng = createRng(5);
    const EDITS: ((t: string) => string)[] = [
      (t) => t.replace(/priority (\d+)\n/, (_, p) => `priority ${(Number(p) % 200) + 1}\n`),
      (t) => t.replace("vrrp_instance VI_1 {\n", "vrrp_instance VI_1 {\n  nopreempt\n"),
      (t) => t.replace("    chk_3\n", "    chk_3 weight 10\n"),
      (t) => t.replace("    chk_3 weight 10\n", "    chk_late\n"),
      (t) => t.replace("vrrp_instance VI_4 {", "vrrp_instance VI_2 {"),
      // An instance before VI_3 (a sync group member) takes its name: the group now has that one.
      (t) => t.replace("vrrp_instance VI_1 {", "vrrp_instance VI_3 {"),
      (t) => t.replace("vrrp_instance VI_3 {", "vrrp_instance VI_1 {"),
      (t) => t.replace("vrrp_instance VI_2 {\n  priority 5\n", "vrrp_instance VI_7 {\n  priority 5\n"),
      (t) => t.replace("  lb_kind NAT\n", "  lb_kind DR\n"),
      (t) => t.replace("    weight 1\n", "    weight 3\n"),
      (t) => t.replace("  interface eth0\n", "  interface eth1\n  native_ipv6\n"),
      (t) => t.replace("    10.0.5.1/24 dev eth0\n", "    2001:db8::5\n"),
      (t) => t.replace("  state BACKUP\n", "  state MASTER\n"),
    ];
    for (let i = 0; i < 120; i++) {
      const before = text;
      text = EDITS[Math.floor(rng() * EDITS.length)](text);
      if (text === before) continue;
      // Now and then a hover reads the text before the lint does (the model is then made from the parse).
      if (i % 4 === 0) summary(lint.parse(text, undefined, changed(before, text)).model);
      const got = lint.update(text, undefined, i % 4 === 0 ? undefined : changed(before, text));
      expect(lint.last.mode).toBe("incremental");
      expect(summary(got.model), `edit ${i}`).toEqual(summary(lintText(text, PATH).model));
    }
  });

  it("skips an across-blocks rule while the facts it compares stay the same and its last verdict found nothing", () => {
    let calls = 0;
    // Top-level vrrp_script names, reported when one is written twice; the facts are the names.
    const names = defineRule({
      meta: { id: "test-script-names", severity: "warning", category: "schema", description: "names a script twice", fixable: false, scope: "block" },
      gather(ctx) {
        return { facts: () => ctx.ast.children.filter((n) => n.name === "vrrp_script").map((n) => ({ name: n.args[0]?.text, node: n })) };
      },
      sameFacts: (a, b) => {
        const x = a as { name?: string }[];
        const y = b as { name?: string }[];
        return x.length === y.length && x.every((f, i) => f.name === y[i].name);
      },
      acrossBlocks(ctx, gathered) {
        calls++;
        const seen = new Set<string | undefined>();
        for (const facts of gathered as { name?: string; node: ConfigNode }[][]) {
          for (const f of facts ?? []) {
            if (seen.has(f.name)) ctx.report({ at: f.node.keyword, message: `vrrp_script ${f.name} again` });
            seen.add(f.name);
          }
        }
      },
    });
    const ruleSet: Rule[] = [names];
    const lint = incrementalLint(PATH, { ruleSet });
    /** Lints `text` after an edit: its findings' count; `calls` counts the editor's runs only (not the full lint's). */
    const update = (text: string, before: string) => {
      const was = calls;
      const got = seen(lint.update(text, undefined, changed(before, text)));
      const ran = calls - was;
      expect(lint.last.mode).toBe("incremental");
      expect(got).toEqual(seen(lintText(text, PATH, { ruleSet })));
      calls = was + ran;
      return got.diagnostics.length;
    };
    let text = generated(6);
    lint.update(text);
    expect(calls).toBe(1);
    const edit = (change: (t: string) => string) => {
      const before = text;
      text = change(text);
      expect(text).not.toBe(before);
      return update(text, before);
    };
    // Inside an instance, and inside a script without renaming it: the names are the same, the rule is not run.
    expect(edit((t) => t.replace("  priority 101\n", "  priority 1\n"))).toBe(0);
    expect(edit((t) => t.replace("  interval 2\n", "  interval 3\n"))).toBe(0);
    expect(calls).toBe(1);
    // A script renamed to another's name: run, and it reports.
    expect(edit((t) => t.replace("vrrp_script chk_4 {", "vrrp_script chk_1 {"))).toBe(1);
    expect(calls).toBe(2);
    // While it reports, it runs after every edit (its findings sit in other blocks, which move).
    expect(edit((t) => t.replace("  priority 1\n", "  priority 2\n"))).toBe(1);
    expect(calls).toBe(3);
    // Renamed back: run; nothing found; then skipped again.
    expect(edit((t) => t.replace("vrrp_script chk_1 {\n  script \"/usr/local/bin/check 4\"", "vrrp_script chk_4 {\n  script \"/usr/local/bin/check 4\""))).toBe(0);
    expect(edit((t) => t.replace("  priority 2\n", "  priority 3\n"))).toBe(0);
    expect(calls).toBe(4);
  });

  it("runs reference-before-definition and duplicate-name again when an edit changes the names they compare", () => {
    let text = generated(6);
    const lint = incrementalLint(PATH);
    lint.update(text);
    const edits: [(t: string) => string, string | undefined][] = [
      // Typing inside blocks: their verdicts (nothing) stand.
      [(t) => t.replace("  priority 101\n", "  priority 1\n"), undefined],
      // A script tracked before it is defined, and a second script of an existing name.
      [(t) => t.replace("    chk_1\n", "    chk_1\n    chk_5\n"), "reference-before-definition"],
      [(t) => t.replace("    chk_1\n    chk_5\n", "    chk_1\n"), undefined],
      // A virtual server of another's address and port (no block of one word: ctx.repeatsName does not see it).
      [(t) => t.replace("virtual_server 10.1.3.2 80 {", "virtual_server 10.1.2.2 80 {"), "duplicate-name"],
      [(t) => t.replace("  priority 1\n", "  priority 7\n"), "duplicate-name"],
      [(t) => t.replace("virtual_server 10.1.2.2 80 {\n  delay_loop 6\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.1.3.3", "virtual_server 10.1.3.2 80 {\n  delay_loop 6\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.1.3.3"), undefined],
      [(t) => t.replace("vrrp_script chk_3 {", "vrrp_script chk_2 {"), "duplicate-name"],
    ];
    for (const [i, [change, reports]] of edits.entries()) {
      const before = text;
      text = change(text);
      expect(text, `edit ${i}`).not.toBe(before);
      const got = lint.update(text, undefined, changed(before, text));
      expect(lint.last.mode).toBe("incremental");
      expect(seen(got), `edit ${i}`).toEqual(seen(lintText(text, PATH)));
      for (const id of ["reference-before-definition", "duplicate-name"]) expect(got.diagnostics.some((d) => d.ruleId === id), `${id} after edit ${i}`).toBe(id === reports);
    }
  });


  it("names the earlier instance's current line in duplicate-vrid's message while lines come and go above it", () => {
    // VI_4 takes VI_1's virtual_router_id (2) on the same interface.
    let text = generated(6).replace("  virtual_router_id 5\n", "  virtual_router_id 2\n");
    const lint = incrementalLint(PATH);
    lint.update(text);
    const edits = [
      (t: string) => t.replace("  router_id bench\n", "  router_id bench\n  # a comment\n"),
      (t: string) => t.replace("  priority 104\n", "  priority 14\n"),
      (t: string) => t.replace("  router_id bench\n  # a comment\n", "  router_id bench\n"),
      (t: string) => t.replace("vrrp_instance VI_1 {\n", "vrrp_instance VI_1 {\n  # moved\n"),
    ];
    for (const change of edits) {
      const before = text;
      text = change(text);
      expect(text).not.toBe(before);
      const got = lint.update(text, undefined, changed(before, text));
      const want = lintText(text, PATH);
      expect(want.diagnostics.filter((d) => d.ruleId === "duplicate-vrid")).toHaveLength(1);
      expect(seen(got)).toEqual(seen(want));
    }
  });

  it("visits a block whose findings come back when the block it repeated is renamed (a lint visits only blocks with findings)", () => {
    // The second VI_1 repeats the first: keepalived skips it, and its bad advert_int is not reported (nor
    // anything else in it: a block without findings, which a lint does not visit until the rename).
    const copy = "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 9\n  advert_int 0.0001\n}\n";
    let text = generated(4) + copy;
    const lint = incrementalLint(PATH);
    const invalid = (r: { diagnostics: { ruleId: string; message: string }[] }) => r.diagnostics.filter((d) => d.ruleId === "invalid-value" && d.message.includes("advert_int")).length;
    const first = lint.update(text);
    expect(invalid(first)).toBe(0);
    expect(first.diagnostics.filter((d) => d.start >= text.length - copy.length && d.ruleId !== "duplicate-name")).toEqual([]);
    // Typing elsewhere, then renaming the first VI_1: the copy is read, and its finding is reported.
    for (const change of [(t: string) => t.replace("  priority 102\n", "  priority 12\n"), (t: string) => t.replace("vrrp_instance VI_1 {\n  state", "vrrp_instance VI_1x {\n  state")]) {
      const before = text;
      text = change(text);
      expect(text).not.toBe(before);
      const got = lint.update(text, undefined, changed(before, text));
      expect(lint.last.mode).toBe("incremental");
      expect(seen(got)).toEqual(seen(lintText(text, PATH)));
    }
    expect(invalid(lint.update(text))).toBe(1);
  });
  it("with rule settings, a target version and unused-directive reports", () => {
    const run: Run = { incremental: 0, blockFindings: new Set() };
    const options: LintOptions = { targetVersion: "2.2.4", rules: { "invalid-value": "warning", "deprecated-keyword": "off" }, reportUnusedDisableDirectives: true };
    check(generated(6), 80, 7, options, run);
    expect(run.incremental).toBeGreaterThan(25);
  });

  it("on the corpus, with seeded edits", () => {
    const run: Run = { incremental: 0, blockFindings: new Set() };
    const files = corpusFiles().filter((_, i) => i % 8 === 0);
    expect(files.length).toBeGreaterThan(100);
    files.forEach((file, i) => check(readFileSync(file, "latin1"), 4, 1000 + i, {}, run));
    expect(run.incremental).toBeGreaterThan(80);
  });
});
