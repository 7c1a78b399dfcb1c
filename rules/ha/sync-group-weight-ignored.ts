/**
 * Weighted trackers on a member of a vrrp_sync_group without
 * sync_group_tracking_weight: keepalived cannot let one member's priority
 * float while the group moves as one, so it drops the weighted tracker (or
 * zeroes the weight of an interface / default-weight track_file) at start-up
 * (vrrp.c, vrrp_complete_instance(): "ignoring tracked script … due to SYNC group").
 */
import { defineRule } from "../../src/engine/rule.js";
import { signed, TRACK_KEYWORD } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "sync-group-weight-ignored",
    severity: "error",
    category: "ha",
    description: "A weighted tracker on a sync-group member without sync_group_tracking_weight: keepalived ignores the weight",
    fixable: false,
  },
  check(ctx) {
    for (const group of ctx.model().syncGroups) {
      if (group.trackingWeight) continue;
      for (const member of group.members) {
        const inst = member.instance;
        // An owner (priority 255) loses its weights anyway: owner-weighted-tracking says so.
        if (!inst || inst.syncGroup !== group || inst.priority === 255) continue;
        for (const t of inst.trackers) {
          if (t.weight === 0 || t.kind === "process") continue;
          // Trackers keepalived never resolved are reported by the reference rules.
          if (t.kind !== "interface" && !t.definedBefore) continue;
          const kw = TRACK_KEYWORD[t.kind];
          const effect = t.kind === "interface" || (t.kind === "file" && t.weight === 1 && t.weightFrom === "default")
            ? "keepalived sets its weight to 0, so a failure puts the whole group into FAULT instead of lowering the priority"
            : "keepalived drops the tracker, so its failures are not acted on at all";
          const from = t.weightFrom === "definition" ? ` (from ${t.definition?.node.name} "${t.name}")` : t.weightFrom === "default" ? " (the track_file default)" : "";
          ctx.report({
            at: t.weightFrom === "tracker" && t.weightWord ? t.weightWord : t.node.keyword,
            message: `${kw} "${t.name}" has weight ${signed(t.weight)}${from} on vrrp_instance "${inst.name}", a member of vrrp_sync_group "${group.name}" without "sync_group_tracking_weight": ${effect}`,
            hint: `add "sync_group_tracking_weight" to vrrp_sync_group "${group.name}" to use the weight, or use weight 0 to have a failure put the group into FAULT`,
            related: [{ span: member.word, message: `"${inst.name}" joins vrrp_sync_group "${group.name}" here` }],
          });
        }
      }
    }
  },
});
