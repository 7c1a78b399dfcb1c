/**
 * nopreempt with weighted tracking: under nopreempt a priority change never
 * starts an election, so a failing check that only lowers the priority never
 * moves the VIP. Weight 0 makes the failing check put the instance into FAULT,
 * which releases the VIP even under nopreempt.
 */
import type { Edit } from "../../grammar/ast.js";
import { removeWords, fixOf } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";

const KEYWORD = { script: "track_script", interface: "track_interface", file: "track_file", process: "track_process", bfd: "track_bfd" } as const;

export default defineRule({
  meta: {
    id: "nopreempt-weighted-tracking",
    severity: "error",
    category: "ha",
    description: "nopreempt with a weighted tracker: a failed check lowers the priority but never moves the VIP",
    fixable: true,
  },
  check(ctx) {
    for (const inst of ctx.model().instances) {
      // keepalived clears nopreempt for MASTER/255 (nopreempt-state-master reports that).
      if (!inst.nopreempt || inst.state === "MASTER" || inst.priority === 255) continue;
      const trackers = [...inst.trackers, ...(inst.syncGroup?.trackingWeight ? inst.syncGroup.trackers : [])];
      for (const t of trackers) {
        if (t.weight === 0 || (t.kind !== "interface" && !t.definition)) continue;
        const kw = KEYWORD[t.kind];
        const file = ctx.files.get(t.node.file);
        let fix;
        if (t.weightFrom === "tracker" && t.weightWord) {
          const words = [t.node.keyword, ...t.node.args];
          const wi = words.indexOf(t.weightWord);
          const edit: Edit | undefined = removeWords(t.node, wi - 1, wi, file);
          // Removing the tracker's weight falls back to the definition's; only a fix when that is 0 too.
          fix = (t.definition?.weight ?? (t.kind === "file" ? 1 : 0)) === 0
            ? fixOf(`remove "weight ${t.weightWord.text}" from ${kw} "${t.name}"`, edit)
            : fixOf(`set ${kw} "${t.name}" to "weight 0"`, { file: t.weightWord.file, start: t.weightWord.start, end: t.weightWord.end, text: "0" });
          if (t.weightWord.synthetic) fix = undefined;
        } else if (t.weightFrom === "definition" && t.definition?.weightNode) {
          const wn = t.definition.weightNode;
          const edit = wn.args[0] && !wn.args[0].synthetic ? { file: wn.args[0].file, start: wn.args[0].start, end: wn.args[0].end, text: "0" } : undefined;
          fix = fixOf(`set "weight 0" in ${t.definition.node.name} "${t.name}"`, edit);
        } else if (t.kind === "file") {
          // track_file weighs 1 by default: say weight 0 explicitly on the tracker.
          const last = t.node.args.length ? t.node.args[t.node.args.length - 1] : t.node.keyword;
          fix = last.synthetic ? undefined : fixOf(`add "weight 0" to track_file "${t.name}"`, { file: last.file, start: last.end, end: last.end, text: " weight 0" });
        }
        const sign = t.weight > 0 ? `+${t.weight}` : `${t.weight}`;
        const from = t.weightFrom === "definition" ? ` (inherited from ${t.definition?.node.name} "${t.name}")` : t.weightFrom === "default" ? " (the default for track_file)" : "";
        ctx.report({
          at: t.weightFrom === "tracker" && t.weightWord ? t.weightWord : t.node.keyword,
          message: `${kw} "${t.name}" has weight ${sign}${from} on vrrp_instance "${inst.name}" with "nopreempt": a priority change never starts an election under nopreempt, so when the check fails this node keeps the VIP`,
          hint: `use weight 0: a failing check then puts the instance into FAULT, which releases the VIP even under nopreempt (no firewall tricks needed)`,
          fix,
          related: [{ span: inst.nopreempt.keyword, message: "nopreempt is set here" }],
        });
      }
    }
  },
});
