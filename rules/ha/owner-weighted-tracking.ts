/**
 * Weighted trackers on the address owner (priority 255, also implied by
 * `state MASTER` without a priority): the owner's priority may not change, so
 * keepalived drops weighted trackers (vrrp.c: "Cannot have weighted track
 * script … with priority 255", "ignoring … tracked interface … due to address
 * owner").
 */
import { defineRule } from "../../src/engine/rule.js";
import { signed, TRACK_KEYWORD } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "owner-weighted-tracking",
    severity: "error",
    category: "ha",
    description: "A weighted tracker on an instance with priority 255: keepalived drops it",
    fixable: false,
  },
  check(ctx) {
    for (const inst of ctx.model().instances) {
      if (inst.priority !== 255) continue;
      for (const t of inst.trackers) {
        if (t.weight === 0 || t.kind === "process") continue;
        if (t.kind !== "interface" && !t.definedBefore) continue;
        const kw = TRACK_KEYWORD[t.kind];
        const defaultFile = t.kind === "file" && t.weightFrom === "default";
        const effect = defaultFile
          ? "keepalived sets its weight to 0, so a failure puts the instance into FAULT"
          : "keepalived drops the tracker, so its failures are not acted on at all";
        const why = inst.priorityNode ? "priority 255 (address owner)" : "\"state MASTER\" and no priority, which means priority 255 (address owner)";
        const from = t.weightFrom === "definition" ? ` (from ${t.definition?.node.name} "${t.name}")` : defaultFile ? " (the track_file default)" : "";
        ctx.report({
          at: t.weightFrom === "tracker" && t.weightWord ? t.weightWord : t.node.keyword,
          message: `${kw} "${t.name}" has weight ${signed(t.weight)}${from} on vrrp_instance "${inst.name}" with ${why}: the owner's priority cannot change, ${effect}`,
          hint: "give the instance a priority below 255 so the weight can move the VIP, or use weight 0 so a failure puts the instance into FAULT",
          related: inst.priorityNode ? [{ span: inst.priorityNode, message: "priority 255 is set here" }] : inst.stateNode ? [{ span: inst.stateNode, message: "state MASTER without priority is set here" }] : undefined,
        });
      }
    }
  },
});
