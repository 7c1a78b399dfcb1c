/**
 * A unicast_peer entry equal to the instance's own unicast_src_ip: the node
 * sends its adverts to itself. Templated configurations that list every node
 * of the cluster as peers on every node do this; keepalived logs warnings for
 * the adverts it receives from itself.
 */
import { removeLine, suggestionOf } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";
import { ipOf } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "unicast-peer-self",
    severity: "warning",
    category: "ha",
    description: "unicast_peer lists the instance's own unicast_src_ip",
    fixable: false,
    hasSuggestions: true,
  },
  instance(inst, ctx) {
    const src = inst.settings.get("unicast_src_ip");
    const srcIp = src?.args[0] && ipOf(src.args[0].text);
    if (!src || !srcIp) return;
    for (const peer of inst.unicastPeers) {
      const ip = ipOf(peer.address);
      if (!ip || ip.family !== srcIp.family || ip.bytes.join(".") !== srcIp.bytes.join(".")) continue;
      const edit = removeLine(peer.node, ctx.files.get(peer.node.file));
      ctx.report({
        at: peer.node.keyword,
        message: `unicast_peer "${peer.address}" of vrrp_instance "${inst.name}" is the instance's own unicast_src_ip: the node sends adverts to itself`,
        hint: "list only the other nodes in unicast_peer",
        related: [{ span: src, message: "unicast_src_ip is set here" }],
        suggestions: edit ? [suggestionOf(["vrrp"], "the node stops sending adverts to itself (and stops logging about receiving them)", `remove unicast_peer "${peer.address}"`, edit)!] : undefined,
      });
    }
  },
});
