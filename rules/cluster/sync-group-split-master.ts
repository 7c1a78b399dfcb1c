/**
 * A sync group exists to keep its instances on one node. When the instances'
 * priorities point at different nodes, the group's members elect different
 * masters whenever the group is not pulled together by a FAULT.
 */
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: { id: "sync-group-split-master", severity: "error", category: "cluster", fixable: false,
    description: "the instances of a sync group would elect different masters" },
  checkCluster(ctx) {
    for (const node of ctx.nodes) {
      for (const sg of node.result.model.syncGroups) {
        const masters = new Map<string, string>();
        for (const member of sg.members) {
          const inst = member.instance;
          if (!inst) continue;
          const group = ctx.groups.find((g) => g.members.some((m) => m.instance === inst));
          const master = group?.prediction.simultaneousMaster;
          if (master) masters.set(inst.name, master.file);
        }
        const distinct = new Set(masters.values());
        if (distinct.size < 2) continue;
        ctx.report({
          at: sg.node.keyword,
          message: `vrrp_sync_group "${sg.name}" on ${node.file}: its instances would elect different masters (${[...masters].map(([i, f]) => `${i} → ${f}`).join(", ")})`,
          hint: "give every instance of the group the same priority order across the nodes",
        });
      }
    }
  },
});
