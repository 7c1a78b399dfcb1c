/**
 * A setting written twice in one block. keepalived keeps only one of them:
 * most settings take the last value, script settings (notify*) keep the first
 * and report the second. Either way one line does nothing.
 *
 * Block-scoped: a block's lines are judged inside it; the settings written at
 * the top level (outside any block) are judged across blocks.
 */
import type { ConfigNode, WalkedLine } from "../../grammar/ast.js";
import { keywordOf, type KeywordSpec } from "../../grammar/schema/index.js";
import { fixOf, removeLine } from "../../src/engine/fix.js";
import { defineRule, lineOfRelated, type RuleContext } from "../../src/engine/rule.js";
import { FirstPerBlock } from "./helpers-blocks.js";
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
    scope: "block",
  },
  create(ctx) {
    // The first setting of each keyword per open block, by depth: the walk hands lines over in reading
    // order (a line, then its block's lines), so a line one deeper than the line before it is the first
    // of that line's block. Each setting is kept as its place in the walk: a line's node is made only
    // for a line written twice.
    const firsts: FirstPerBlock<number>[] = [new FirstPerBlock()];
    let previousDepth = 0;
    return { line: visit };
    function visit(line: WalkedLine) {
      const depth = line.depth;
      if (depth > previousDepth) {
        if (firsts.length === depth) firsts.push(new FirstPerBlock());
        else firsts[depth].startBlock();
      }
      previousDepth = depth;
      // Top-level settings: acrossBlocks.
      if (depth === 0) return;
      const spec = settingOf(line);
      if (!spec) return;
      const first = firsts[depth];
      const earlier = first.get(spec.name);
      if (earlier === undefined) first.set(spec.name, line.at);
      else report(ctx, spec, line.sibling(earlier), line.node);
    }
  },
  // The settings outside any block: the editor keeps each block's and compares them alone after an edit.
  gather(ctx) {
    return { facts: () => ctx.ast.children.filter((node) => !node.block) };
  },
  acrossBlocks(ctx, gathered) {
    const first = new FirstPerBlock<ConfigNode>();
    for (const nodes of gathered as (ConfigNode[] | undefined)[]) {
      for (const node of nodes ?? []) {
        const spec = settingOf(node);
        if (!spec) continue;
        const earlier = first.get(node.name);
        if (earlier === undefined) first.set(node.name, node);
        else report(ctx, spec, earlier, node);
      }
    }
  },
});

/** The keyword's facts when the line is a setting keepalived keeps one of (what this rule compares), else undefined. */
function settingOf(line: Pick<ConfigNode, "kind" | "known" | "context" | "name" | "spec">): KeywordSpec | undefined {
  if (line.kind !== "keyword" || !line.known) return undefined;
  const spec = keywordOf(line);
  // A known keyword's name is its facts' (no second read of the line).
  if (!spec || (spec.kind !== "scalar" && spec.kind !== "flag") || spec.type === "list" || CUMULATIVE.has(spec.name)) return undefined;
  return spec;
}

/** Reports `node`, a setting of the block `earlier` set first. */
function report(ctx: RuleContext, spec: KeywordSpec, earlier: ConfigNode, node: ConfigNode): void {
  const text = (n: ConfigNode) => n.args.map((a) => a.text).join(" ");
  const same = text(earlier) === text(node);
  // The earlier line's number is filled in when the findings are finished (lines above the block may change).
  const at = earlier.file === node.file ? lineOfRelated(0, "earlier") : "earlier";
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
