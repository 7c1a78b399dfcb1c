/**
 * quorum is the total weight of live real servers needed for the service to
 * be "up"; above the sum of all weights it could never be met, so keepalived
 * lowers it to that sum ("quorum N for X exceeds total weight of real servers
 * M, reducing quorum to M", check/check_data.c).
 */
import { intOf } from "../../src/model/model.js";
import { defineRule } from "../../src/engine/rule.js";
import { hasConditionalLines } from "../ha/helpers-facts.js";
import { vsLabel } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "quorum-exceeds-weight",
    severity: "error",
    category: "lvs",
    description: "quorum above the sum of the real servers' weights: keepalived lowers it",
    fixable: false,
    keepalivedRefuses: "always",
  },
  virtualServer(vs, ctx) {
    const node = vs.settings.get("quorum");
    const quorum = intOf(node?.args[0]);
    const sum = vs.weightSum;
    if (!node || quorum === undefined || sum === undefined || vs.realServers.length === 0 || quorum <= sum || hasConditionalLines(vs.node, ctx.files, ctx.settings.configId)) return;
    ctx.report({
      at: node.args[0]!,
      message: `quorum ${quorum} of ${vsLabel(vs)} exceeds the total weight of its real servers (${sum}): keepalived lowers the quorum to ${sum}, so quorum_down only runs when every real server is down`,
      hint: `use a quorum of at most ${sum}, or raise the real servers' weights`,
    });
  },
});
