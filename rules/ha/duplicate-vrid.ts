/**
 * Two multicast instances with the same virtual_router_id, interface, address
 * family and multicast group: keepalived cannot tell their adverts apart and
 * refuses the configuration ("A and B both use VRID 51 with IPv4 on interface
 * eth0", vrrp.c check_vrid_conflicts()). Unicast instances may share a VRID.
 */
import { defineRule } from "../../src/engine/rule.js";
import type { VrrpInstance } from "../../src/model/model.js";
import { configHasConditionals, hasConditionalLines, ipOf } from "./helpers-facts.js";

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
    const oneFile = ctx.files.size === 1;
    for (const inst of ctx.model().instances) {
      const key = keyOf(inst, ctx.files, ctx.settings.configId, conditional);
      if (key === undefined) continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, inst);
        continue;
      }
      const family = inst.family;
      const earlierAt = earlier.vridNode ?? earlier.node;
      // The line named directly: these findings are made anew on every lint (never kept and moved).
      const sameFile = oneFile || earlier.node.file === inst.node.file;
      const line = sameFile ? ctx.files.get(earlierAt.file)?.lineOf(earlierAt.start) : undefined;
      const where = sameFile ? ` (${line !== undefined ? `line ${line}` : "earlier"})` : "";
      ctx.report({
        at: inst.vridNode!.args[0] ?? inst.vridNode!.keyword,
        message: `vrrp_instance "${inst.name}" uses virtual_router_id ${inst.vrid} with IPv${family} on interface "${inst.interface}", as vrrp_instance "${earlier.name}" does${where}: keepalived refuses the configuration`,
        hint: "give each VRRP instance on an interface its own virtual_router_id (the same one on every node of that instance)",
        related: [{ span: earlierAt, message: `vrrp_instance "${earlier.name}" uses virtual_router_id ${inst.vrid} here` }],
      });
    }
  },
});

/**
 * What two instances must share to clash: interface, family, VRID and
 * multicast group; undefined for an instance that cannot clash (unicast, no
 * VRID or interface, or one whose lines differ per node). It depends on the
 * instance alone, and the model gives the same object while its block and
 * the global settings are unchanged: kept per object (the editor lints a
 * 50,000-line file after each edit, and a key reads a dozen lines).
 */
const KEYS = new WeakMap<VrrpInstance, { configId: string | undefined; conditional: boolean; key: string | undefined }>();

function keyOf(inst: VrrpInstance, files: Parameters<typeof hasConditionalLines>[1], configId: string | undefined, conditional: boolean): string | undefined {
  const kept = KEYS.get(inst);
  if (kept && kept.configId === configId && kept.conditional === conditional) return kept.key;
  const key = computeKey(inst, files, configId, conditional);
  KEYS.set(inst, { configId, conditional, key });
  return key;
}

function computeKey(inst: VrrpInstance, files: Parameters<typeof hasConditionalLines>[1], configId: string | undefined, conditional: boolean): string | undefined {
  if (inst.vrid === undefined || !inst.vridNode || !inst.interface || inst.unicastPeers.length > 0) return undefined;
  // Peers or addresses behind @id lines may make the instance unicast or another family.
  if (hasConditionalLines(inst.node, files, configId)) return undefined;
  // An interface or VRID from a $DEFINITION set under @id lines differs per node.
  const synthetic = inst.settings.get("interface")?.args[0]?.synthetic || inst.vridNode.args[0]?.synthetic;
  if (synthetic && conditional) return undefined;
  const group = inst.settings.get("mcast_dst_ip")?.args[0]?.text;
  const groupKey = group ? ipOf(group)?.bytes.join(".") ?? group : "default";
  return `${inst.interface}\0${inst.family}\0${inst.vrid}\0${groupKey}`;
}
