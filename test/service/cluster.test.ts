// With a "cluster" list in .keepalived-lint.json, the editor shows the cluster
// findings of the open node config (and only of that node).
import { expect, test } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { analyze } from "../../src/service/analyze.js";
import { node } from "../cluster/helpers.js";

const files = {
  "/cl/.keepalived-lint.json": JSON.stringify({ cluster: ["a.conf", "b.conf"] }),
  "/cl/a.conf": node({ priority: 100, nopreempt: true, weight: -20 }),
  "/cl/b.conf": node({ priority: 90, nopreempt: true, weight: -20, vips: ["10.0.0.100/24", "10.0.0.101/24"] }),
};

test("cluster findings of a listed node appear in its diagnostics", () => {
  const a = analyze(memoryFiles(files, "/cl"), "/cl/a.conf");
  const ids = a.result.diagnostics.map((d) => d.ruleId);
  expect(ids).toContain("failover-never-with-nopreempt");
  expect(a.result.diagnostics.every((d) => d.file === "/cl/a.conf")).toBe(true);
  const b = analyze(memoryFiles(files, "/cl"), "/cl/b.conf");
  expect(b.result.diagnostics.map((d) => d.ruleId)).toContain("vip-lists-differ");
});

test("an unsaved buffer of another node counts", () => {
  const a = analyze(memoryFiles(files, "/cl"), "/cl/a.conf", { overrides: new Map([["/cl/b.conf", node({ priority: 90, nopreempt: true, weight: 0 })]]) });
  expect(a.result.diagnostics.map((d) => d.ruleId)).not.toContain("vip-lists-differ");
});

test("without a cluster list no cluster rule runs", () => {
  const { "/cl/.keepalived-lint.json": _, ...rest } = files;
  const a = analyze(memoryFiles(rest, "/cl"), "/cl/a.conf");
  expect(a.result.diagnostics.map((d) => d.ruleId)).not.toContain("failover-never-with-nopreempt");
});
