/**
 * One truth between single-file lint and `cluster` (issue 17, case 3): a
 * single-file finding whose truth depends on the other nodes says so, the
 * cluster verdict replaces it where cluster data is there, and the hints of
 * different cluster rules never pull in different directions on the same
 * files: following one rule's suggestion never brings up another rule.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";
import type { Edit } from "../../grammar/ast.js";
import { memoryFiles } from "../../grammar/files.js";
import { applyEdits } from "../../src/engine/fix.js";
import { ALL_RULES } from "../../rules/index.js";
import { lintCluster, lintText } from "../../src/workspace/lint.js";
import { cluster, node } from "./helpers.js";

const ROOT = resolve(__dirname, "../..");

describe("issue 17 case 3: nopreempt 150 with a -20 check next to a preempting 140", () => {
  const a = node({ priority: 150, nopreempt: true, weight: -20 });
  const b = node({ priority: 140, weight: null });

  test("single-file lint says the verdict depends on the other nodes", () => {
    const d = lintText(a, "/c/n1.conf").diagnostics.find((x) => x.ruleId === "nopreempt-weighted-tracking");
    expect(d?.message).toContain("keeps the VIP unless another node that preempts outranks its lowered priority (130)");
  });

  test("cluster predicts the move, reports no error, and supersedes the single-file finding", () => {
    const r = cluster([a, b]);
    const s = r.groups[0].prediction.scenarios.find((x) => x.node === "n1.conf" && x.track === "chk");
    expect(s?.vipMoves).toBe(true);
    expect(s?.masterAfter).toBe("n2.conf");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const single = r.nodes[0].result.diagnostics.filter((d) => d.ruleId === "nopreempt-weighted-tracking");
    expect(single).toHaveLength(1);
    expect(r.superseded.has(single[0])).toBe(true);
  });

  test("when the other node has nopreempt too, the cluster verdict is the error, said once", () => {
    const r = cluster([a, node({ priority: 140, nopreempt: true, weight: null })]);
    expect(r.diagnostics.filter((d) => d.ruleId === "failover-never-with-nopreempt")).toHaveLength(1);
    const single = r.nodes[0].result.diagnostics.filter((d) => d.ruleId === "nopreempt-weighted-tracking");
    expect(single.every((d) => r.superseded.has(d))).toBe(true);
  });

  test("a node alone in its group keeps its single-file finding", () => {
    const r = cluster([a, node({ priority: 140, vrid: 52, vips: ["10.0.1.1/24"], weight: null })]);
    expect(r.superseded.size).toBe(0);
  });
});

/** Cluster fixtures: every cluster rule's docs examples, the three-node example, and nopreempt/priority mixes. */
function fixtures(): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const rule of ALL_RULES.filter((r) => r.checkCluster)) {
    const md = readFileSync(resolve(ROOT, "docs/rules", `${rule.meta.id}.md`), "utf8");
    for (const heading of ["Incorrect", "Correct"]) {
      const start = md.indexOf(`## ${heading}\n`);
      const next = md.indexOf("\n## ", start + 3);
      const codes = [...md.slice(start, next < 0 ? undefined : next).matchAll(/```keepalived\n([\s\S]*?)```/g)].map((m) => m[1]);
      if (codes.length > 1) out.push([`${rule.meta.id} ${heading}`, codes]);
    }
  }
  const dir = resolve(ROOT, "examples/memcached-three-nodes");
  out.push(["three-node example", readdirSync(dir).sort().map((n) => readFileSync(resolve(dir, n), "utf8"))]);
  for (const [pa, pb, pc] of [[150, 140, 0], [150, 140, 130], [100, 100, 0], [200, 100, 150]]) {
    for (let mask = 1; mask < 8; mask++) {
      const prios = pc ? [pa, pb, pc] : [pa, pb];
      out.push([`priorities ${prios.join("/")} nopreempt mask ${mask}`, prios.map((p, i) => node({ priority: p, nopreempt: (mask & (1 << i)) !== 0, weight: i === 0 ? -20 : null }))]);
    }
  }
  return out;
}

function run(codes: string[]) {
  const files = codes.map((_, i) => `/c/node${i + 1}.conf`);
  const fs = memoryFiles(Object.fromEntries(codes.map((c, i) => [files[i], c])), "/c");
  return lintCluster(fs, files);
}

describe("cluster rules never contradict each other", () => {
  test("following one rule's suggestion brings up no finding of another rule, and settles its own", () => {
    let followed = 0;
    const problems: string[] = [];
    for (const [name, codes] of fixtures()) {
      const before = run(codes);
      const rulesBefore = new Set(before.diagnostics.map((d) => d.ruleId));
      for (const d of before.diagnostics) {
        for (const s of d.suggestions ?? []) {
          followed++;
          const after = run(codes.map((text, i) => applyEdits(text, s.edits.filter((e: Edit) => e.file === `/c/node${i + 1}.conf`)).text));
          const brought = after.diagnostics.filter((x) => !rulesBefore.has(x.ruleId)).map((x) => x.ruleId);
          if (brought.length) problems.push(`${name}: following ${d.ruleId} ("${s.description}") brings up ${brought.join(", ")}`);
          if (after.diagnostics.some((x) => x.ruleId === d.ruleId && x.file === d.file)) problems.push(`${name}: following ${d.ruleId} does not settle it`);
        }
      }
    }
    expect(followed, "the fixtures hold cluster suggestions").toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });

  test("rules that advise on nopreempt give the same advice on the same files", () => {
    for (const [name, codes] of fixtures()) {
      const r = run(codes);
      const advice = new Set(r.diagnostics.filter((d) => /nopreempt/.test(d.hint ?? "") && d.suggestions?.length).map((d) => d.suggestions!.map((s) => s.description).join("|")));
      expect(advice.size, name).toBeLessThanOrEqual(1);
      const hints = r.diagnostics.map((d) => d.hint ?? "");
      expect(hints.filter((h) => /on that node only|drop nopreempt on/.test(h)), name).toEqual([]);
    }
  });
});
