/**
 * nopreempt / preempt_delay on an instance that starts as MASTER or owns the
 * address (priority 255): keepalived clears them silently (vrrp.c,
 * vrrp_complete_instance()), so the instance preempts after all.
 */
import { fixOf, replaceWord } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "nopreempt-state-master",
    severity: "error",
    category: "ha",
    description: "nopreempt or preempt_delay on an instance keepalived forces to preempt (state MASTER or priority 255)",
    fixable: "some",
  },
  check(ctx) {
    for (const inst of ctx.model().instances) {
      for (const setting of [inst.nopreempt, inst.preemptDelay]) {
        if (!setting) continue;
        const what = `"${setting.name}"`;
        if (inst.state === "MASTER") {
          const stateWord = inst.stateNode?.args[0];
          const implied = inst.priorityNode ? "" : " (and with no \"priority\" it runs at 255, the address owner's priority)";
          ctx.report({
            at: setting.keyword,
            message: `${what} has no effect on vrrp_instance "${inst.name}" with "state MASTER"${implied}: keepalived clears it and the instance preempts`,
            hint: "use \"state BACKUP\" on every node; with nopreempt the node with the highest priority still wins the first election",
            fix: stateWord ? fixOf('replace "state MASTER" with "state BACKUP"', replaceWord(stateWord, "BACKUP")) : undefined,
            related: inst.stateNode ? [{ span: inst.stateNode, message: "state MASTER is set here" }] : undefined,
          });
        } else if (inst.priority === 255) {
          ctx.report({
            at: setting.keyword,
            message: `${what} has no effect on vrrp_instance "${inst.name}" with priority 255 (address owner): keepalived clears it`,
            hint: "lower the priority below 255, or drop the setting",
            related: inst.priorityNode ? [{ span: inst.priorityNode, message: "priority 255 is set here" }] : undefined,
          });
        }
      }
    }
  },
});
