import rule from "../../rules/security/script-arguments-unquoted.js";
import { ruleTester } from "./tester.js";

const inst = (line: string) => `vrrp_instance A {\n  ${line}\n}\n`;

ruleTester(rule, {
  valid: [
    inst('notify_master "/bin/echo hello"'),
    { name: "a user after the command is deliberate", code: inst("notify /etc/keepalived/notify.sh root") },
    { name: "user and group after a quoted command", code: inst('notify_master "/usr/bin/logger master" keepalived_script users') },
    { name: "single quotes group too", code: "vrrp_script chk {\n  script 'bash -c \"test -e /tmp/x\"'\n}\n" },
    { name: "a command alone", code: "vrrp_script chk {\n  script /usr/local/bin/check\n}\n" },
  ],
  invalid: [
    {
      name: "the brief's example: echo's argument becomes the user",
      code: inst("notify_master /bin/echo hello"),
      errors: [{ line: 2, column: 27, endColumn: 32, message: 'notify_master runs "/bin/echo" as user "hello": words after the command are not passed to it' }],
    },
    {
      name: "issue 17 case 4: the classic notify.sh MASTER reads MASTER as the user and drops the script",
      code: inst("notify_master /etc/keepalived/notify.sh MASTER"),
      errors: [{ line: 2, column: 43, message: 'notify_master runs "/etc/keepalived/notify.sh" as user "MASTER": "MASTER" is a VRRP state, not a user: keepalived finds no such user and drops the script' }],
      suggestions: [inst('notify_master "/etc/keepalived/notify.sh MASTER"')],
    },
    {
      name: "a state name after a quoted script: no edit is offered, the hint says where the quotes go",
      code: inst('notify_backup "/etc/keepalived/notify.sh" backup'),
      errors: [{ line: 2, message: 'as user "backup": "backup" is a VRRP state' }],
    },
    {
      name: "a word with capitals is an argument (adduser refuses capitals by default)",
      code: inst("notify /usr/local/bin/vip-changed.sh VIP_UP"),
      errors: [{ line: 2, message: 'as user "VIP_UP"' }],
    },
    {
      name: "a path taken as user name",
      code: inst("notify_master /etc/keepalived/notify.sh /tmp/master.log"),
      errors: [{ line: 2, message: 'as user "/tmp/master.log"' }],
    },
    {
      name: "more than user and group",
      code: inst("notify_master /bin/bash /usr/local/bin/a.sh 3 4 5"),
      errors: [{ line: 2, message: 'as user "/usr/local/bin/a.sh" and group "3" and ignores "4", "5"' }],
    },
    {
      name: "script drops its arguments; the fix quotes the command line",
      code: "vrrp_script chk {\n  script /usr/bin/pgrep -x haproxy\n}\n",
      errors: [{ line: 2, column: 25, message: 'script takes only the first word as the command: keepalived runs "/usr/bin/pgrep" and ignores "-x", "haproxy"' }],
      output: 'vrrp_script chk {\n  script "/usr/bin/pgrep -x haproxy"\n}\n',
    },
    {
      name: "misc_path",
      code: "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    MISC_CHECK {\n      misc_path /usr/local/bin/check 10.0.0.2\n    }\n  }\n}\n",
      errors: [{ line: 4, message: 'ignores "10.0.0.2"' }],
      output: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    MISC_CHECK {\n      misc_path "/usr/local/bin/check 10.0.0.2"\n    }\n  }\n}\n',
    },
  ],
});
