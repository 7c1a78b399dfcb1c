/**
 * preempt_delay only delays preemption; with nopreempt there is no preemption
 * to delay, and keepalived resets it ("preempt_delay is incompatible with
 * nopreempt mode - resetting", vrrp.c). Removing the line keeps the behaviour.
 */
import { fixOf, removeLine } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "nopreempt-preempt-delay",
    severity: "error",
    category: "ha",
    description: "preempt_delay together with nopreempt: keepalived resets preempt_delay",
    fixable: true,
    keepalivedRefuses: "always",
  },
  check(ctx) {
    for (const inst of ctx.model().instances) {
      const delay = inst.preemptDelay;
      // With state MASTER or priority 255 keepalived clears both (nopreempt-state-master).
      if (!delay || !inst.nopreempt || inst.state === "MASTER" || inst.priority === 255) continue;
      ctx.report({
        at: delay.keyword,
        message: `"preempt_delay" has no effect on vrrp_instance "${inst.name}" with "nopreempt": keepalived resets it`,
        hint: "remove preempt_delay (nopreempt never preempts), or remove nopreempt to preempt after the delay",
        fix: fixOf(`remove "preempt_delay"`, removeLine(delay, ctx.files.get(delay.file))),
        related: [{ span: inst.nopreempt.keyword, message: "nopreempt is set here" }],
      });
    }
  },
});
