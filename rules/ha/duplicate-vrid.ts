/**
 * Two multicast instances with the same virtual_router_id, interface, address
 * family and multicast group: keepalived cannot tell their adverts apart and
 * refuses the configuration ("A and B both use VRID 51 with IPv4 on interface
 * eth0", vrrp.c check_vrid_conflicts()). Unicast instances may share a VRID.
 */
import { defineRule } from "../../src/engine/rule.js";
import type { VrrpInstance } from "../../src/model/model.js";
import { configHasConditionals, hasConditionalLines, ipOf, lineOf } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "duplicate-vrid",
    severity: "error",
    category: "ha",
    description: "Two multicast VRRP instances use the same virtual_router_id on the same interface and address family",
    fixable: false,
  },
  check(ctx) {
    const first = new Map<string, VrrpInstance>();
    const conditional = configHasConditionals(ctx.files, ctx.settings.configId);
    for (const inst of ctx.model().instances) {
      if (inst.vrid === undefined || !inst.vridNode || !inst.interface || inst.unicastPeers.length > 0) continue;
      // Peers or addresses behind @id lines may make the instance unicast or another family.
      if (hasConditionalLines(inst.node, ctx.files, ctx.settings.configId)) continue;
      // An interface or VRID from a $DEFINITION set under @id lines differs per node.
      const synthetic = inst.settings.get("interface")?.args[0]?.synthetic || inst.vridNode.args[0]?.synthetic;
      if (synthetic && conditional) continue;
      const family = inst.family;
      const group = inst.settings.get("mcast_dst_ip")?.args[0]?.text;
      const groupKey = group ? ipOf(group)?.bytes.join(".") ?? group : "default";
      const key = `${inst.interface}\0${family}\0${inst.vrid}\0${groupKey}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, inst);
        continue;
      }
      const line = lineOf(ctx.files, earlier.vridNode ?? earlier.node);
      const where = earlier.node.file === inst.node.file && line !== undefined ? ` (line ${line})` : "";
      ctx.report({
        at: inst.vridNode.args[0] ?? inst.vridNode.keyword,
        message: `vrrp_instance "${inst.name}" uses virtual_router_id ${inst.vrid} with IPv${family} on interface "${inst.interface}", as vrrp_instance "${earlier.name}" does${where}: keepalived refuses the configuration`,
        hint: "give each VRRP instance on an interface its own virtual_router_id (the same one on every node of that instance)",
        related: [{ span: earlier.vridNode ?? earlier.node, message: `vrrp_instance "${earlier.name}" uses virtual_router_id ${inst.vrid} here` }],
      });
    }
  },
});
