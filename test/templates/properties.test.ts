// Properties of templates, on valid configurations with tags inserted at
// random word and line boundaries (fixed seed: test/setup-fast-check.ts):
// the tags add no error, and neither --fix nor format changes a tag's bytes.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { scanTags } from "../../grammar/template/index.js";
import { ALL_RULES } from "../../rules/index.js";
import { lintAndFix } from "../../src/workspace/fix.js";
import { formatTemplateText } from "../../src/formatter/index.js";
import { lintText } from "../../src/workspace/lint.js";

const EXAMPLES = resolve(import.meta.dirname, "../../examples/memcached-three-nodes");
const CONFIGS = ["node1.conf", "node2.conf", "node3.conf"].map((f) => readFileSync(resolve(EXAMPLES, f), "utf8"));
CONFIGS.push(readFileSync(resolve(import.meta.dirname, "../fixtures/templates/sed/keepalived.conf"), "utf8").replace(/\{\{(\w+)\}\}/g, (_, v: string) => ({ STATE: "BACKUP", INTERFACE: "eth0", ROUTER_ID: "61", PRIORITY: "100", PASSWORD: "pw", VIP: "192.0.2.61/24" })[v] ?? v));

type Insertion =
  | { kind: "append"; word: number; tag: string } // part of a word: `VI_{{ n }}`
  | { kind: "replace"; word: number; tag: string } // a whole value or keyword
  | { kind: "comment"; word: number; tag: string } // a template comment between words
  | { kind: "line"; line: number; tag: string } // a line that is one expression
  | { kind: "wrap"; line: number; count: number; open: string; close: string }; // an if/for around lines

const EXPR = fc.constantFrom("{{ a }}", "{{ b | default('x') }}", "{{- c -}}", "{{ d.e }}");
const insertion: fc.Arbitrary<Insertion> = fc.oneof(
  fc.record({ kind: fc.constant("append" as const), word: fc.nat(400), tag: EXPR }),
  fc.record({ kind: fc.constant("replace" as const), word: fc.nat(400), tag: EXPR }),
  fc.record({ kind: fc.constant("comment" as const), word: fc.nat(400), tag: fc.constantFrom("{# note #}", "{#- x -#}") }),
  fc.record({ kind: fc.constant("line" as const), line: fc.nat(80), tag: EXPR }),
  fc.record({
    kind: fc.constant("wrap" as const),
    line: fc.nat(80),
    count: fc.nat(3),
    open: fc.constantFrom("{% if x %}", "{% for i in l %}", "{% if y -%}", "{%- if z -%}"),
    close: fc.constant(""),
  }).map((w) => ({ ...w, close: w.open.includes("for") ? "{% endfor %}" : "{% endif %}" })),
);

/** Words that are neither braces nor inside a comment or a quoted string. */
function words(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const line of text.matchAll(/^.*$/gm)) {
    const body = line[0].replace(/[#!].*$/, "");
    if (body.includes('"')) continue;
    for (const w of body.matchAll(/[^\s{}]+/g)) out.push({ start: line.index + w.index, end: line.index + w.index + w[0].length });
  }
  return out;
}

/**
 * Does the tag at [start, end) make Jinja2 (with Ansible's trim_blocks) join a line that holds
 * literal text with another? `{{- x }}` after a line break, `-}}` or a block or comment tag
 * ending a line that holds text before it: the rendering is then another configuration
 * (`advert_int 1 {# c #}` + `authentication {` is one line), no longer the valid one.
 */
function joinsLiteralLines(t: string, start: number, end: number): boolean {
  const tag = t.slice(start, end);
  const lineStart = t.lastIndexOf("\n", start - 1) + 1;
  const textBefore = t.slice(lineStart, start).trim() !== "";
  const after = /^\s*/.exec(t.slice(end))![0];
  if (tag[2] === "-" && /\n\s*$/.test(t.slice(0, start))) return true;
  if (tag.at(-3) === "-" && after.includes("\n") && textBefore) return true;
  return /[%#]\}$/.test(tag) && tag.at(-3) !== "+" && t[end] === "\n" && textBefore;
}

function insert(text: string, ins: Insertion[]): string {
  let t = text;
  for (const i of ins) {
    const was = t;
    t = insertOne(t, i);
    // An insertion that joins lines changes the configuration the template renders: not one of these.
    if (t !== was && scanTags(t, "jinja").some((g) => joinsLiteralLines(t, g.start, g.end))) t = was;
  }
  return t;
}

function insertOne(t: string, i: Insertion): string {
  if (i.kind === "line" || i.kind === "wrap") {
    const lines = t.split("\n");
    const at = i.line % lines.length;
    if (i.kind === "line") lines.splice(at, 0, `    ${i.tag}`);
    else {
      const end = Math.min(lines.length, at + i.count);
      // Whole blocks only: an if around half a block would be a different template.
      const inside = lines.slice(at, end).join("\n");
      if ((inside.match(/\{/g) ?? []).length !== (inside.match(/\}/g) ?? []).length) return t;
      lines.splice(end, 0, i.close);
      lines.splice(at, 0, i.open);
    }
    return lines.join("\n");
  }
  const tags = scanTags(t, "jinja");
  const ws = words(t).filter((w) => !tags.some((g) => g.start < w.end && g.end > w.start) && !/[{}%#]/.test(t.slice(w.start, w.end)));
  if (ws.length === 0) return t;
  const w = ws[i.word % ws.length];
  if (i.kind === "append") return t.slice(0, w.end) + i.tag + t.slice(w.end);
  if (i.kind === "replace") return t.slice(0, w.start) + i.tag + t.slice(w.end);
  return t.slice(0, w.end) + " " + i.tag + t.slice(w.end);
}

/**
 * High-availability rules are left out: a placeholder in keyword position
 * (`state{{ a }} MASTER`) hides a fact, and another HA finding may then
 * rightly appear (nopreempt no longer cleared); lint.test.ts covers them.
 */
const HA = new Set(ALL_RULES.filter((r) => r.meta.category === "ha" || r.meta.category === "cluster").map((r) => r.meta.id));
const errors = (text: string, path: string) => {
  const counts = new Map<string, number>();
  for (const d of lintText(text, path).diagnostics) if (d.severity === "error" && !HA.has(d.ruleId)) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
  return counts;
};
const tagTexts = (text: string) => scanTags(text, "jinja").map((t) => text.slice(t.start, t.end));

describe("tags inserted into valid configurations", () => {
  test("add no error", () => {
    fc.assert(
      fc.property(fc.nat(CONFIGS.length - 1), fc.array(insertion, { minLength: 1, maxLength: 6 }), (k, ins) => {
        const plain = CONFIGS[k];
        const before = errors(plain, "/t/keepalived.conf");
        const templated = insert(plain, ins);
        const after = errors(templated, "/t/keepalived.conf.j2");
        for (const [rule, n] of after) expect(n, `${rule} in\n${templated}`).toBeLessThanOrEqual(before.get(rule) ?? 0);
      }),
      { numRuns: 150 },
    );
  });

  test("--fix changes no tag", () => {
    // A config with fixable mistakes (state MASTER with nopreempt), then tags.
    const fixable = CONFIGS.map((c) => c.replace(/state BACKUP/, "state MASTER").replace(/(\n\s*priority [^\n]*)/, "$1\n    nopreempt"));
    fc.assert(
      fc.property(fc.nat(fixable.length - 1), fc.array(insertion, { minLength: 1, maxLength: 6 }), (k, ins) => {
        const text = insert(fixable[k], ins);
        const path = "/t/keepalived.conf.j2";
        const out = lintAndFix(memoryFiles({ [path]: text }), path, {}, new Map([[path, text]]), true, () => true);
        const after = out.texts.get(path) ?? text;
        expect(tagTexts(after)).toEqual(tagTexts(text));
      }),
      { numRuns: 60 },
    );
  });

  test("format changes no tag and splits or joins no line", () => {
    fc.assert(
      fc.property(fc.nat(CONFIGS.length - 1), fc.array(insertion, { minLength: 1, maxLength: 6 }), fc.constantFrom<number | "tab">(2, 4, "tab"), (k, ins, indent) => {
        const text = insert(CONFIGS[k], ins).replace(/^ +/gm, (m) => " ".repeat(m.length % 3));
        const out = formatTemplateText(text, { template: "jinja", indent }).text;
        expect(tagTexts(out)).toEqual(tagTexts(text));
        expect(out.split("\n").length).toBe(text.split("\n").length);
        expect(out.split("\n").map((l) => l.trim())).toEqual(text.split("\n").map((l) => l.trim()));
      }),
      { numRuns: 150 },
    );
  });
});

describe("format on templates", () => {
  test("re-indents literal and expression lines, keeps structure lines and multi-line tags as written", () => {
    const t = "vrrp_instance {{ n }} {\n      state BACKUP\n  {% if m %}\n nopreempt\n  {% endif %}\n{# a\n   b #}\n virtual_ipaddress {\n{{ vip }}\n }\n}\n";
    expect(formatTemplateText(t, { template: "jinja", indent: 4 })).toEqual({
      text: "vrrp_instance {{ n }} {\n    state BACKUP\n  {% if m %}\n    nopreempt\n  {% endif %}\n{# a\n   b #}\n    virtual_ipaddress {\n        {{ vip }}\n    }\n}\n",
    });
  });

  test("branches that open different blocks: left alone, with the reason", () => {
    const t = "{% if a %}\nvrrp_instance A {\n{% else %}\nvrrp_sync_group G {\n  group {\n{% endif %}\n state BACKUP\n}\n";
    const r = formatTemplateText(t, { template: "jinja" });
    expect(r.text).toBe(t);
    expect(r.refused).toMatch(/open or close different blocks/);
  });
});
