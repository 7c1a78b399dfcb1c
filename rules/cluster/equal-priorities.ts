/** Equal priorities make the election fall back to the highest IP address, and make nopreempt look broken. */
import { effectivePriority } from "../../src/cluster/failover.js";
import { defineRule } from "../../src/engine/rule.js";
import { anchorOf, who } from "../helpers.js";

export default defineRule({
  meta: { id: "equal-priorities", severity: "warning", category: "cluster", fixable: false,
    description: "two nodes of one VRRP cluster have the same priority" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      for (let i = 0; i < g.members.length; i++) {
        for (let j = 0; j < i; j++) {
          const a = g.members[i];
          const b = g.members[j];
          if (effectivePriority(a) !== effectivePriority(b)) continue;
          ctx.report({
            at: anchorOf(a, "priority").keyword,
            message: `${who(a)} and ${who(b)} both run at priority ${effectivePriority(a)} (VRID ${g.vrid}): the node with the highest IP address wins, and a tie never takes over from a master`,
            hint: "give every node of the cluster a distinct priority",
          });
        }
      }
    }
  },
});
