/**
 * A vrrp_sync_group `group` entry naming no vrrp_instance: keepalived ignores
 * the name ("Virtual router X specified in sync group Y doesn't exist -
 * ignoring", vrrp_sync.c), and removes the group when no member is left.
 * Members are resolved after the whole file is read, so order does not matter.
 */
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "undefined-sync-group-member",
    severity: "error",
    category: "ha",
    description: "A vrrp_sync_group member that names no vrrp_instance",
    fixable: false,
  },
  check(ctx) {
    for (const group of ctx.model().syncGroups) {
      for (const m of group.members) {
        if (m.instance) continue;
        ctx.report({
          at: m.word,
          message: `vrrp_sync_group "${group.name}" lists "${m.name}", but no vrrp_instance has that name: keepalived ignores it`,
          hint: "use the name of a vrrp_instance block (names are case-sensitive)",
        });
      }
    }
  },
});
