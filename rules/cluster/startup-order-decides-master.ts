/** Under nopreempt the first node to start becomes master, whatever its priority. */
import { defineRule } from "../../src/engine/rule.js";
import { NOPREEMPT_ADVICE, anchorOf, removeNopreemptEverywhere } from "../helpers.js";

export default defineRule({
  meta: { id: "startup-order-decides-master", severity: "warning", category: "cluster", fixable: false, hasSuggestions: true,
    description: "which node becomes master depends on which starts first, not on priority" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      if (g.prediction.initialMaster || g.members.length < 2 || !g.prediction.initialWhy.includes("nopreempt")) continue;
      const top = g.prediction.simultaneousMaster!;
      ctx.report({
        at: anchorOf(top, "nopreempt").keyword,
        message: `VRID ${g.vrid}: ${g.prediction.initialWhy}; the priorities only decide a simultaneous start`,
        // Not "drop it on that node only": nopreempt-inconsistent would then (rightly) say the cluster preempts after all.
        hint: `if the highest priority should win at start-up, remove nopreempt on every node, or start that node first; ${NOPREEMPT_ADVICE}`,
        severity: "warning",
        suggestions: (() => {
          const s = removeNopreemptEverywhere(ctx, g);
          return s ? [s] : undefined;
        })(),
      });
    }
  },
});
