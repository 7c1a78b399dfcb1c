/**
 * A fwmark virtual server matches packets by their firewall mark, whatever
 * their protocol: keepalived ignores a `protocol` line there and says so
 * ("Warning: Virtual server FWM 1: protocol specified for fwmark - protocol
 * will be ignored", check/check_data.c), which makes `keepalived -t` exit 5.
 * Deleting the line changes nothing: a safe fix.
 */
import { fixOf, removeLine } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "fwmark-protocol-ignored",
    severity: "warning",
    category: "lvs",
    description: "protocol on a fwmark virtual_server: keepalived ignores it (and keepalived -t exits 5)",
    fixable: true,
    keepalivedRefuses: "always",
  },
  virtualServer(vs, ctx) {
    if (vs.node.args[0]?.text !== "fwmark") return;
    const protocol = vs.settings.get("protocol");
    if (!protocol) return;
    ctx.report({
      at: protocol.keyword,
      message: `"protocol" has no effect on virtual_server fwmark ${vs.node.args[1]?.text ?? ""}: a fwmark service matches packets by mark whatever their protocol, and keepalived ignores the line (keepalived -t counts it as an error)`,
      hint: "remove the protocol line; mark the packets of one protocol in the firewall rule instead",
      fix: fixOf('remove "protocol" (keepalived ignores it here)', removeLine(protocol, ctx.files.get(protocol.file))),
    });
  },
});
