/**
 * A keyword written without the argument keepalived needs. keepalived prints
 * "missing a parameter" and exits (status 2) at that line: nothing after it is
 * checked and the daemon does not start.
 */
import { lookupKeyword } from "../../grammar/schema/index.js";
import { defineRule } from "../../src/engine/rule.js";
import { allNodes, contextLabel } from "./helpers-tree.js";

export default defineRule({
  meta: {
    id: "missing-argument",
    severity: "error",
    category: "schema",
    description: "A keyword without the argument keepalived requires (keepalived stops reading there)",
    fixable: false,
  },
  check(ctx) {
    // keepalived's tokenizer drops everything from an unmatched '"' on: a lone quoted argument is then no argument.
    const quotes = ctx.readerDiagnostics.filter((d) => d.ruleId === "unmatched-quote");
    for (const node of allNodes(ctx.ast)) {
      if (node.kind !== "keyword" || !node.known) continue;
      const spec = lookupKeyword(node.context, node.name);
      if (!spec?.argRequired) continue;
      const quote = spec.quoted ? undefined : quotes.find((q) => q.file === node.file && q.start >= node.keyword.end && q.start < node.end);
      const args = quote ? node.args.filter((a) => a.start < quote.start) : node.args;
      if (args.length > 0) continue;
      const where = node.context === "root" ? "" : ` in ${contextLabel(node.context)}`;
      ctx.report({
        at: node.keyword,
        message: `"${node.name}"${where} is missing its argument (${spec.args})${quote ? ": keepalived drops the unterminated quoted word" : ""}; keepalived stops reading the configuration here and exits with status 2`,
        hint: quote ? `close the quote` : `write "${node.name} ${spec.args}"`,
      });
    }
  },
});
