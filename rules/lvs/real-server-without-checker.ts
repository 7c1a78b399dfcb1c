/**
 * A real_server without a health checker is never taken out of the pool:
 * keepalived adds it to IPVS at start-up and considers it up for good, so a
 * dead backend keeps receiving its share of connections.
 */
import { defineRule } from "../../src/engine/rule.js";
import { hasConditionalLines } from "../ha/helpers-facts.js";
import { vsLabel } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "real-server-without-checker",
    severity: "warning",
    category: "lvs",
    description: "A real_server without any health checker: it is never removed from the pool",
    fixable: false,
  },
  virtualServer(vs, ctx) {
    for (const rs of vs.realServers) {
      if (rs.checkerCount > 0 || hasConditionalLines(rs.node, ctx.files, ctx.settings.configId)) continue;
      ctx.report({
        at: rs.node.keyword,
        message: `real_server ${rs.node.args.map((a) => a.text).join(" ")} of ${vsLabel(vs)} has no health checker: keepalived treats it as up forever, so it keeps receiving connections when it fails`,
        hint: "add a checker block (TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK, …) to the real_server",
      });
    }
  },
});
