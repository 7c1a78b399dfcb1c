/**
 * An instance can belong to one sync group only: keepalived keeps it in the
 * first group that names it and ignores it in later ones ("Virtual router X
 * cannot exist in more than one sync group; ignoring Y", vrrp_sync.c).
 */
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "sync-group-duplicate-member",
    severity: "error",
    category: "ha",
    description: "A vrrp_instance listed in more than one vrrp_sync_group: keepalived ignores the later listings",
    fixable: false,
  },
  check(ctx) {
    for (const group of ctx.model().syncGroups) {
      for (const m of group.members) {
        const first = m.instance?.syncGroup;
        if (!first || first === group) continue;
        const earlier = first.members.find((x) => x.instance === m.instance);
        ctx.report({
          at: m.word,
          message: `vrrp_instance "${m.name}" is already a member of vrrp_sync_group "${first.name}": keepalived ignores it in vrrp_sync_group "${group.name}"`,
          hint: "list each instance in one sync group only; merge the groups if their instances must change state together",
          related: earlier ? [{ span: earlier.word, message: `"${m.name}" joins vrrp_sync_group "${first.name}" here` }] : undefined,
        });
      }
    }
  },
});
