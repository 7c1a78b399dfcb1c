import rule from "../../rules/schema/duplicate-keyword.js";
import { ruleTester } from "./tester.js";

const inst = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { name: "each once", code: inst("  priority 100\n  advert_int 1\n") },
    { name: "same keyword in different blocks", code: inst("  priority 100\n") + "vrrp_instance VI_2 {\n  priority 100\n}\n" },
    { name: "value blocks may repeat", code: inst("  virtual_ipaddress {\n    10.0.0.1\n  }\n  virtual_ipaddress {\n    10.0.0.2\n  }\n") },
    { name: "lvs_timeouts lines add up", code: "global_defs {\n  lvs_timeouts tcp 900\n  lvs_timeouts udp 300\n}\n" },
  ],
  invalid: [
    {
      name: "different values: the last wins",
      code: inst("  priority 100\n  priority 150\n"),
      errors: [{ line: 4, column: 3, severity: "warning", message: '"priority" is set twice in vrrp_instance "VI_1"; keepalived uses this one and ignores the one on line 3' }],
    },
    {
      name: "notify scripts: the first wins",
      code: inst("  notify_master /bin/a\n  notify_master /bin/b\n"),
      errors: [{ line: 4, message: "keepalived keeps the first one (line 3)" }],
    },
    {
      name: "identical repeat is removed",
      code: inst("  priority 100\n  advert_int 1\n  priority 100\n"),
      errors: [{ line: 5, message: "written twice" }],
      output: inst("  priority 100\n  advert_int 1\n"),
    },
  ],
});
