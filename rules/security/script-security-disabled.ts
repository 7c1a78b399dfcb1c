/**
 * Scripts without `enable_script_security`: keepalived (running as root) then
 * does not refuse scripts that a non-root user could modify, and logs
 * "SECURITY VIOLATION - scripts are being executed but script_security not
 * enabled" (`keepalived -t` exits 6 when the script files exist). With it set,
 * scripts run as `script_user` (default keepalived_script) and unsafe ones are
 * disabled (core/main.c, vrrp.c check_vrrp_script_security()).
 */
import { defineRule } from "../../src/engine/rule.js";
import { scriptLines } from "./helpers-scripts.js";

export default defineRule({
  meta: {
    id: "script-security-disabled",
    severity: "warning",
    category: "security",
    description: "Scripts are configured but global_defs lacks enable_script_security",
    fixable: false,
  },
  check(ctx) {
    const model = ctx.model();
    if (model.globalDefs.has("enable_script_security")) return;
    const scripts = scriptLines(ctx.ast).filter((s) => !s.command[0]?.startsWith("<"));
    const first = scripts[0];
    if (!first) return;
    const more = scripts.length > 1 ? ` (and ${scripts.length - 1} more script line${scripts.length > 2 ? "s" : ""})` : "";
    ctx.report({
      at: first.node.keyword,
      message: `${first.node.name} "${first.command[0]}"${more} runs without "enable_script_security": keepalived runs scripts as root without checking that non-root users cannot change them, and logs a SECURITY VIOLATION`,
      hint: "add \"enable_script_security\" (and \"script_user <user>\" if the keepalived_script user does not exist) to global_defs, and keep scripts in root-owned directories",
    });
  },
});
