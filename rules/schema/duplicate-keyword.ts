/**
 * A setting written twice in one block. keepalived keeps only one of them:
 * most settings take the last value, script settings (notify*) keep the first
 * and report the second. Either way one line does nothing.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { keywordOf } from "../../grammar/schema/index.js";
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
    fixable: "some",
  },
  check(ctx) {
    // The first setting of each keyword in the block being read. One map, emptied per block: a
    // block is finished before its children are read (findings are sorted by position afterwards).
    const first = new Map<string, ConfigNode>();
    const visit = (nodes: readonly ConfigNode[]) => {
      first.clear();
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i];
        if (node.kind !== "keyword" || !node.known || CUMULATIVE.has(node.name)) continue;
        const spec = keywordOf(node);
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
      for (let i = 0; i < nodes.length; i++) if (nodes[i].children.length > 0) visit(nodes[i].children);
    };
    visit(ctx.ast.children);
  },
});
