/** The nodes of one cluster must agree on the advertisement interval: nodes drop each other's adverts when the intervals differ (VRRPv2 discards them), so every node becomes MASTER. */
import { defineRule } from "../../src/engine/rule.js";
import { anchorOf, who } from "../helpers.js";

export default defineRule({
  meta: { id: "advert-int-differs", severity: "error", category: "cluster", fixable: false,
    description: "the nodes of one VRRP cluster use different advert_int values" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      const value = (m: (typeof g.members)[number]) =>
        m.instance.settings.get("advert_int")?.args[0]?.text ?? "1";
      const first = g.members[0];
      for (const m of g.members.slice(1)) {
        if (value(m) === value(first)) continue;
        ctx.report({
          at: anchorOf(m, "advert_int").keyword,
          message: `advert_int "${value(m)}" of ${who(m)} differs from "${value(first)}" on ${who(first)} (VRID ${g.vrid}): nodes drop each other's adverts when the intervals differ (VRRPv2 discards them), so every node becomes MASTER`,
          hint: "use the same advert_int on every node of the cluster",
          related: [{ span: anchorOf(first, "advert_int").keyword, message: `${first.file} uses ${value(first)}` }],
        });
      }
    }
  },
});
