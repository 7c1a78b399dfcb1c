import rule from "../../rules/ha/strict-mode-conflict.js";
import { ruleTester } from "./tester.js";

const strict = "global_defs {\n  vrrp_strict\n}\n";
const inst = (extra: string, vips = "  virtual_ipaddress {\n    10.0.0.1\n  }\n") => `vrrp_instance A {\n  state BACKUP\n  priority 100\n${extra}${vips}}\n`;

ruleTester(rule, {
  valid: [
    { name: "a clean strict instance", code: strict + inst("") },
    { name: "no strict mode", code: inst("  preempt_delay 10\n  unicast_peer {\n    10.0.0.2\n  }\n") },
    { name: "strict_mode off on the instance wins over vrrp_strict", code: strict + inst("  strict_mode off\n  preempt_delay 10\n") },
    { name: "2.2.5 to 2.3.x run unicast peers in strict mode", code: strict + inst("  unicast_peer {\n    10.0.0.2\n  }\n"), options: { targetVersion: "2.3.4" } },
    { name: "vrrp_strict off is off in the newest keepalived", code: "global_defs {\n  vrrp_strict off\n}\n" + inst("  preempt_delay 10\n") },
  ],
  invalid: [
    {
      name: "unicast peers, authentication and preempt_delay",
      code: strict + inst("  unicast_peer {\n    10.0.0.2\n  }\n  authentication {\n    auth_type PASS\n    auth_pass x\n  }\n  preempt_delay 10\n"),
      errors: [
        { line: 7, column: 3, message: 'vrrp_instance "A" has unicast peers, which strict mode does not allow: keepalived 2.4.3 refuses to start the instance' },
        { line: 10, message: "strict mode does not support authentication" },
        { line: 14, message: '"preempt_delay" is incompatible with strict mode: keepalived resets it to 0 for vrrp_instance "A"' },
      ],
    },
    { name: "2.2.4 refuses unicast peers in strict mode", code: strict + inst("  unicast_peer {\n    10.0.0.2\n  }\n"), options: { targetVersion: "2.2.4" }, errors: [{ line: 7, message: "keepalived 2.2.4 refuses to start the instance" }] },
    {
      name: "state MASTER below 255 and no VIP",
      code: strict + "vrrp_instance A {\n  state MASTER\n  priority 100\n}\n",
      errors: [
        { line: 4, message: 'vrrp_instance "A" has no virtual_ipaddress: strict mode requires at least one' },
        { line: 5, message: 'vrrp_instance "A" has "state MASTER" with priority 100' },
      ],
    },
    {
      name: "keepalived 2.2.7 reads vrrp_strict off as on",
      code: "global_defs {\n  vrrp_strict off\n}\n" + inst("  preempt_delay 10\n"),
      options: { targetVersion: "2.2.7" },
      errors: [{ line: 7, message: "preempt_delay" }],
    },
  ],
});
