/**
 * A keyword written without the argument keepalived needs. keepalived prints
 * "missing a parameter" and exits (status 2) at that line: nothing after it is
 * checked and the daemon does not start.
 */
import type { ConfigNode, WalkedLine } from "../../grammar/ast.js";
import { keywordOf, type KeywordSpec } from "../../grammar/schema/index.js";
import { defineRule } from "../../src/engine/rule.js";
import { contextLabel } from "./helpers-tree.js";

export default defineRule({
  meta: {
    id: "missing-argument",
    severity: "error",
    category: "schema",
    description: "A keyword without the argument keepalived requires (keepalived stops reading there)",
    fixable: false,
    scope: "block",
    keepalivedRefuses: "always",
  },
  create(ctx) {
    // keepalived's tokenizer (and so the reader) drops everything from an unmatched '"' on:
    // a lone quoted argument is then no argument, and the message says why.
    const quotes = ctx.readerDiagnostics.filter((d) => d.ruleId === "unmatched-quote");
    return { line: visit };
    function visit(line: WalkedLine) {
      if (line.kind !== "keyword" || !line.known) return;
      const spec = keywordOf(line);
      if (!spec?.argRequired) return;
      if (line.argCount() > 0) return;
      // Script keywords re-read their raw line: the script after an unmatched quote is still there
      // (keepalived reports only the quote).
      if (spec.quoted && line.rest !== "") return;
      report(line.node, spec);
    }

    // Apart from visit(): a closure over visit's node (the quote search) would give every call of
    // visit, for every line of the configuration, a context object of its own.
    function report(node: ConfigNode, spec: KeywordSpec) {
      const line = ctx.files.get(node.file)?.position(node.start).line;
      const quote = quotes.find((q) => q.file === node.file && q.start >= node.keyword.end && ctx.files.get(q.file)?.position(q.start).line === line);
      const where = node.context === "root" ? "" : ` in ${contextLabel(node.context)}`;
      ctx.report({
        at: node.keyword,
        message: `"${node.name}"${where} is missing its argument (${spec.args})${quote ? ": keepalived drops the unterminated quoted word" : ""}; keepalived stops reading the configuration here and exits with status 2`,
        hint: quote ? `close the quote` : `write "${node.name} ${spec.args}"`,
      });
    }
  },
});
