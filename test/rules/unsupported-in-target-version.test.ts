import rule from "../../rules/compat/unsupported-in-target-version.js";
import { ruleTester } from "./tester.js";

const old = { targetVersion: "2.2.7" as const };

ruleTester(rule, {
  valid: [
    { name: "2.2.7 keywords under 2.2.7", code: "vrrp_instance V {\n  interface eth0\n  priority 100\n}\n", options: old },
    { name: "newer keywords under the newest target", code: "vrrp_instance V {\n  timer_expired_backup\n}\n" },
  ],
  invalid: [
    { name: "keyword added after 2.2.7", code: "vrrp_instance V {\n  timer_expired_backup\n}\n", options: old, errors: [{ line: 2, column: 3, message: '"timer_expired_backup" in vrrp_instance is not known to keepalived 2.2.7 (added in v2.2.8)' }] },
    { name: "Debian's 2.2.7 has no libipset", code: "global_defs {\n  vrrp_ipsets a b\n}\n", options: old, errors: [{ line: 2, message: "needs keepalived built with libipset" }] },
    { name: "development-only keyword under the newest target", code: "global_defs {\n  set_supplementary_groups\n}\n", errors: [{ line: 2, severity: "warning", message: "not in any keepalived release yet" }] },
  ],
});
