/**
 * Authentication exists only in VRRPv2: with VRRP version 3 (set by
 * `version 3`, `vrrp_version 3`, or implied by IPv6) keepalived ignores the
 * authentication block ("VRRP version 3 does not support authentication.
 * Ignoring.", vrrp.c). Strict mode has its own message (strict-mode-conflict).
 */
import { defineRule } from "../../src/engine/rule.js";

export default defineRule({
  meta: {
    id: "auth-ignored-vrrp3",
    severity: "error",
    category: "ha",
    description: "An authentication block on a VRRP version 3 instance: keepalived ignores it",
    fixable: false,
  },
  instance(inst, ctx) {
    const auth = inst.node.children.find((c) => c.name === "authentication" && c.kind === "keyword");
    if (!auth || inst.version !== 3 || inst.strict) return;
    const why = inst.family === 6 ? "IPv6 addresses (VRRP version 3)" : inst.settings.has("version") ? "\"version 3\"" : "\"vrrp_version 3\"";
    ctx.report({
      at: auth.keyword,
      message: `vrrp_instance "${inst.name}" uses ${why}, which has no authentication: keepalived ignores this authentication block`,
      hint: "remove the authentication block; VRRPv3 adverts are not authenticated (protect the segment instead)",
    });
  },
});
