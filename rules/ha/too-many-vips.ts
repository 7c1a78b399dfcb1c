/**
 * An advert lists every virtual_ipaddress; keepalived caps the list at what fits
 * a packet on the interface's MTU and at 255 addresses, and moves the rest to
 * the excluded list (vrrp.c: "Number of VIPs (N) exceeds maximum/space
 * available in packet"). With a 1500-byte MTU that is 255 IPv4 or 89 IPv6
 * addresses (IPv6 header 14+40+8 bytes, 16 bytes per address).
 */
import { defineRule } from "../../src/engine/rule.js";

const MTU = 1500;

export default defineRule({
  meta: {
    id: "too-many-vips",
    severity: "warning",
    category: "ha",
    description: "More virtual_ipaddress entries than fit in one VRRP advert",
    fixable: false,
  },
  instance(inst, ctx) {
    const family = inst.family;
    const version = inst.version;
    const vips = inst.vips.filter((v) => v.family === family);
    const auth = family === 4 && version === 2 ? authBytes(inst.node.children.find((c) => c.name === "authentication")?.children.find((c) => c.name === "auth_type")?.args[0]?.text) : 0;
    const header = family === 4 ? 14 + 20 + 8 + auth : 14 + 40 + 8;
    const max = Math.min(255, Math.floor((MTU - header) / (family === 4 ? 4 : 16)));
    if (vips.length <= max) return;
    const firstExcess = vips[max]!;
    ctx.report({
      at: firstExcess.node.keyword,
      message: `vrrp_instance "${inst.name}" has ${vips.length} IPv${family} virtual addresses, but an advert holds at most ${max} (with a ${MTU}-byte MTU): keepalived moves "${firstExcess.address}" and the ones after it out of the adverts`,
      hint: "move the addresses beyond the limit to a virtual_ipaddress_excluded block; they are still added and removed with the instance's state",
    });
  },
});

function authBytes(type: string | undefined): number {
  return type === "PASS" ? 8 : type === "AH" ? 24 : 0;
}
