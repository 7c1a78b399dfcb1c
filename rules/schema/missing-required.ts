/**
 * Objects missing a setting keepalived cannot do without. A vrrp_instance
 * without virtual_router_id or interface fails keepalived's minimal check
 * (chk_min_cfg) and the VRRP process does not start at all; a vrrp_script,
 * vrrp_track_process or track_file without what it watches is dropped, and
 * every tracker naming it is then ignored. A virtual_server without
 * protocol, lb_algo or lb_kind/lvs_method gets keepalived's defaults (UDP!,
 * wlc, NAT), and `keepalived -t` counts each as a configuration error
 * (check_data.c validate_check_config(): "no protocol set - defaulting to UDP").
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { UNICAST_WITHOUT_INTERFACE } from "../../grammar/schema/changes.js";
import { isBefore, keywordOf } from "../../grammar/schema/index.js";
import { argTextOf, childContextOf } from "../../grammar/tree.js";
import { defineRule } from "../../src/engine/rule.js";

/** Block keyword → the setting it needs and what keepalived does without it. */
const NEEDS: Record<string, { keyword: string; effect: string }> = {
  vrrp_script: { keyword: "script", effect: "keepalived removes the vrrp_script, and every track_script naming it is ignored" },
  vrrp_track_process: { keyword: "process", effect: "keepalived removes the track process, and every track_process naming it is ignored" },
  track_file: { keyword: "file", effect: "keepalived ignores the track_file, and every tracker naming it is ignored" },
  vrrp_track_file: { keyword: "file", effect: "keepalived ignores the track_file, and every tracker naming it is ignored" },
  bfd_instance: { keyword: "neighbor_ip", effect: "keepalived disables the BFD instance, and every track_bfd naming it is ignored" },
};

/** The top-level blocks checked. */
const CHECKED = ["vrrp_instance", "virtual_server", ...Object.keys(NEEDS)];

export default defineRule({
  meta: {
    id: "missing-required",
    severity: "error",
    category: "schema",
    description: "A vrrp_instance, vrrp_script, vrrp_track_process, track_file or virtual_server without a setting keepalived requires (or fills in with a default, reported by keepalived -t)",
    fixable: false,
    scope: "block",
    keepalivedRefuses: "always",
  },
  create(ctx) {
    // Handed only lines named as the blocks it checks (a handler for every line was a call per line).
    return { keywords: Object.fromEntries(CHECKED.map((name) => [name, visit])) };
    function visit(node: ConfigNode) {
      // childContextOf, not node.block: the block's record is not made for every virtual server.
      if (node.kind !== "keyword" || !node.known || node.context !== "root" || childContextOf(node) === undefined) return;
      check(node);
    }

    // Apart from visit(): its closures over the node would give every call of visit, for every line of
    // the configuration, a context object of its own; this runs for top-level blocks only.
    function check(node: ConfigNode) {
      // By canonical name: neighbour_ip is neighbor_ip.
      const has = (name: string) => node.children.some((c) => c.kind === "keyword" && (c.name === name || keywordOf(c)?.aliasOf === name));
      // Made for a finding only: naming the block makes its words.
      const label = () => `${node.name}${node.args[0] ? ` "${node.args[0].text}"` : ""}`;
      if (node.name === "vrrp_instance") {
        const stop = "keepalived's VRRP process refuses to start (and keepalived -t stops checking the other instances)";
        if (!has("virtual_router_id")) {
          report(node, `${label()} has no virtual_router_id; ${stop}`, "add \"virtual_router_id <1..255>\", the same on every node of this VRRP group");
        }
        // A "unicast configured" instance needs no interface in newer keepalived.
        const unicast = node.children.some((c) => c.kind === "keyword" && c.known && keywordOf(c)?.setsUnicast === true);
        if (!has("interface") && (isBefore(ctx.settings.targetVersion, UNICAST_WITHOUT_INTERFACE) || !unicast)) {
          const why = unicast ? ` (keepalived ${ctx.settings.targetVersion} requires it even for unicast instances; ${UNICAST_WITHOUT_INTERFACE} and newer do not)` : "";
          report(node, `${label()} has no interface${why}; ${stop}`, "add \"interface <name>\" for the interface VRRP adverts are sent on");
        }
        return;
      }
      if (node.name === "virtual_server") {
        checkVirtualServer(node, label, has);
        return;
      }
      const need = Object.hasOwn(NEEDS, node.name) ? NEEDS[node.name] : undefined;
      if (need && !has(need.keyword)) report(node, `${label()} has no "${need.keyword}"; ${need.effect}`, `add "${need.keyword} …" to the block`);
    }

    function report(node: ConfigNode, message: string, hint: string, severity?: "warning") {
      ctx.report({ at: node.keyword, message, hint, severity });
    }

    function checkVirtualServer(node: ConfigNode, label: () => string, has: (name: string) => boolean) {
      const refused = "keepalived -t counts this as a configuration error (exit 5)";
      // A fwmark service matches packets by mark, whatever their protocol.
      if (!has("protocol") && argTextOf(node, 0) !== "fwmark") {
        report(node, `${label()} has no "protocol": keepalived defaults to UDP, and ${refused}`, 'add "protocol TCP" (or UDP, SCTP)');
      }
      if (!has("lb_algo") && !has("lvs_sched")) report(node, `${label()} has no "lb_algo": keepalived uses wlc, and ${refused}`, 'add "lb_algo wlc" (or rr, wrr, lc, sh, …)', "warning");
      if (!has("lb_kind") && !has("lvs_method")) report(node, `${label()} has no "lb_kind": keepalived uses NAT forwarding, and ${refused}`, 'add "lb_kind NAT" (or DR, TUN)', "warning");
    }
  },
});
