/**
 * With DR or TUN forwarding the kernel sends packets to the real server
 * unchanged, so the real server's port cannot differ from the virtual
 * server's: keepalived resets it ("virtual server X and real server Y ports
 * don't match - resetting", check/check_data.c). Only NAT can map ports.
 */
import { replaceWord, fixOf } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";
import { forwardingOf, isAddressServer, vsLabel } from "./facts.js";

export default defineRule({
  meta: {
    id: "real-server-port-mismatch",
    severity: "warning",
    category: "ha",
    description: "A DR/TUN real_server port different from the virtual_server port: keepalived uses the virtual server's",
    fixable: true,
  },
  check(ctx) {
    for (const vs of ctx.model().virtualServers) {
      const vsPort = vs.node.args[1];
      if (!isAddressServer(vs) || !vsPort || !/^\d+$/.test(vsPort.text)) continue;
      for (const rs of vs.realServers) {
        const port = rs.node.args[1];
        if (!port || !/^\d+$/.test(port.text) || Number(port.text) === Number(vsPort.text)) continue;
        const method = forwardingOf(vs, rs);
        if (method !== "DR" && method !== "TUN") continue;
        ctx.report({
          at: port,
          message: `real_server ${rs.node.args[0]?.text ?? ""} port ${port.text} differs from the port ${vsPort.text} of ${vsLabel(vs)}, but ${method} forwarding cannot change ports: keepalived uses ${vsPort.text}`,
          hint: `make the service listen on port ${vsPort.text} on the real server, or use NAT forwarding to map ports`,
          fix: fixOf(`use port ${vsPort.text}, as keepalived does`, replaceWord(port, vsPort.text)),
        });
      }
    }
  },
});
