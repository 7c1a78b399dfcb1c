/** More than one node starting as MASTER: they all claim the VIP until adverts sort it out, and nopreempt is cleared on them. */
import { defineRule } from "../../src/engine/rule.js";
import { anchorOf, who } from "../helpers.js";

export default defineRule({
  meta: { id: "multiple-state-master", severity: "warning", category: "cluster", fixable: false,
    description: "more than one node of a VRRP cluster starts with state MASTER" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      const masters = g.members.filter((m) => m.instance.state === "MASTER");
      for (const m of masters.slice(1)) {
        ctx.report({
          at: anchorOf(m, "state").keyword,
          message: `${who(m)} starts with "state MASTER" like ${who(masters[0])} (VRID ${g.vrid}): both send gratuitous ARPs for the VIP at start-up`,
          hint: "set state MASTER on at most one node, or state BACKUP on all and let priorities decide",
        });
      }
    }
  },
});
