/**
 * A sync group moves its members together, so its members must agree on
 * whether they start as address owner (state MASTER with priority 255):
 * keepalived warns "Sync group X has some member(s) as address owner and some
 * not as address owner. This won't work." (vrrp_sync.c).
 */
import { defineRule } from "../../src/engine/rule.js";
import type { VrrpInstance } from "../../src/model/model.js";

export default defineRule({
  meta: {
    id: "sync-group-mixed-owners",
    severity: "error",
    category: "ha",
    description: "A vrrp_sync_group mixing address owners (priority 255) and other members",
    fixable: false,
  },
  check(ctx) {
    const isOwner = (i: VrrpInstance) => i.priority === 255 && i.state === "MASTER";
    for (const group of ctx.model().syncGroups) {
      const members = group.members.filter((m) => m.instance && m.instance.syncGroup === group);
      const owner = members.find((m) => isOwner(m.instance!));
      const other = members.find((m) => !isOwner(m.instance!));
      if (!owner || !other) continue;
      ctx.report({
        at: other.word,
        message: `vrrp_sync_group "${group.name}" has "${owner.name}" as address owner (priority 255) but "${other.name}" with priority ${other.instance!.priority}: the group cannot move as one`,
        hint: "give every member of the group priority 255 on the owner node, or none",
        related: [{ span: owner.word, message: `"${owner.name}" is an address owner` }],
      });
    }
  },
});
