/**
 * nopreempt with weighted tracking: under nopreempt a priority change never
 * starts an election on this node, so a failing check that only lowers the
 * priority moves the VIP only if another node without nopreempt outranks the
 * lowered priority. Weight 0 makes the failing check put the instance into
 * FAULT, which releases the VIP even under nopreempt.
 *
 * The fix is local to the offending tracker line (`chk weight 0` in this
 * instance's track_script), never the shared vrrp_script: another instance
 * tracking the same script without nopreempt must keep its weight. It is safe
 * only when the weight counts while the check fails; a weight that counts
 * while the check succeeds (+N, or -N with reverse) also sets the healthy
 * priority, so removing it is a suggestion.
 */
import type { Edit, Fix } from "../../grammar/ast.js";
import type { SourceFile } from "../../grammar/source.js";
import { appendAfter, fixChanging, removeWords, replaceWord, suggestionOf } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";
import type { Tracker, VrrpInstance } from "../../src/model/model.js";
import { TRACK_KEYWORD, signed } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "nopreempt-weighted-tracking",
    severity: "error",
    category: "ha",
    description: "nopreempt with a weighted tracker: a failed check lowers the priority but does not move the VIP by itself",
    fixable: "some",
    hasSuggestions: true,
    dependsOnPeers: true,
  },
  check(ctx) {
    for (const inst of ctx.model().instances) {
      // keepalived clears nopreempt for MASTER/255 (nopreempt-state-master reports that).
      if (!inst.nopreempt || inst.state === "MASTER" || inst.priority === 255) continue;
      const group = inst.syncGroup?.trackingWeight ? inst.syncGroup : undefined;
      const trackers = [...inst.trackers, ...(group ? group.trackers : [])];
      for (const t of trackers) {
        if (t.weight === 0 || (t.kind !== "interface" && !t.definition)) continue;
        const kw = TRACK_KEYWORD[t.kind];
        const whileHealthy = (t.weight > 0) !== t.reverse;
        const zero = weightZeroEdit(t, ctx.files);
        const description = t.weightFrom === "tracker" ? `set ${kw} "${t.name}" to "weight 0" on this line` : `add "weight 0" to ${kw} "${t.name}" on this line`;
        // A sync group's tracker line acts on every member: safe only if every member is a nopreempt instance that wants it.
        const othersShare = group?.trackers.includes(t) ? group.members.some((m) => m.instance && m.instance !== inst && !wantsWeightZero(m.instance)) : false;
        let fix: Fix | undefined;
        let suggestions: Fix[] | undefined;
        if (!whileHealthy && !othersShare) fix = fixChanging(["failover"], description, zero);
        else {
          const consequence = whileHealthy
            ? `the ${signed(t.weight)} that counts while the check succeeds is gone, so this node's healthy priority drops from ${inst.priority + t.weight} to ${inst.priority} and start-up elections can pick another node`
            : `the line is shared by sync group "${group?.name}": its other members, without nopreempt, go into FAULT instead of lowering their priority`;
          const s = suggestionOf(["failover"], consequence, description, zero);
          if (s) suggestions = [s];
        }
        const from = t.weightFrom === "definition" ? ` (inherited from ${t.definition?.node.name} "${t.name}")` : t.weightFrom === "default" ? " (the default for track_file)" : "";
        const lowered = Math.max(1, Math.min(254, inst.priority + (whileHealthy ? -Math.abs(t.weight) : t.weight)));
        ctx.report({
          at: t.weightFrom === "tracker" && t.weightWord ? t.weightWord : t.node.keyword,
          message: `${kw} "${t.name}" has weight ${signed(t.weight)}${from} on vrrp_instance "${inst.name}" with "nopreempt": a priority change never starts an election under nopreempt, so when the check fails this node keeps the VIP unless another node that preempts outranks its lowered priority (${lowered})`,
          hint: `use weight 0 on this tracker line: a failing check then puts the instance into FAULT, which releases the VIP even under nopreempt (no firewall tricks needed)`,
          fix,
          suggestions,
          related: [{ span: inst.nopreempt.keyword, message: "nopreempt is set here" }],
        });
      }
    }
  },
});

/** Would this instance report (and so want) weight 0 for its weighted trackers? */
function wantsWeightZero(inst: VrrpInstance): boolean {
  return !!inst.nopreempt && inst.state !== "MASTER" && inst.priority !== 255;
}

/** The edit that makes this tracker line say weight 0: its own weight word set to 0 (or removed when the definition's is 0 too), else " weight 0" after the name. */
function weightZeroEdit(t: Tracker, files: ReadonlyMap<string, SourceFile>): Edit | undefined {
  if (t.weightFrom === "tracker" && t.weightWord) {
    if (t.weightWord.synthetic) return undefined;
    // Removing the tracker's weight falls back to the definition's; only the same when that is 0 too.
    if ((t.definition?.weight ?? (t.kind === "file" ? 1 : 0)) === 0) {
      const words = [t.node.keyword, ...t.node.args];
      const wi = words.indexOf(t.weightWord);
      return removeWords(t.node, wi - 1, wi, files.get(t.node.file));
    }
    return replaceWord(t.weightWord, "0");
  }
  // keepalived reads "weight" only right after the name (word 2), so it goes there.
  return appendAfter(t.node.keyword, " weight 0");
}
