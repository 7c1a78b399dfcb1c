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
  create(ctx) {
    // The first setting of each keyword per open block, as a stack by depth: the walk hands lines over in
    // reading order (a line, then its block's lines), so a line's block is on the stack when it comes.
    const parents: (ConfigNode | undefined)[] = [undefined];
    const firsts: Map<string, ConfigNode>[] = [new Map()];
    let depth = 1;
    let previous: ConfigNode | undefined;
    return { node: visit };
    function visit(node: ConfigNode) {
      const parent = node.parent;
      if (parents[depth - 1] !== parent) {
        if (parent !== undefined && parent === previous) {
          // The first line of the previous line's block.
          parents[depth] = parent;
          if (firsts.length === depth) firsts.push(new Map());
          else firsts[depth].clear();
          depth++;
        } else while (depth > 1 && parents[depth - 1] !== parent) depth--;
      }
      previous = node;
      if (node.kind !== "keyword" || !node.known || CUMULATIVE.has(node.name)) return;
      const spec = keywordOf(node);
      if (!spec || (spec.kind !== "scalar" && spec.kind !== "flag") || spec.type === "list") return;
      const first = firsts[depth - 1];
      const earlier = first.get(node.name);
      if (!earlier) {
        first.set(node.name, node);
        return;
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
  },
});
