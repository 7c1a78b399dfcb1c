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

import type { ConfigNode } from "../grammar/ast.js";
import type { Member } from "../src/cluster/failover.js";

/** The node a cluster finding about a member points at: the setting if written, else the instance keyword. */
export function anchorOf(m: Member, setting?: string): ConfigNode {
  return (setting ? m.instance.settings.get(setting) : undefined) ?? m.instance.node;
}

/** "node1.conf (VI_1)" */
export function who(m: Member): string {
  return `${m.file} (${m.instance.name})`;
}
