/**
 * hysteresis must be below quorum: the service goes up at quorum + hysteresis
 * and down below quorum - hysteresis. keepalived resets a larger value to
 * quorum - 1 ("hysteresis H >= quorum Q; setting hysteresis to Q-1",
 * check/check_data.c), after lowering quorum to the total weight if needed.
 */
import { intOf } from "../../src/model/model.js";
import { defineRule } from "../../src/engine/rule.js";
import { hasConditionalLines } from "../ha/helpers-facts.js";
import { vsLabel } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "hysteresis-not-below-quorum",
    severity: "error",
    category: "lvs",
    description: "hysteresis not below quorum: keepalived resets it to quorum - 1",
    fixable: false,
    keepalivedRefuses: "always",
  },
  virtualServer(vs, ctx) {
    const node = vs.settings.get("hysteresis");
    const hysteresis = intOf(node?.args[0]);
    if (!node || hysteresis === undefined || vs.realServers.length === 0) return;
    const written = vs.settings.has("quorum") ? intOf(vs.settings.get("quorum")!.args[0]) : 1;
    const sum = vs.weightSum;
    if (written === undefined || sum === undefined) return;
    const quorum = Math.min(written, sum);
    if (hysteresis < quorum || hasConditionalLines(vs.node, ctx.files, ctx.settings.configId)) return;
    const lowered = quorum !== written ? ` (quorum ${written} lowered to the total weight ${sum})` : vs.settings.has("quorum") ? "" : " (the default)";
    ctx.report({
      at: node.args[0]!,
      message: `hysteresis ${hysteresis} of ${vsLabel(vs)} is not below its quorum ${quorum}${lowered}: keepalived resets hysteresis to ${Math.max(0, quorum - 1)}`,
      hint: "use a hysteresis smaller than the quorum",
    });
  },
});
