// --fix applies every safe fix in one pass, also those beyond the per-file cap of reported findings.
import { expect, it } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { lintAndFix } from "../../src/workspace/fix.js";

it("fixes beyond the findings cap are all applied: the fix loop needs no pass per capful of findings", () => {
  // 60 fixes at 5 reported per pass would need 12 passes, more than the fix loop's 10.
  const servers = Array.from({ length: 60 }, (_, i) => `virtual_server 10.0.${i >> 8}.${(i & 255) + 1} 80 {\n    lb_algo rr\n}\n`).join("");
  const path = "/etc/keepalived/keepalived.conf";
  const texts = new Map([[path, servers]]);
  const out = lintAndFix(memoryFiles({ [path]: servers }), path, { budgets: { findingsPerFile: 5 }, rules: { "deprecated-keyword": "warning" } }, texts, true, () => true);
  expect(out.texts.get(path)).toBe(servers.replaceAll("lb_algo rr", "lvs_sched rr"));
  expect(out.result.diagnostics.filter((d) => d.ruleId === "deprecated-keyword")).toEqual([]);
});
