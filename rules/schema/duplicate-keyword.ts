/**
 * A setting written twice in one block. keepalived keeps only one of them:
 * most settings take the last value, script settings (notify*) keep the first
 * and report the second. Either way one line does nothing.
 *
 * Block-scoped: a block's lines are judged inside it; the settings written at
 * the top level (outside any block) are judged across blocks.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { keywordOf } from "../../grammar/schema/index.js";
import { fixOf, removeLine } from "../../src/engine/fix.js";
import { defineRule, lineOfRelated, type RuleContext } from "../../src/engine/rule.js";
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
    // The first setting of each keyword per open block, as a stack by depth: the walk hands lines over in
    // reading order (a line, then its block's lines), so a line's block is on the stack when it comes.
    const parents: (ConfigNode | undefined)[] = [undefined];
    const firsts: FirstSettings[] = [new FirstSettings()];
    let depth = 1;
    let previous: ConfigNode | undefined;
    return { node: visit };
    function visit(node: ConfigNode) {
      const parent = node.parent;
      if (parents[depth - 1] !== parent) {
        if (parent !== undefined && parent === previous) {
          // The first line of the previous line's block.
          parents[depth] = parent;
          if (firsts.length === depth) firsts.push(new FirstSettings());
          else firsts[depth].startBlock();
          depth++;
        } else while (depth > 1 && parents[depth - 1] !== parent) depth--;
      }
      previous = node;
      // Top-level settings: acrossBlocks.
      if (parent !== undefined) judge(ctx, firsts[depth - 1], node);
    }
  },
  // The settings outside any block: the editor keeps each block's and compares them alone after an edit.
  gather(ctx) {
    return { facts: () => ctx.ast.children.filter((node) => !node.block) };
  },
  acrossBlocks(ctx, gathered) {
    const first = new FirstSettings();
    for (const nodes of gathered as (ConfigNode[] | undefined)[]) for (const node of nodes ?? []) judge(ctx, first, node);
  },
});

/** Reports `node` when `first` (the block's settings so far) has its keyword; else it is the first. */
/**
 * The first setting of each keyword in one block. startBlock() moves on to
 * the next block without clearing a Map (Map.clear() makes a new table, and a
 * large configuration has a hundred thousand blocks): entries from earlier
 * blocks are recognised by their block number and overwritten in place.
 */
class FirstSettings {
  private readonly entries = new Map<string, { block: number; node: ConfigNode }>();
  private block = 0;

  startBlock(): void {
    this.block++;
  }

  get(name: string): ConfigNode | undefined {
    const e = this.entries.get(name);
    return e !== undefined && e.block === this.block ? e.node : undefined;
  }

  set(name: string, node: ConfigNode): void {
    const e = this.entries.get(name);
    if (e === undefined) this.entries.set(name, { block: this.block, node });
    else {
      e.block = this.block;
      e.node = node;
    }
  }
}

function judge(ctx: RuleContext, first: FirstSettings, node: ConfigNode): void {
  if (node.kind !== "keyword" || !node.known || CUMULATIVE.has(node.name)) return;
  const spec = keywordOf(node);
  if (!spec || (spec.kind !== "scalar" && spec.kind !== "flag") || spec.type === "list") return;
  const earlier = first.get(node.name);
  if (!earlier) {
    first.set(node.name, node);
    return;
  }
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
