/**
 * Templates against the real engines and the real keepalived: every fixture
 * is rendered with two value sets, `keepalived -t` reads each rendering, and
 * its messages are mapped back to the template line they come from. Every
 * mistake keepalived finds on a literal line must be among our findings on
 * that line, and every finding of ours of the kinds keepalived also reports
 * must be on a line keepalived complains about in some rendering (nothing
 * may come from template syntax).
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { detectEngine, scanTags, substituteVars } from "../../grammar/template/index.js";
import { lintText } from "../../src/workspace/lint.js";
import { keepalivedAvailable, runKeepalived } from "../oracle/keepalived.js";
import { buildGoRenderer, missingTools, render, type Renderer } from "./render.js";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/templates");

const CASES: [file: string, renderer: Renderer][] = [
  ["keepalived.conf.j2", "jinja"],
  ["keepalived.conf.tmpl", "go"],
  ["vrrp_instance.erb", "erb"],
  ["keepalived.conf.epp", "epp"],
  ["keepalived.conf.mustache", "mustache"],
  ["sed/keepalived.conf", "sed"],
  ["keepalived.conf.tftpl", "terraform"],
  ["mistakes/keepalived.conf.j2", "jinja"],
  ["mistakes/keepalived.conf.tmpl", "go"],
  ["mistakes/vrrp_instance.erb", "erb"],
  ["mistakes/keepalived.conf.epp", "epp"],
  ["mistakes/keepalived.conf.mustache", "mustache"],
  ["mistakes/keepalived.conf.tftpl", "terraform"],
  // Trim markers that strip a line break: two template lines render as one.
  ["trim/keepalived.conf.j2", "jinja"],
  ["trim/keepalived.conf.tmpl", "go"],
  ["trim/vrrp_instance.erb", "erb"],
  ["trim/keepalived.conf.tftpl", "terraform"],
  ["trim/keepalived.conf.epp", "epp"],
  ["mistakes/trim/keepalived.conf.j2", "jinja"],
  ["mistakes/trim/keepalived.conf.tmpl", "go"],
  ["mistakes/trim/vrrp_instance.erb", "erb"],
  ["mistakes/trim/keepalived.conf.tftpl", "terraform"],
  ["mistakes/trim/keepalived.conf.epp", "epp"],
];

/** Our findings of the kinds `keepalived -t` reports with a line number. */
const KEEPALIVED_KINDS = new Set(["unknown-keyword", "invalid-value", "missing-argument", "unexpected-brace", "unbalanced-brace", "missing-brace", "unmatched-quote"]);

const missing = missingTools([...new Set(CASES.map(([, r]) => r))]);
const skip = !keepalivedAvailable() || missing.length > 0;
if (skip) console.warn(`templates differential test skipped: needs keepalived and ${missing.join(", ")}`);

/**
 * Template lines that can have rendered to `rendered`: the literal text
 * matches, each tag standing for any text. A rendered line may come from
 * several template lines that a trim marker joined: runs of 1, 2, 3 lines
 * are tried whose inner line breaks each touch a tag (only a tag's trim
 * marker can strip one), those breaks standing for any whitespace. Lines of
 * tags only render no literal text of their own and are left out.
 */
function templateLinesOf(template: string, engineTags: { start: number; end: number }[], rendered: string): number[] {
  const norm = (s: string) => s.trim().replace(/\s+/g, " ");
  const target = norm(rendered);
  const starts = [0];
  for (let i = template.indexOf("\n"); i >= 0; i = template.indexOf("\n", i + 1)) starts.push(i + 1);
  const lineEnd = (l: number) => (l + 1 < starts.length ? starts[l + 1] - 1 : template.length);
  const touchesTag = (nl: number) =>
    engineTags.some((t) => template.slice(t.end, nl).trim() === "" && t.end <= nl) || engineTags.some((t) => t.start > nl && template.slice(nl, t.start).trim() === "");
  const out = new Set<number>();
  for (let run = 1; run <= 3; run++) {
    for (let first = 0; first + run <= starts.length; first++) {
      const start = starts[first];
      const end = lineEnd(first + run - 1);
      if (![...Array(run - 1).keys()].every((k) => touchesTag(lineEnd(first + k)))) continue;
      let pattern = "";
      let literal = "";
      let pos = start;
      for (const t of engineTags) {
        if (t.end <= start || t.start >= end) continue;
        const from = Math.max(t.start, start);
        literal += template.slice(pos, from);
        pattern += escape(template.slice(pos, from)) + ".*?";
        pos = Math.min(t.end, end);
      }
      literal += template.slice(pos, end);
      pattern += escape(template.slice(pos, end));
      if (literal.trim() === "") continue;
      if (new RegExp(`^${norm(pattern).replace(/ /g, "\\s*")}$`).test(target)) {
        for (let l = first; l < first + run; l++) if (template.slice(starts[l], lineEnd(l)).trim() !== "") out.add(l + 1);
      }
    }
  }
  return [...out];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, " ");
}

describe.skipIf(skip)("templates rendered by their engines, read by keepalived -t", () => {
  let dir = "";
  let goBin = "";
  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "kl-templates-")));
    goBin = buildGoRenderer(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [file, renderer] of CASES) {
    test(`${file} (${renderer})`, () => {
      const path = join(FIXTURES, file);
      const template = readFileSync(path, "utf8");
      const valueSets = JSON.parse(readFileSync(`${path}.values.json`, "utf8")) as Record<string, unknown>[];
      const engine = detectEngine(path, template)!;
      expect(engine, `${file} is recognised as a template`).toBeDefined();
      const tags = scanTags(template, engine);
      const result = lintText(template, `/templates/${basename(file)}`);
      const source = result.files.get(`/templates/${basename(file)}`)!;
      const ours = result.diagnostics.filter((d) => d.severity !== "info");
      const ourLines = new Set(ours.map((d) => source.position(d.start).line));
      const complained = new Set<number>();
      for (const [k, values] of valueSets.entries()) {
        const rendered = render(renderer, path, values, dir, goBin);
        const out = join(dir, `rendered-${k}.conf`);
        writeFileSync(out, rendered);
        const renderedLines = rendered.split("\n");
        const oracle = runKeepalived(out);
        for (const m of oracle.messages) {
          if (m.line === null || m.hostDependent) continue;
          const lines = templateLinesOf(template, tags, renderedLines[m.line - 1] ?? "");
          expect(lines, `keepalived's "${m.text}" (rendering ${k}, line ${m.line}) comes from a literal line of the template`).not.toEqual([]);
          for (const l of lines) complained.add(l);
          expect(lines.some((l) => ourLines.has(l)), `keepalived's "${m.text}" (rendering ${k}) is found on template line ${lines.join(" or ")}`).toBe(true);
        }
      }
      const unmatched = ours
        .filter((d) => KEEPALIVED_KINDS.has(d.ruleId) && !complained.has(source.position(d.start).line))
        .map((d) => `${source.position(d.start).line}: ${d.message} [${d.ruleId}]`);
      expect(unmatched, "findings keepalived makes in no rendering (template syntax must cause none)").toEqual([]);
      // A fragment without global_defs runs its script unchecked: keepalived says so too (SECURITY VIOLATION).
      const problems = ours.filter((d) => d.ruleId !== "script-security-disabled").map((d) => d.message);
      if (!file.startsWith("mistakes/")) expect(problems, "a correct template has no errors or warnings").toEqual([]);
      else expect(complained.size, "the mistakes fixture has mistakes keepalived finds").toBeGreaterThan(0);
    }, 60_000);
  }
});

/**
 * --template-vars renders variables and the conditionals on them itself: on
 * templates of only those, its rendering is the engine's, byte for byte
 * (trim markers and Ansible's trim_blocks included).
 */
const OWN_RENDERINGS: [file: string, renderer: Renderer][] = [
  ["vars/keepalived.conf.j2", "jinja"],
  ["vars/keepalived.conf.tmpl", "go"],
  ["vars/vrrp_instance.erb", "erb"],
];

describe.skipIf(missingTools(["jinja", "go", "erb"]).length > 0)("--template-vars renders as the engine does", () => {
  let dir = "";
  let goBin = "";
  beforeAll(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "kl-template-vars-")));
    goBin = buildGoRenderer(dir);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const [file, renderer] of OWN_RENDERINGS) {
    test(`${file} (${renderer})`, () => {
      const path = join(FIXTURES, file);
      const template = readFileSync(path, "utf8");
      const valueSets = JSON.parse(readFileSync(`${path}.values.json`, "utf8")) as Record<string, unknown>[];
      for (const values of valueSets) {
        const ours = substituteVars(template, detectEngine(path, template)!, values);
        expect(ours.text).toBe(render(renderer, path, values, dir, goBin));
        expect(ours.decided.length).toBeGreaterThan(0);
      }
    }, 60_000);
  }
});
