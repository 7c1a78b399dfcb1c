/**
 * Rules whose findings come from the reader (syntax, includes, definitions):
 * the check only forwards the reader's findings with its id, so severities,
 * suppression and docs work for them as for any rule.
 */
import { defineRule, type Rule, type RuleMeta } from "../src/engine/rule.js";

export function readerRule(meta: Omit<RuleMeta, "fromReader" | "fixable"> & { fixable?: boolean }): Rule {
  return defineRule({
    meta: { fixable: false, ...meta, fromReader: true },
    check(ctx) {
      for (const d of ctx.readerDiagnostics) {
        if (d.ruleId !== meta.id) continue;
        ctx.report({ at: d, message: d.message, hint: d.hint, fix: d.fix, related: d.related, severity: d.severity });
      }
    },
  });
}

import type { ConfigNode, Fix } from "../grammar/ast.js";
import type { Member } from "../src/cluster/failover.js";
import type { ClusterGroup } from "../src/cluster/groups.js";
import { removeLine, suggestionOf } from "../src/engine/fix.js";
import type { ClusterContext } from "../src/engine/rule.js";

/** The node a cluster finding about a member points at: the setting if written, else the instance keyword. */
export function anchorOf(m: Member, setting?: string): ConfigNode {
  return (setting ? m.instance.settings.get(setting) : undefined) ?? m.instance.node;
}

/** "node1.conf (VI_1)" */
export function who(m: Member): string {
  return `${m.file} (${m.instance.name})`;
}

/**
 * The one piece of nopreempt advice every cluster rule gives (so their hints
 * never contradict each other): the same on every node — here, none — as a
 * suggestion removing each member's nopreempt line.
 */
export const NOPREEMPT_ADVICE = "set nopreempt (with state BACKUP) on every node of the cluster, or on none";

export function removeNopreemptEverywhere(ctx: ClusterContext, g: ClusterGroup): Fix | undefined {
  const lines = g.members.filter((m) => m.instance.nopreempt).map((m) => {
    const node = m.instance.nopreempt!;
    return removeLine(node, ctx.nodes.find((n) => n.file === m.file)?.result.files.get(node.file));
  });
  return suggestionOf(["failover"], "the node with the highest priority becomes master at start-up and takes the VIP back whenever it recovers", "remove nopreempt on every node", ...lines);
}
