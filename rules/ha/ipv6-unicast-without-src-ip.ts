/**
 * IPv6 unicast without unicast_src_ip: keepalived sends from, and binds its
 * unicast receive socket to, the first address it learns on the interface,
 * which for IPv6 is the link-local one. Peers configured with this node's
 * global address send their adverts to an address keepalived is not listening
 * on, so both nodes become MASTER.
 */
import { defineRule } from "../../src/engine/rule.js";
import { isLinkLocal } from "../../grammar/schema/index.js";
import { hasConditionalLines, ipOf } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "ipv6-unicast-without-src-ip",
    severity: "error",
    category: "ha",
    description: "IPv6 unicast peers with global addresses but no unicast_src_ip",
    fixable: false,
  },
  instance(inst, ctx) {
    if (inst.unicastPeers.length === 0 || inst.family !== 6) return;
    if (inst.settings.has("unicast_src_ip") || inst.settings.has("mcast_src_ip") || hasConditionalLines(inst.node, ctx.files, ctx.settings.configId)) return;
    const global = inst.unicastPeers.find((p) => {
      const ip = ipOf(p.address);
      return ip?.family === 6 && !isLinkLocal(ip);
    });
    if (!global) return;
    const block = global.node.parent ?? inst.node;
    ctx.report({
      at: block.keyword,
      message: `vrrp_instance "${inst.name}" has IPv6 unicast peers (such as "${global.address}") but no unicast_src_ip: keepalived sends from and listens on the interface's link-local address, so adverts the peers send to this node's global address are not received`,
      hint: "set \"unicast_src_ip\" to the address the other nodes list in their unicast_peer blocks",
    });
  },
});
