/**
 * With DR or TUN forwarding the kernel sends packets to the real server
 * unchanged, so the real server's port cannot differ from the virtual
 * server's: keepalived resets it ("virtual server X and real server Y ports
 * don't match - resetting", check/check_data.c). Only NAT can map ports. For
 * a fwmark service the port of a DR/TUN real server is cleared.
 */
import { fixOf, removeWords, replaceWord } from "../../src/engine/fix.js";
import type { VirtualServer } from "../../src/model/model.js";
import { defineRule } from "../../src/engine/rule.js";
import { isAddressServer, vsLabel } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "real-server-port-mismatch",
    severity: "warning",
    category: "lvs",
    description: "A DR/TUN real_server port different from the virtual_server port (or any port under fwmark): keepalived overrides it",
    fixable: true,
    // "ports don't match - resetting" / "has port specified - clearing": configuration errors for keepalived -t (exit 5).
    keepalivedRefuses: "always",
  },
  virtualServer(vs, ctx) {
    if (vs.node.args[0]?.text === "fwmark") {
      checkFwmark(vs);
      return;
    }
    const vsPort = vs.node.args[1];
    if (!isAddressServer(vs) || !vsPort || !/^\d+$/.test(vsPort.text)) return;
    for (const rs of vs.realServers) {
      // The model's texts first: the line's words are made only for a finding (tens of thousands of real servers).
      const method = rs.forwarding;
      if (method !== "DR" && method !== "TUN") continue;
      if (rs.port === undefined || !/^\d+$/.test(rs.port) || Number(rs.port) === Number(vsPort.text)) continue;
      const port = rs.node.args[1]!;
      ctx.report({
        at: port,
        message: `real_server ${rs.node.args[0]?.text ?? ""} port ${port.text} differs from the port ${vsPort.text} of ${vsLabel(vs)}, but ${method} forwarding cannot change ports: keepalived uses ${vsPort.text}`,
        hint: `make the service listen on port ${vsPort.text} on the real server, or use NAT forwarding to map ports`,
        fix: fixOf(`use port ${vsPort.text}, as keepalived does`, replaceWord(port, vsPort.text)),
      });
    }

    // A fwmark service matches packets by mark, whatever their port: keepalived clears a DR/TUN real server's port.
    function checkFwmark(vs: VirtualServer) {
      for (const rs of vs.realServers) {
        const method = rs.forwarding;
        if (method !== "DR" && method !== "TUN") continue;
        if (rs.port === undefined || !/^\d+$/.test(rs.port) || Number(rs.port) === 0) continue;
        const port = rs.node.args[1]!;
        ctx.report({
          at: port,
          message: `real_server ${rs.node.args[0]?.text ?? ""} port ${port.text} of ${vsLabel(vs)} is ignored: a fwmark service with ${method} forwarding sends packets on unchanged, and keepalived clears the port`,
          hint: "remove the port from the real_server line",
          fix: fixOf(`remove port ${port.text}`, removeWords(rs.node, 2, 2, ctx.files.get(rs.node.file))),
        });
      }
    }
  },
});
