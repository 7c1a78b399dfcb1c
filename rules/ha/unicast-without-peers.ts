/**
 * A unicast keyword (unicast_src_ip, an empty unicast_peer block,
 * check_unicast_src, old_unicast_checksum) without any unicast peer: keepalived
 * falls back to multicast ("A unicast keyword has been specified without any
 * unicast peers. Defaulting to multicast. This usage is deprecated", vrrp.c),
 * which is usually not what a unicast setup (cloud, firewalled VRRP) wants.
 */
import { lookupKeyword } from "../../grammar/schema/index.js";
import { defineRule } from "../../src/engine/rule.js";
import { hasConditionalLines } from "./helpers-facts.js";

/** The schema marks the keywords that make an instance unicast; unicast_fault_no_peer is the exception handled above. */
const isUnicastKeyword = (context: string, name: string) => name !== "unicast_fault_no_peer" && lookupKeyword(context, name)?.setsUnicast === true;

export default defineRule({
  meta: {
    id: "unicast-without-peers",
    severity: "warning",
    category: "ha",
    description: "A unicast keyword without unicast peers: keepalived falls back to multicast",
    fixable: false,
    keepalivedRefuses: "always",
  },
  instance(inst, ctx) {
    if (inst.unicastPeers.length > 0 || inst.settings.has("unicast_fault_no_peer") || hasConditionalLines(inst.node, ctx.files, ctx.settings.configId)) return;
    const node = inst.node.children.find((c) => c.kind === "keyword" && isUnicastKeyword(c.context, c.name));
    if (!node) return;
    ctx.report({
      at: node.keyword,
      message: `vrrp_instance "${inst.name}" has "${node.name}" but no unicast peers: keepalived sends multicast adverts instead (deprecated fallback)`,
      hint: "list the other nodes in a unicast_peer block, or remove the unicast keywords (use mcast_src_ip to set a multicast source address)",
    });
  },
});
