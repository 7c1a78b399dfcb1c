/** nopreempt on some nodes only: a node without it still takes the VIP back, so the cluster preempts after all. */
import { preempts } from "../../src/cluster/failover.js";
import { defineRule } from "../../src/engine/rule.js";
import { NOPREEMPT_ADVICE, anchorOf, removeNopreemptEverywhere, who } from "../helpers.js";

export default defineRule({
  meta: { id: "nopreempt-inconsistent", severity: "warning", category: "cluster", fixable: false, hasSuggestions: true,
    description: "nopreempt is set on some nodes of a VRRP cluster only" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      const without = g.members.filter((m) => preempts(m));
      const withIt = g.members.filter((m) => !preempts(m));
      if (without.length === 0 || withIt.length === 0) continue;
      for (const m of without) {
        ctx.report({
          at: anchorOf(m, "state").keyword,
          message: `${who(m)} preempts while ${withIt.map(who).join(", ")} ${withIt.length === 1 ? "has" : "have"} nopreempt (VRID ${g.vrid}): this node still takes the VIP back when it outranks the master`,
          hint: NOPREEMPT_ADVICE,
          suggestions: listOf(removeNopreemptEverywhere(ctx, g)),
        });
      }
    }
  },
});

function listOf<T>(x: T | undefined): T[] | undefined {
  return x ? [x] : undefined;
}
