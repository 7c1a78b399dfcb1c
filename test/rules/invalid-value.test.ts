import rule from "../../rules/schema/invalid-value.js";
import { ruleTester } from "./tester.js";

const inst = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { name: "good values", code: inst("  state BACKUP\n  priority 100\n  advert_int 1\n  virtual_ipaddress {\n    10.0.0.1/24 dev eth0\n  }\n") },
    { name: "track_script entry with a weight", code: "vrrp_script chk {\n  script /bin/true\n}\n" + inst("  track_script {\n    chk weight -20\n  }\n") },
  ],
  invalid: [
    { name: "out of range", code: inst("  priority 300\n"), errors: [{ line: 4, column: 12, message: '"priority" value "300" is outside 1..255' }] },
    { name: "hex is not read", code: inst("  priority 0x64\n"), errors: [{ line: 4, message: 'is not a valid number' }] },
    { name: "enum is case-sensitive", code: inst("  state master\n"), errors: [{ line: 4, column: 9, message: '"state" value "master" is not valid' }] },
    { name: "VIP prefix too long", code: inst("  virtual_ipaddress {\n    10.0.0.1/33\n  }\n"), errors: [{ line: 5, column: 5, message: 'virtual_ipaddress entry "10.0.0.1/33"' }] },
    { name: "unknown option on a VIP line", code: inst("  virtual_ipaddress {\n    10.0.0.2 dev eth0 foo\n  }\n"), errors: [{ line: 5, column: 23, message: '"foo"' }] },
    { name: "tracker weight out of range", code: "vrrp_script chk {\n  script /bin/true\n}\n" + inst("  track_script {\n    chk weight 300\n  }\n"), errors: [{ line: 8, message: 'weight "300"' }] },
    { name: "words before a value block's '{'", code: inst("  virtual_ipaddress 10.0.0.1 {\n    10.0.0.2\n  }\n"), errors: [{ line: 4, column: 21, message: '"virtual_ipaddress" takes no words before its block' }] },
    { name: "2.2.7 reads vrrp_script interval as whole seconds", code: "vrrp_script chk {\n  script /bin/true\n  interval 1.5\n}\n", options: { targetVersion: "2.2.7" }, errors: [{ line: 3 }] },
  ],
});

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "nothing inside a real_server keepalived skips is read",
      code: "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 asd {\n    weight 100a\n  }\n}\n",
      errors: [{ line: 2, column: 24, message: '"real_server" port "asd"' }],
    },
  ],
});
