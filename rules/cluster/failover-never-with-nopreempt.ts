/**
 * Across the cluster: a weighted check on the master that a higher-priority
 * backup would act on, except that the backup has nopreempt — so the failure
 * never moves the VIP.
 */
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: { id: "failover-never-with-nopreempt", severity: "error", category: "cluster", fixable: false,
    description: "under nopreempt, a failing weighted check on the master never moves the VIP" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      for (const s of g.prediction.scenarios) {
        if (s.vipMoves || s.tracker.weight === 0 || s.masterBefore !== s.node || s.reason.kind !== "blocked-by-nopreempt") continue;
        ctx.report({
          at: s.tracker.weightWord ?? s.tracker.node.keyword,
          message: `when "${s.track}" fails on ${s.node} (the master), ${s.why} (VRID ${g.vrid})`,
          hint: "use weight 0 for the check: a failure then puts the master into FAULT, which releases the VIP even under nopreempt",
        });
      }
    }
  },
});
