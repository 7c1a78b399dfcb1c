/**
 * A keyword written without the argument keepalived needs. keepalived prints
 * "missing a parameter" and exits (status 2) at that line: nothing after it is
 * checked and the daemon does not start.
 */
import { lookupKeyword } from "../../grammar/schema/index.js";
import { defineRule } from "../../src/engine/rule.js";
import { allNodes, contextLabel } from "./tree.js";

export default defineRule({
  meta: {
    id: "missing-argument",
    severity: "error",
    category: "schema",
    description: "A keyword without the argument keepalived requires (keepalived stops reading there)",
    fixable: false,
  },
  check(ctx) {
    for (const node of allNodes(ctx.ast)) {
      if (node.kind !== "keyword" || !node.known || node.args.length > 0) continue;
      const spec = lookupKeyword(node.context, node.name);
      if (!spec?.argRequired) continue;
      const where = node.context === "root" ? "" : ` in ${contextLabel(node.context)}`;
      ctx.report({
        at: node.keyword,
        message: `"${node.name}"${where} is missing its argument (${spec.args}); keepalived stops reading the configuration here and exits with status 2`,
        hint: `write "${node.name} ${spec.args}"`,
      });
    }
  },
});
