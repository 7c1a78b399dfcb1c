/**
 * A track_script / track_file / track_process / track_bfd entry naming
 * something defined nowhere in the configuration: keepalived prints "track
 * script X not found, ignoring..." and the instance runs without the check.
 * (Names defined further down are reference-before-definition's case.)
 */
import { defineRule } from "../../src/engine/rule.js";
import type { Tracker, TrackKind } from "../../src/model/model.js";
import { TRACK_KEYWORD } from "./helpers-facts.js";

const DEFINER: Record<Exclude<TrackKind, "interface">, string> = {
  script: "vrrp_script",
  file: "track_file",
  process: "vrrp_track_process",
  bfd: "bfd_instance",
};

export default defineRule({
  meta: {
    id: "undefined-tracked-object",
    severity: "error",
    category: "ha",
    description: "A tracker naming a vrrp_script, track_file, vrrp_track_process or bfd_instance defined nowhere",
    fixable: false,
    keepalivedRefuses: "always",
  },
  check(ctx) {
    const model = ctx.model();
    // Every tracker of every instance, each edit in the editor: the label is made only for a finding.
    const check = (trackers: readonly Tracker[], block: string, name: string) => {
      for (const t of trackers) {
        if (t.kind === "interface" || model.objects[t.kind].has(t.name)) continue;
        const definer = DEFINER[t.kind];
        ctx.report({
          at: t.node.keyword,
          message: `${TRACK_KEYWORD[t.kind]} "${t.name}" of ${block} "${name}" names no ${definer} defined in this configuration: keepalived ignores the entry and the instance runs without this check`,
          hint: `define ${definer} "${t.name}" { … } above the first instance that tracks it, or fix the name`,
        });
      }
    };
    for (const inst of model.instances) check(inst.trackers, "vrrp_instance", inst.name);
    for (const group of model.syncGroups) check(group.trackers, "vrrp_sync_group", group.name);
  },
});
