/**
 * In strict mode a non-owner instance does not accept packets addressed to its
 * VIPs: keepalived installs firewall rules (iptables/nftables) that drop them,
 * so the VIP does not answer pings or connections while this node is MASTER.
 * `accept` lifts that, but only with VRRP version 3: under version 2 strict
 * mode resets it ("accept mode for VRRP version 2 does not comply with
 * RFC3768 - resetting", vrrp.c).
 */
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "strict-mode-no-accept",
    severity: "warning",
    category: "ha",
    description: "vrrp_strict without accept mode: traffic to the VIPs is dropped on a non-owner MASTER",
    fixable: false,
  },
  check(ctx) {
    const model = ctx.model();
    for (const inst of model.instances) {
      if (inst.priority === 255 || !inst.strict) continue;
      // An explicit no_accept is a deliberate choice.
      if (inst.settings.has("no_accept")) continue;
      const accept = inst.settings.get("accept");
      const version = inst.version;
      if (accept && version === 3) continue;
      const strictNode = inst.settings.get("strict_mode") ?? model.globalDefs.get("vrrp_strict");
      const message = accept
        ? `"accept" on vrrp_instance "${inst.name}" is reset by strict mode under VRRP version 2: keepalived drops traffic to the VIPs while this node is MASTER (they do not answer ping or connections)`
        : `vrrp_instance "${inst.name}" runs in strict mode without "accept": keepalived drops traffic to the VIPs while this node is MASTER (they do not answer ping or connections)`;
      ctx.report({
        at: accept?.keyword ?? inst.node.keyword,
        message,
        hint: version === 3 ? "add \"accept\" to the instance, or remove vrrp_strict" : "remove vrrp_strict, or use \"version 3\" with \"accept\" on every node",
        related: strictNode ? [{ span: strictNode, message: "strict mode is switched on here" }] : undefined,
      });
    }
  },
});
