/**
 * With unicast, a node only hears the peers that send to it: every node's
 * unicast_src_ip must be in every other node's unicast_peer list.
 */
import { defineRule } from "../../src/engine/rule.js";
import { who } from "../helpers.js";

export default defineRule({
  meta: { id: "unicast-peers-not-mutual", severity: "error", category: "cluster", fixable: false,
    description: "a unicast node's source address is missing from another node's unicast_peer list" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      for (const m of g.members) {
        if (m.instance.unicastPeers.length === 0) continue;
        const peers = new Set(m.instance.unicastPeers.map((p) => p.address.split("/")[0]));
        for (const other of g.members) {
          if (other === m) continue;
          const src = other.instance.settings.get("unicast_src_ip")?.args[0]?.text;
          if (!src || peers.has(src.split("/")[0])) continue;
          const at = m.instance.node.children.find((c) => c.name === "unicast_peer") ?? m.instance.node;
          ctx.report({
            at: at.keyword,
            message: `unicast_peer of ${who(m)} does not list ${src}, the unicast_src_ip of ${who(other)} (VRID ${g.vrid}): their adverts never reach each other, so both can become MASTER`,
            hint: `add ${src} to the unicast_peer block of ${m.file}`,
          });
        }
      }
    }
  },
});
