/**
 * vrrp_strict (or strict_mode) enforces RFC 5798 and changes or rejects
 * settings that break it (vrrp.c vrrp_complete_instance()): unicast peers stop
 * the instance, authentication is ignored, preempt_delay is reset, "state
 * MASTER" must mean priority 255, and at least one VIP is required.
 */
import type { ConfigNode, Span } from "../../grammar/ast.js";
import { STRICT_UNICAST_ACCEPTED } from "../../grammar/schema/changes.js";
import { inSpans } from "../../grammar/schema/index.js";
import { defineRule } from "../../src/engine/rule.js";
import { hasConditionalLines } from "./helpers-facts.js";

export default defineRule({
  meta: {
    id: "strict-mode-conflict",
    severity: "error",
    category: "ha",
    description: "A setting that vrrp_strict / strict_mode rejects or resets",
    fixable: false,
  },
  check(ctx) {
    const model = ctx.model();
    for (const inst of model.instances) {
      if (!inst.strict) continue;
      const strictNode: ConfigNode | undefined = inst.settings.get("strict_mode") ?? model.globalDefs.get("vrrp_strict");
      const related = strictNode ? [{ span: strictNode as Span, message: "strict mode is switched on here" }] : undefined;
      const name = `vrrp_instance "${inst.name}"`;
      const report = (at: Span, message: string, hint: string) => ctx.report({ at, message, hint, related });
      const peers = inst.node.children.find((c) => c.name === "unicast_peer" && c.block);
      // keepalived 2.2.5 to 2.3.x run unicast instances in strict mode; 2.2.4 and 2.4.0+ refuse them.
      if (peers && inst.unicastPeers.length > 0 && !inSpans(STRICT_UNICAST_ACCEPTED, ctx.settings.targetVersion)) {
        report(peers.keyword, `${name} has unicast peers, which strict mode does not allow: keepalived ${ctx.settings.targetVersion} refuses to start the instance ("Unicast peers are not supported in strict mode"; 2.2.5 to 2.3.x accepted it)`, "use multicast, or turn strict mode off for this instance (\"strict_mode off\")");
      }
      const auth = inst.node.children.find((c) => c.name === "authentication" && c.kind === "keyword");
      if (auth) report(auth.keyword, `strict mode does not support authentication: keepalived ignores the authentication block of ${name}`, "remove the authentication block");
      if (inst.preemptDelay && inst.state !== "MASTER") {
        report(inst.preemptDelay.keyword, `"preempt_delay" is incompatible with strict mode: keepalived resets it to 0 for ${name}`, "remove preempt_delay, or turn strict mode off for this instance");
      }
      if (inst.stateNode && (inst.state === "MASTER") !== (inst.priority === 255)) {
        const what = inst.state === "MASTER" ? `"state MASTER" with priority ${inst.priority}` : `"state ${inst.stateNode.args[0]?.text ?? "BACKUP"}" with priority 255`;
        report(inst.stateNode.keyword, `${name} has ${what}: strict mode requires the initial state MASTER exactly for the address owner (priority 255), so keepalived overrides the state`, inst.state === "MASTER" ? "use \"state BACKUP\" (or priority 255 if this node owns the addresses)" : "use \"state MASTER\" for the address owner, or a priority below 255");
      }
      if (inst.vips.length === 0 && !hasConditionalLines(inst.node, ctx.files, ctx.settings.configId)) {
        report(inst.node.keyword, `${name} has no virtual_ipaddress: strict mode requires at least one, so keepalived refuses to start`, "add a virtual_ipaddress block with the instance's address(es)");
      }
    }
  },
});
