/**
 * nopreempt / preempt_delay on an instance that starts as MASTER or owns the
 * address (priority 255): keepalived clears them silently (vrrp.c,
 * vrrp_complete_instance()), so the instance preempts after all.
 *
 * The safe fix deletes the line keepalived ignores (nothing changes).
 * Switching to `state BACKUP` would make the setting take effect — a change of
 * failover on purpose, so it is only a suggestion, with its consequence.
 */
import { fixOf, removeLine, replaceWord, suggestionOf } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";
import { hasPlaceholder } from "../../grammar/template/index.js";

export default defineRule({
  meta: {
    id: "nopreempt-state-master",
    severity: "error",
    category: "ha",
    description: "nopreempt or preempt_delay on an instance keepalived forces to preempt (state MASTER or priority 255)",
    fixable: true,
    hasSuggestions: true,
    keepalivedRefuses: "always",
  },
  instance(inst, ctx) {
    for (const setting of [inst.nopreempt, inst.preemptDelay]) {
      if (!setting) continue;
      const what = `"${setting.name}"`;
      const remove = fixOf(`remove ${what} (keepalived ignores it here)`, removeLine(setting, ctx.files.get(setting.file)));
      if (inst.state === "MASTER") {
        const stateWord = inst.stateNode?.args[0];
        const implied = inst.priorityNode ? "" : " (and with no \"priority\" it runs at 255, the address owner's priority)";
        const takesEffect = setting === inst.nopreempt
          ? "nopreempt then takes effect: whichever node starts first becomes master, and after a failover the VIP no longer returns to this node"
          : "preempt_delay then takes effect: this node takes the VIP back only after the delay";
        const priorityToo = inst.priorityNode ? "" : "; with no \"priority\" line its priority drops from 255 to 100";
        const backup = stateWord ? suggestionOf(["failover"], takesEffect + priorityToo, 'replace "state MASTER" with "state BACKUP"', replaceWord(stateWord, "BACKUP")) : undefined;
        ctx.report({
          at: setting.keyword,
          message: `${what} has no effect on vrrp_instance "${inst.name}" with "state MASTER"${implied}: keepalived clears it and the instance preempts`,
          hint: `remove ${what}, which changes nothing; or, if it should take effect, use "state BACKUP" (${takesEffect})`,
          fix: remove,
          suggestions: backup ? [backup] : undefined,
          related: inst.stateNode ? [{ span: inst.stateNode, message: "state MASTER is set here" }] : undefined,
        });
      } else if (inst.stateNode && inst.stateNode.args.some((a) => hasPlaceholder(a.text))) {
        // A template's `state {{ STATE }}`: the value is unknown, so say what it must not render.
        const stateText = inst.stateNode.args.map((a) => a.text).join(" ");
        ctx.report({
          at: setting.keyword,
          severity: "info",
          message: `if ${stateText} renders MASTER, ${what} on vrrp_instance "${inst.name}" is cleared by keepalived and the instance preempts`,
          hint: "render \"state BACKUP\" wherever this setting is rendered",
          related: [{ span: inst.stateNode, message: "the state is set here" }],
        });
      } else if (inst.priority === 255) {
        ctx.report({
          at: setting.keyword,
          message: `${what} has no effect on vrrp_instance "${inst.name}" with priority 255 (address owner): keepalived clears it`,
          hint: `remove ${what}, which changes nothing; or lower the priority below 255 if it should take effect`,
          fix: remove,
          related: inst.priorityNode ? [{ span: inst.priorityNode, message: "priority 255 is set here" }] : undefined,
        });
      }
    }
  },
});
