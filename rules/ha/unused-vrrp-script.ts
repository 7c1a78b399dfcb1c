/**
 * A vrrp_script no vrrp_instance or vrrp_sync_group tracks is never run:
 * keepalived removes it at start-up ("Warning - script X is not used"), so the
 * check the user meant to act on does nothing.
 */
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "unused-vrrp-script",
    severity: "warning",
    category: "ha",
    description: "A vrrp_script that no track_script names: keepalived never runs it",
    fixable: false,
  },
  check(ctx) {
    const model = ctx.model();
    // A file of only scripts is usually a fragment included elsewhere: without instances there is nothing to judge.
    if (model.instances.length === 0) return;
    const used = new Set<string>();
    for (const owner of [...model.instances, ...model.syncGroups]) for (const t of owner.trackers) if (t.kind === "script") used.add(t.name);
    for (const script of model.objects.script.values()) {
      if (used.has(script.name)) continue;
      const at = script.node.args[0] ?? script.node.keyword;
      ctx.report({
        at,
        message: `vrrp_script "${script.name}" is not tracked by any vrrp_instance or vrrp_sync_group: keepalived never runs it`,
        hint: `add "${script.name}" to the track_script block of the instance(s) it should act on, or remove the vrrp_script`,
      });
    }
  },
});
