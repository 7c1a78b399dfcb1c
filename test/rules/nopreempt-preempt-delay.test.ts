import rule from "../../rules/ha/nopreempt-preempt-delay.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    "vrrp_instance A {\n  state BACKUP\n  preempt_delay 30\n}\n",
    "vrrp_instance A {\n  state BACKUP\n  nopreempt\n}\n",
    { name: "state MASTER is nopreempt-state-master's case", code: "vrrp_instance A {\n  state MASTER\n  nopreempt\n  preempt_delay 30\n}\n" },
  ],
  invalid: [
    {
      name: "both set",
      code: "vrrp_instance A {\n  state BACKUP\n  nopreempt\n  preempt_delay 30\n  priority 100\n}\n",
      errors: [{ line: 4, column: 3, endColumn: 16, message: '"preempt_delay" has no effect on vrrp_instance "A" with "nopreempt": keepalived resets it' }],
      output: "vrrp_instance A {\n  state BACKUP\n  nopreempt\n  priority 100\n}\n",
    },
  ],
});
