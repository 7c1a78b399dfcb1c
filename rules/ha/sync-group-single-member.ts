/**
 * A sync group keeps several instances in the same state; with one member it
 * does nothing useful, and keepalived says "Sync group X has only 1 virtual
 * router(s) - this probably isn't what you want" (vrrp_sync.c). It still costs
 * the member its tracker weights unless sync_group_tracking_weight is set.
 */
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "sync-group-single-member",
    severity: "warning",
    category: "ha",
    description: "A vrrp_sync_group with only one existing member instance",
    fixable: false,
  },
  check(ctx) {
    for (const group of ctx.model().syncGroups) {
      const members = group.members.filter((m) => m.instance && m.instance.syncGroup === group);
      if (members.length !== 1) continue;
      ctx.report({
        at: group.node.args[0] ?? group.node.keyword,
        message: `vrrp_sync_group "${group.name}" has only one member ("${members[0]!.name}"): a sync group with one instance synchronises nothing`,
        hint: "add the other instances that must change state together, or remove the sync group (it also makes keepalived ignore tracker weights of its member)",
      });
    }
  },
});
