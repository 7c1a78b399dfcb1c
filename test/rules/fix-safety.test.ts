/**
 * The no-behaviour-change test (issue 17): every safe fix of every rule, on
 * every rule's docs examples, the cluster examples and a deterministic corpus
 * sample, is applied alone; the single-node model and the failover prediction
 * (the node alone and with its peers) are rebuilt, and nothing may change but
 * what the finding names — the areas the fix declares, on the block the
 * finding is in and that block's VRRP group. Suggestions may change only the
 * areas they declare.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import type { Diagnostic, Fix } from "../../grammar/ast.js";
import { ALL_RULES } from "../../rules/index.js";
import { checkFix, checkFixes, factsOf, type FixCheck, type Fixture } from "./behaviour.js";

const ROOT = resolve(__dirname, "../..");
const MAIN = "/etc/keepalived/keepalived.conf";
const CORPUS = resolve(ROOT, "../shared/corpus/keepalived-devel-tools/configs");

function examples(md: string, heading: string): string[] {
  const start = md.indexOf(`## ${heading}\n`);
  if (start < 0) return [];
  const next = md.indexOf("\n## ", start + 3);
  return [...md.slice(start, next < 0 ? undefined : next).matchAll(/```keepalived\n([\s\S]*?)```/g)].map((m) => m[1].replace(/<NUL>/g, "\0"));
}

/** Docs examples: one node, or for cluster rules every node with the others as peers. */
function docFixtures(): [string, Fixture][] {
  const out: [string, Fixture][] = [];
  for (const rule of ALL_RULES) {
    const md = readFileSync(resolve(ROOT, "docs/rules", `${rule.meta.id}.md`), "utf8");
    for (const heading of ["Incorrect", "Correct"]) {
      const codes = examples(md, heading);
      if (codes.length === 0) continue;
      const files = Object.fromEntries(codes.map((c, i) => [i === 0 ? MAIN : `/etc/keepalived/node${i + 1}.conf`, c]));
      files["/etc/keepalived/conf.d/a.conf"] = "";
      const mains = codes.map((_, i) => (i === 0 ? MAIN : `/etc/keepalived/node${i + 1}.conf`));
      mains.forEach((main) => out.push([`${rule.meta.id} ${heading} (${main})`, { files, main, peers: mains.filter((m) => m !== main) }]));
    }
  }
  return out;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(resolve(dir, e.name)) : [resolve(dir, e.name)])).sort();
}

const broken = (checks: FixCheck[]) =>
  checks.filter((c) => c.violations.length > 0).map((c) => `${c.diagnostic.ruleId} "${c.fix.description}" (${c.safe ? "fix" : "suggestion"}):\n    ${c.violations.join("\n    ")}`);

describe("safe fixes change nothing but what the finding names", () => {
  test("every rule's docs examples (cluster rules: with their peer nodes)", () => {
    const fixtures = docFixtures();
    const checks = fixtures.flatMap(([, fx]) => checkFixes(fx));
    expect(checks.filter((c) => c.safe).length, "the docs examples hold safe fixes").toBeGreaterThan(5);
    expect(broken(checks)).toEqual([]);
  });

  test("the three-node example, each node with its peers", () => {
    const dir = resolve(ROOT, "examples/memcached-three-nodes");
    const names = readdirSync(dir).filter((n) => n.endsWith(".conf")).sort();
    const files = Object.fromEntries(names.map((n) => [`/ex/${n}`, readFileSync(resolve(dir, n), "utf8")]));
    const checks = names.flatMap((n) => checkFixes({ files, main: `/ex/${n}`, peers: names.filter((m) => m !== n).map((m) => `/ex/${m}`) }));
    expect(checks.some((c) => c.diagnostic.ruleId === "nopreempt-weighted-tracking" && c.safe)).toBe(true);
    expect(broken(checks)).toEqual([]);
  });

  test.skipIf(!existsSync(CORPUS))("a deterministic sample of the corpus (every 30th file)", () => {
    const sample = listFiles(CORPUS).filter((_, i) => i % 30 === 0).filter((f) => !readFileSync(f).includes(0));
    expect(sample.length).toBeGreaterThan(25);
    const checks = sample.flatMap((f) => checkFixes({ files: { [f]: readFileSync(f, "utf8") }, main: f }));
    expect(checks.length, "the sample holds fixes").toBeGreaterThan(0);
    expect(broken(checks)).toEqual([]);
  }, 240_000);
});

const script = (weight: string) => `vrrp_script chk_haproxy {\n  script "/usr/bin/pgrep haproxy"\n  interval 2\n${weight}}\n`;
const instance = (name: string, vrid: number, o: { nopreempt?: boolean; state?: string; priority?: number; track?: string }) =>
  `vrrp_instance ${name} {\n  state ${o.state ?? "BACKUP"}\n${o.nopreempt ? "  nopreempt\n" : ""}  interface eth0\n  virtual_router_id ${vrid}\n  priority ${o.priority ?? 100}\n  virtual_ipaddress {\n    10.0.${vrid}.1/24\n  }\n  track_script {\n    ${o.track ?? "chk_haproxy"}\n  }\n}\n`;
const findingOf = (fx: Fixture, id: string): Diagnostic => {
  const d = factsOf(fx, fx.files).result.diagnostics.find((x) => x.ruleId === id);
  if (!d) throw new Error(`no ${id} finding`);
  return d;
};

describe("issue 17", () => {
  test("case 1: weight 0 goes on the nopreempt instance's tracker line, not into the shared vrrp_script", () => {
    const fx: Fixture = { files: { "/n1.conf": script("  weight -20\n") + instance("VI_A", 51, { nopreempt: true }) + instance("VI_B", 52, { priority: 150 }) }, main: "/n1.conf" };
    const d = findingOf(fx, "nopreempt-weighted-tracking");
    expect(d.fix?.edits).toHaveLength(1);
    const fixed = fx.files["/n1.conf"].slice(0, d.fix!.edits[0].start) + d.fix!.edits[0].text + fx.files["/n1.conf"].slice(d.fix!.edits[0].end);
    expect(fixed).toContain("    chk_haproxy weight 0\n");
    expect(fixed).toContain("  weight -20\n");
    expect(checkFix(fx, d, d.fix!, true).violations).toEqual([]);
    // The old fix — weight 0 in the shared vrrp_script — is caught: VI_B would go to FAULT instead of dropping by 20.
    const text = fx.files["/n1.conf"];
    const at = text.indexOf("-20");
    const shared: Fix = { description: "set weight 0 in the vrrp_script", edits: [{ file: "/n1.conf", start: at, end: at + 3, text: "0" }], changes: ["failover"] };
    const violations = checkFix(fx, d, shared, true).violations;
    expect(violations.some((v) => v.includes("vrrp_instance VI_B") && v.includes("tracker script chk_haproxy"))).toBe(true);
  });

  test("case 2: the safe fix of nopreempt under state MASTER deletes nopreempt; state BACKUP is a suggestion that changes failover", () => {
    const peer = instance("VI_1", 51, { priority: 100 });
    const fx: Fixture = { files: { "/a.conf": instance("VI_1", 51, { state: "MASTER", nopreempt: true, priority: 150 }), "/b.conf": peer }, main: "/a.conf", peers: ["/b.conf"] };
    const d = findingOf(fx, "nopreempt-state-master");
    expect(d.fix?.description).toMatch(/remove "nopreempt"/);
    expect(d.fix?.changes ?? []).toEqual([]);
    expect(checkFix(fx, d, d.fix!, true).violations).toEqual([]);
    const [backup] = d.suggestions ?? [];
    expect(backup?.changes).toEqual(["failover"]);
    expect(backup?.consequence).toMatch(/whichever node starts first/);
    // Declared, and real: the prediction changes (start-up order decides after it).
    expect(checkFix(fx, d, backup!, false).violations).toEqual([]);
    expect(checkFix(fx, d, { ...backup!, changes: [] }, false).violations.some((v) => v.includes("initial master"))).toBe(true);
  });
});
