/** Under nopreempt the first node to start becomes master, whatever its priority. */
import { defineRule } from "../../src/engine/rule.js";
import { anchorOf } from "../helpers.js";

export default defineRule({
  meta: { id: "startup-order-decides-master", severity: "warning", category: "cluster", fixable: false,
    description: "which node becomes master depends on which starts first, not on priority" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      if (g.prediction.initialMaster || g.members.length < 2 || !g.prediction.initialWhy.includes("nopreempt")) continue;
      const top = g.prediction.simultaneousMaster!;
      ctx.report({
        at: anchorOf(top, "nopreempt").keyword,
        message: `VRID ${g.vrid}: ${g.prediction.initialWhy}; the priorities only decide a simultaneous start`,
        hint: "if the highest priority should win at start-up, drop nopreempt on that node only (it then preempts once) or start it first",
        severity: "warning",
      });
    }
  },
});
