/**
 * An instance has one address family, set by the first address line keepalived
 * reads (unicast_src_ip, mcast_dst_ip, a unicast peer or a VIP). Later lines of
 * the other family are skipped ("address family must match VRRP instance -
 * ignoring", vrrp_data.c / vrrp_parser.c). IPv4 and IPv6 VIPs together need two
 * instances, or the second family in virtual_ipaddress_excluded.
 */
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "address-family-mismatch",
    severity: "error",
    category: "ha",
    description: "An address of the other family in a VRRP instance: keepalived ignores it",
    fixable: false,
    keepalivedRefuses: "always",
  },
  instance(inst, ctx) {
    const lines = inst.familyLines;
    const first = lines[0];
    if (!first) return;
    for (const line of lines.slice(1)) {
      if (line.family === first.family) continue;
      const at = line.node.kind === "entry" ? line.node.keyword : line.node.args[0] ?? line.node.keyword;
      const vip = line.what.startsWith("virtual address");
      ctx.report({
        at,
        message: `${line.what} is IPv${line.family}, but vrrp_instance "${inst.name}" is IPv${first.family} (set by ${first.what}): keepalived ignores it`,
        hint: vip
          ? `put IPv${line.family} addresses in a virtual_ipaddress_excluded block, or in a separate vrrp_instance`
          : `use an IPv${first.family} address here, or a separate vrrp_instance for IPv${line.family}`,
        related: [{ span: first.node, message: `the instance becomes IPv${first.family} here` }],
      });
    }
  },
});
