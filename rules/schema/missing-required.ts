/**
 * Objects missing a setting keepalived cannot do without. A vrrp_instance
 * without virtual_router_id or interface fails keepalived's minimal check
 * (chk_min_cfg) and the VRRP process does not start at all; a vrrp_script,
 * vrrp_track_process or track_file without what it watches is dropped, and
 * every tracker naming it is then ignored.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { lookupKeyword } from "../../grammar/schema/index.js";
import { defineRule } from "../../src/engine/rule.js";

/** Block keyword → the setting it needs and what keepalived does without it. */
const NEEDS: Record<string, { keyword: string; effect: string }> = {
  vrrp_script: { keyword: "script", effect: "keepalived removes the vrrp_script, and every track_script naming it is ignored" },
  vrrp_track_process: { keyword: "process", effect: "keepalived removes the track process, and every track_process naming it is ignored" },
  track_file: { keyword: "file", effect: "keepalived ignores the track_file, and every tracker naming it is ignored" },
  vrrp_track_file: { keyword: "file", effect: "keepalived ignores the track_file, and every tracker naming it is ignored" },
};

export default defineRule({
  meta: {
    id: "missing-required",
    severity: "error",
    category: "schema",
    description: "A vrrp_instance, vrrp_script, vrrp_track_process or track_file without a setting keepalived requires",
    fixable: false,
  },
  create(ctx) {
    return { node: visit };
    function visit(node: ConfigNode) {
      if (node.kind !== "keyword" || !node.known || node.context !== "root" || !node.block) return;
      const has = (name: string) => node.children.some((c) => c.kind === "keyword" && c.name === name);
      const label = `${node.name}${node.args[0] ? ` "${node.args[0].text}"` : ""}`;
      if (node.name === "vrrp_instance") {
        const stop = "keepalived's VRRP process refuses to start (and keepalived -t stops checking the other instances)";
        if (!has("virtual_router_id")) {
          report(node, `${label} has no virtual_router_id; ${stop}`, "add \"virtual_router_id <1..255>\", the same on every node of this VRRP group");
        }
        // A "unicast configured" instance needs no interface in newer keepalived.
        const unicast = node.children.some((c) => c.kind === "keyword" && c.known && lookupKeyword(c.context, c.name)?.setsUnicast === true);
        if (!has("interface") && (ctx.settings.targetVersion === "2.2.7" || !unicast)) {
          const why = unicast ? " (keepalived 2.2.7 requires it even for unicast instances)" : "";
          report(node, `${label} has no interface${why}; ${stop}`, "add \"interface <name>\" for the interface VRRP adverts are sent on");
        }
        return;
      }
      const need = Object.hasOwn(NEEDS, node.name) ? NEEDS[node.name] : undefined;
      if (need && !has(need.keyword)) report(node, `${label} has no "${need.keyword}"; ${need.effect}`, `add "${need.keyword} …" to the block`);
    }

    function report(node: ConfigNode, message: string, hint: string) {
      ctx.report({ at: node.keyword, message, hint });
    }
  },
});
