/**
 * A setting written twice in one block. keepalived keeps only one of them:
 * most settings take the last value, script settings (notify*) keep the first
 * and report the second. Either way one line does nothing.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { lookupKeyword } from "../../grammar/schema/index.js";
import { fixOf, removeLine } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";
import { blockLabel } from "./helpers-tree.js";

// Settings whose lines add up instead of replacing each other (one line per protocol).
const CUMULATIVE = new Set(["lvs_timeouts"]);

export default defineRule({
  meta: {
    id: "duplicate-keyword",
    severity: "warning",
    category: "schema",
    description: "A setting written twice in the same block: keepalived uses only one of them",
    fixable: true,
  },
  check(ctx) {
    const visit = (nodes: readonly ConfigNode[]) => {
      const first = new Map<string, ConfigNode>();
      for (const node of nodes) {
        visit(node.children);
        if (node.kind !== "keyword" || !node.known || CUMULATIVE.has(node.name)) continue;
        const spec = lookupKeyword(node.context, node.name);
        if (!spec || (spec.kind !== "scalar" && spec.kind !== "flag") || spec.type === "list") continue;
        const earlier = first.get(node.name);
        if (!earlier) {
          first.set(node.name, node);
          continue;
        }
        const text = (n: ConfigNode) => n.args.map((a) => a.text).join(" ");
        const same = text(earlier) === text(node);
        const line = ctx.files.get(earlier.file)?.position(earlier.start).line;
        const at = line !== undefined && earlier.file === node.file ? `line ${line}` : "earlier";
        const which = spec.type === "script" && /^(notify|quorum_)/.test(node.name)
          ? `keepalived keeps the first one (${at}) and reports this one`
          : `keepalived uses this one and ignores the one on ${at}`;
        ctx.report({
          at: node.keyword,
          message: same
            ? `"${node.name}" is written twice in ${blockLabel(node)} with the same value`
            : `"${node.name}" is set twice in ${blockLabel(node)}; ${which}`,
          hint: same ? "remove the repeated line" : "keep only the line you mean",
          fix: same ? fixOf(`remove the repeated "${node.name}" line`, removeLine(node, ctx.files.get(node.file))) : undefined,
          related: [{ span: earlier.keyword, message: `"${node.name}" is first set here` }],
        });
      }
    };
    visit(ctx.ast.children);
  },
});
