import rule from "../../rules/compat/unsupported-in-target-version.js";
import { ruleTester } from "./tester.js";

const old = { targetVersion: "2.2.7" as const };

ruleTester(rule, {
  valid: [
    { name: "2.2.7 keywords under 2.2.7", code: "vrrp_instance V {\n  interface eth0\n  priority 100\n}\n", options: old },
    { name: "newer keywords under the newest target", code: "vrrp_instance V {\n  timer_expired_backup\n}\n" },
    { name: "vrrp_delay_after_boot under 2.4.0", code: "global_defs {\n  vrrp_delay_after_boot 10\n}\n", options: { targetVersion: "2.4.0" } },
    { name: "HEAD keywords under HEAD", code: "global_defs {\n  set_supplementary_groups\n}\n", options: { targetVersion: "HEAD" } },
  ],
  invalid: [
    { name: "keyword added after 2.2.7", code: "vrrp_instance V {\n  timer_expired_backup\n}\n", options: old, errors: [{ line: 2, column: 3, message: '"timer_expired_backup" in vrrp_instance is not known to keepalived 2.2.7 (added in 2.2.8)' }] },
    { name: "Debian's 2.2.7 has no libipset", code: "global_defs {\n  vrrp_ipsets a b\n}\n", options: old, errors: [{ line: 2, message: "needs keepalived built with libipset" }] },
    { name: "keyword added in 2.4.0 under 2.3.4", code: "global_defs {\n  vrrp_delay_after_boot 10\n}\n", options: { targetVersion: "2.3.4" }, errors: [{ line: 2, message: '"vrrp_delay_after_boot" in global_defs is not known to keepalived 2.3.4 (added in 2.4.0)' }] },
    { name: "keyword added in 2.3.0 under 2.2.8", code: "global_defs {\n  use_symlink_paths\n}\n", options: { targetVersion: "2.2.8" }, errors: [{ line: 2, message: "(added in 2.3.0)" }] },
    { name: "track_file block under 2.0.20", code: "track_file tf {\n  file /tmp/x\n}\n", options: { targetVersion: "2.0.20" }, errors: [{ line: 1, message: "(added in 2.1.0)" }, { line: 2, message: "(added in 2.1.0)" }] },
    { name: "development-only keyword under an older release is an error", code: "global_defs {\n  set_supplementary_groups\n}\n", options: { targetVersion: "2.3.4" }, errors: [{ line: 2, severity: "error", message: "not in any keepalived release yet" }] },
    { name: "development-only keyword under the newest target", code: "global_defs {\n  set_supplementary_groups\n}\n", errors: [{ line: 2, severity: "warning", message: "not in any keepalived release yet" }] },
  ],
});
