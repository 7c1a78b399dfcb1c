/**
 * Two multicast instances with the same virtual_router_id, interface, address
 * family and multicast group: keepalived cannot tell their adverts apart and
 * refuses the configuration ("A and B both use VRID 51 with IPv4 on interface
 * eth0", vrrp.c check_vrid_conflicts()). Unicast instances may share a VRID.
 */
import { defineRule } from "../../src/engine/rule.js";
import type { Span } from "../../grammar/ast.js";
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
    const first = new Map<string, { inst: VrrpInstance; clash: Clash }>();
    const conditional = configHasConditionals(ctx.files, ctx.settings.configId);
    const oneFile = ctx.files.size === 1;
    for (const inst of ctx.model().instances) {
      const clash = clashOf(inst, ctx.files, ctx.settings.configId, conditional);
      if (clash === undefined) continue;
      const earlier = first.get(clash.key);
      if (!earlier) {
        first.set(clash.key, { inst, clash });
        continue;
      }
      const family = inst.family;
      const earlierAt = earlier.clash.vridAt;
      // The line named directly: these findings are made anew on every lint (never kept and moved).
      const sameFile = oneFile || earlier.clash.file === clash.file;
      const line = sameFile ? ctx.files.get(earlierAt.file)?.lineOf(earlierAt.start) : undefined;
      const where = sameFile ? ` (${line !== undefined ? `line ${line}` : "earlier"})` : "";
      ctx.report({
        at: clash.at,
        message: `vrrp_instance "${inst.name}" uses virtual_router_id ${inst.vrid} with IPv${family} on interface "${inst.interface}", as vrrp_instance "${earlier.inst.name}" does${where}: keepalived refuses the configuration`,
        hint: "give each VRRP instance on an interface its own virtual_router_id (the same one on every node of that instance)",
        related: [{ span: earlierAt, message: `vrrp_instance "${earlier.inst.name}" uses virtual_router_id ${inst.vrid} here` }],
      });
    }
  },
});

/**
 * What two instances must share to clash: interface, family, VRID and
 * multicast group (`key`); undefined for an instance that cannot clash
 * (unicast, no VRID or interface, or one whose lines differ per node). With
 * it, where a finding on the instance goes and what an earlier one names.
 * It depends on the instance alone, and the model gives the same object
 * while its block and the global settings are unchanged: kept per object
 * (the editor lints a 50,000-line file after each edit, and a key reads a
 * dozen lines; the spans are the tree's, which move with their block).
 */
interface Clash {
  key: string;
  /** The VRID's word (a finding on this instance goes there). */
  at: Span;
  /** The virtual_router_id line (what a later instance's finding names), and the instance's file. */
  vridAt: Span;
  file: string;
}

const CLASHES = new WeakMap<VrrpInstance, { configId: string | undefined; conditional: boolean; clash: Clash | undefined }>();

function clashOf(inst: VrrpInstance, files: Parameters<typeof hasConditionalLines>[1], configId: string | undefined, conditional: boolean): Clash | undefined {
  const kept = CLASHES.get(inst);
  if (kept && kept.configId === configId && kept.conditional === conditional) return kept.clash;
  const key = computeKey(inst, files, configId, conditional);
  const vrid = inst.vridNode;
  const clash = key === undefined || !vrid ? undefined : { key, at: vrid.args[0] ?? vrid.keyword, vridAt: vrid, file: inst.node.file };
  CLASHES.set(inst, { configId, conditional, clash });
  return clash;
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
