/**
 * VRRP adverts are sent with TTL/hop limit 255 to a link-local multicast group
 * (224.0.0.18 / ff02::12). Groups outside 224.0.0.0/24 (IPv4) or ff02::/16
 * (IPv6) are subject to IGMP/MLD snooping on switches, which may stop
 * delivering them: "Receive advertisement timeout" and both nodes MASTER.
 * keepalived itself warns for vrrp_mcast_group6 ("should be link-local multicast").
 */
import type { Word } from "../../grammar/ast.js";
import { isMulticast } from "../../grammar/schema/index.js";
import { defineRule } from "../../src/engine/rule.js";
import { ipOf } from "./helpers-facts.js";

function outsideLinkLocal(word: Word | undefined): boolean {
  const ip = word && ipOf(word.text);
  if (!ip || !isMulticast(ip)) return false;
  return ip.family === 4 ? !(ip.bytes[0] === 224 && ip.bytes[1] === 0 && ip.bytes[2] === 0) : !(ip.bytes[0] === 0xff && ip.bytes[1] === 0x02);
}

export default defineRule({
  meta: {
    id: "mcast-group-not-link-local",
    severity: "warning",
    category: "ha",
    description: "A VRRP multicast group outside the link-local range (224.0.0.0/24, ff02::/16)",
    fixable: false,
  },
  check(ctx) {
    const model = ctx.model();
    for (const name of ["vrrp_mcast_group4", "vrrp_mcast_group6"]) {
      const node = model.globalDefs.get(name);
      if (!node || !outsideLinkLocal(node.args[0])) continue;
      report(node.args[0]!, `${name} "${node.args[0]!.text}"`);
    }
    for (const inst of model.instances) {
      const node = inst.settings.get("mcast_dst_ip");
      if (!node || !outsideLinkLocal(node.args[0])) continue;
      report(node.args[0]!, `mcast_dst_ip "${node.args[0]!.text}" of vrrp_instance "${inst.name}"`);
    }
    function report(at: Word, what: string) {
      const v6 = at.text.includes(":");
      ctx.report({
        at,
        message: `${what} is not a link-local multicast group (${v6 ? "ff02::/16" : "224.0.0.0/24"}): switches with ${v6 ? "MLD" : "IGMP"} snooping may not deliver the adverts, and then every node becomes MASTER`,
        hint: `use a group in ${v6 ? "ff02::/16 (default ff02::12)" : "224.0.0.0/24 (default 224.0.0.18)"}, the same on every node`,
      });
    }
  },
});
