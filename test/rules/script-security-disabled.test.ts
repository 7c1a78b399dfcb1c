import rule from "../../rules/security/script-security-disabled.js";
import { ruleTester } from "./tester.js";

const script = 'vrrp_script chk {\n  script "/usr/bin/pgrep haproxy"\n}\n';

ruleTester(rule, {
  valid: [
    { name: "security enabled", code: "global_defs {\n  enable_script_security\n}\n" + script },
    { name: "no scripts", code: "vrrp_instance A {\n}\n" },
    { name: "the <file readability test runs nothing", code: 'vrrp_script chk {\n  script "</tmp/flag"\n}\n' },
  ],
  invalid: [
    {
      name: "two script lines",
      code: script + 'vrrp_instance A {\n  notify_master "/etc/keepalived/master.sh"\n}\n',
      errors: [{ line: 2, column: 3, endColumn: 9, message: 'script "/usr/bin/pgrep" (and 1 more script line) runs without "enable_script_security"' }],
    },
  ],
});
