/** Two clusters with different VIPs and the same VRID on one segment fight over one virtual MAC and each other's adverts. */
import { defineRule } from "../../src/engine/rule.js";
import { who } from "../helpers.js";

export default defineRule({
  meta: { id: "vrid-shared-by-clusters", severity: "error", category: "cluster", fixable: false,
    description: "two VRRP clusters with different VIPs use the same virtual_router_id" },
  checkCluster(ctx) {
    const seen = new Map<string, (typeof ctx.groups)[number]>();
    for (const g of ctx.groups) {
      const key = `${g.vrid}/${g.family}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, g);
        continue;
      }
      const m = g.members[0];
      ctx.report({
        at: (m.instance.vridNode ?? m.instance.node).keyword,
        message: `virtual_router_id ${g.vrid} of ${who(m)} (VIPs ${g.vips.join(", ") || "none"}) is also used by ${who(first.members[0])} with other VIPs (${first.vips.join(", ") || "none"}): on one network they share a virtual MAC and disturb each other's elections`,
        hint: "give each cluster its own virtual_router_id (1-255) per network segment",
      });
    }
  },
});
