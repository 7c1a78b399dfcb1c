import rule from "../../rules/security/relative-script-path.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    'vrrp_script chk {\n  script "/usr/bin/pgrep -x haproxy"\n}\n',
    { name: "readability test", code: 'vrrp_script chk {\n  script "</etc/keepalived/up"\n}\n' },
  ],
  invalid: [
    {
      name: "bare command name",
      code: 'vrrp_script chk {\n  script "killall -0 haproxy"\n}\n',
      errors: [{ line: 2, column: 10, message: 'script command "killall" is not an absolute path: keepalived looks it up in PATH' }],
    },
    { name: "relative notify", code: "vrrp_instance A {\n  notify scripts/notify.sh\n}\n", errors: [{ line: 2, message: '"scripts/notify.sh"' }] },
  ],
});
