/**
 * A weighted check on the master that cannot move the VIP: the weight does not
 * bring the master below the next node's priority (a tie keeps the master).
 * The message gives the weight that would work.
 */
import { effectivePriority } from "../../src/cluster/failover.js";
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: { id: "failover-blocked-by-priority-gap", severity: "error", category: "cluster", fixable: false,
    description: "a failing check on the master lowers its priority too little to move the VIP" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      const master = g.prediction.simultaneousMaster;
      if (!master) continue;
      for (const s of g.prediction.scenarios) {
        if (s.member !== master || s.vipMoves || s.tracker.weight === 0 || s.reason.kind !== "gap-too-small") continue;
        // The prediction says which weight would move the VIP; the next node's priority follows from it.
        const need = -s.reason.weightNeeded;
        const second = effectivePriority(master) - need + 1;
        const at = s.tracker.weightWord ?? s.tracker.node.keyword;
        ctx.report({
          at,
          message: `when "${s.track}" fails on ${s.node}, its priority drops from ${effectivePriority(master)} to ${effectivePriority(master, new Set([s.tracker]))}, not below ${second} on the next node (VRID ${g.vrid}): the VIP does not move`,
          hint: `use a weight of -${need} or lower (the gap is ${need - 1}, and a tie keeps the master), or weight 0 to fail over through FAULT`,
        });
      }
    }
  },
});
