/** The nodes of one VRRP cluster must carry the same VIPs: the master only ever holds its own list. */
import { defineRule } from "../../src/engine/rule.js";
import { who } from "../helpers.js";

export default defineRule({
  meta: { id: "vip-lists-differ", severity: "error", category: "cluster", fixable: false,
    description: "the nodes of one VRRP cluster list different virtual IP addresses" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      const key = (m: (typeof g.members)[number]) => m.instance.vips.map((v) => v.address.split("/")[0]).sort().join(" ");
      const first = g.members[0];
      for (const m of g.members.slice(1)) {
        if (key(m) === key(first)) continue;
        const mine = new Set(m.instance.vips.map((v) => v.address.split("/")[0]));
        const theirs = new Set(first.instance.vips.map((v) => v.address.split("/")[0]));
        const missing = [...theirs].filter((a) => !mine.has(a));
        const extra = [...mine].filter((a) => !theirs.has(a));
        const at = m.instance.node.children.find((c) => c.name === "virtual_ipaddress") ?? m.instance.node;
        ctx.report({
          at: at.keyword,
          message: `virtual_ipaddress of ${who(m)} differs from ${who(first)} (VRID ${g.vrid})${missing.length ? `: missing ${missing.join(", ")}` : ""}${extra.length ? `${missing.length ? ";" : ":"} extra ${extra.join(", ")}` : ""}; after a failover the VIPs change`,
          hint: "list the same addresses on every node of the cluster",
          related: [{ span: first.instance.node.keyword, message: `${first.file} lists ${[...theirs].join(", ") || "no VIP"}` }],
        });
      }
    }
  },
});
