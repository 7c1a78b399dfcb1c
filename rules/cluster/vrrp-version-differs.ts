/** The nodes of one cluster must agree on the VRRP version: a VRRPv2 node and a VRRPv3 node do not understand each other's adverts, so both become MASTER. */
import { defineRule } from "../../src/engine/rule.js";
import { anchorOf, who } from "../helpers.js";

export default defineRule({
  meta: { id: "vrrp-version-differs", severity: "error", category: "cluster", fixable: false,
    description: "the nodes of one VRRP cluster use different version values" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      const value = (m: (typeof g.members)[number]) =>
        String(m.instance.version);
      const first = g.members[0];
      for (const m of g.members.slice(1)) {
        if (value(m) === value(first)) continue;
        ctx.report({
          at: anchorOf(m, "version").keyword,
          message: `version "${value(m)}" of ${who(m)} differs from "${value(first)}" on ${who(first)} (VRID ${g.vrid}): a VRRPv2 node and a VRRPv3 node do not understand each other's adverts, so both become MASTER`,
          hint: "use the same version on every node of the cluster",
          related: [{ span: anchorOf(first, "version").keyword, message: `${first.file} uses ${value(first)}` }],
        });
      }
    }
  },
});
