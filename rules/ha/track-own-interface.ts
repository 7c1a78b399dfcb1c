/**
 * An instance always tracks the interface it runs on (a link failure puts it
 * into FAULT), so keepalived drops an explicit track_interface entry for that
 * interface ("Ignoring track_interface X since own interface", vrrp.c), weight
 * and all: a weight written there never changes the priority.
 */
import { defineRule } from "../../src/engine/rule.js";
import { signed } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "track-own-interface",
    severity: "warning",
    category: "ha",
    description: "track_interface naming the instance's own interface: keepalived drops the entry",
    fixable: false,
    keepalivedRefuses: "always",
  },
  check(ctx) {
    for (const inst of ctx.model().instances) {
      if (!inst.interface) continue;
      for (const t of inst.trackers) {
        if (t.kind !== "interface" || t.name !== inst.interface) continue;
        const weighted = t.weight !== 0;
        const own = inst.settings.has("dont_track_primary")
          ? "with \"dont_track_primary\" its state is not tracked at all"
          : "keepalived always tracks it, and its failure puts the instance into FAULT";
        ctx.report({
          at: weighted && t.weightWord ? t.weightWord : t.node.keyword,
          message: weighted
            ? `track_interface "${t.name}" with weight ${signed(t.weight)} is vrrp_instance "${inst.name}"'s own interface: keepalived drops the entry, so the weight is never applied (${own})`
            : `track_interface "${t.name}" is vrrp_instance "${inst.name}"'s own interface: keepalived drops the entry (${own})`,
          hint: weighted ? "to lower the priority on link loss, track the link some other way (a vrrp_script); or remove the entry" : "remove the entry",
          severity: weighted ? "error" : undefined,
        });
      }
    }
  },
});
