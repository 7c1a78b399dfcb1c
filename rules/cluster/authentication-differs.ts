/** Nodes with different authentication reject each other's adverts and all become MASTER. */
import type { ConfigNode } from "../../grammar/ast.js";
import { defineRule } from "../../src/engine/rule.js";
import { anchorOf, who } from "../helpers.js";

function auth(node: ConfigNode | undefined): string {
  if (!node) return "none";
  const get = (k: string) => node.children.find((c) => c.name === k)?.args[0]?.text ?? "";
  // keepalived truncates auth_pass to 8 characters: only those count.
  return `${get("auth_type")}/${get("auth_pass").slice(0, 8)}`;
}

export default defineRule({
  meta: { id: "authentication-differs", severity: "error", category: "cluster", fixable: false,
    description: "the nodes of one VRRP cluster use different authentication" },
  checkCluster(ctx) {
    for (const g of ctx.groups) {
      const first = g.members[0];
      for (const m of g.members.slice(1)) {
        const a = auth(m.instance.settings.get("authentication"));
        const b = auth(first.instance.settings.get("authentication"));
        if (a === b) continue;
        ctx.report({
          at: anchorOf(m, "authentication").keyword,
          message: `authentication of ${who(m)} differs from ${who(first)} (VRID ${g.vrid}): the nodes drop each other's adverts and every node becomes MASTER`,
          hint: "use the same auth_type and auth_pass (first 8 characters) on every node, or none",
        });
      }
    }
  },
});
