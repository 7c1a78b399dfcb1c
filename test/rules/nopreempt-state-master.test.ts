import rule from "../../rules/ha/nopreempt-state-master.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    "vrrp_instance V {\n  state BACKUP\n  nopreempt\n  priority 100\n}\n",
    { name: "MASTER without nopreempt", code: "vrrp_instance V {\n  state MASTER\n  priority 100\n}\n" },
    { name: "no state, priority below 255", code: "vrrp_instance V {\n  nopreempt\n  priority 200\n}\n" },
  ],
  invalid: [
    {
      name: "state MASTER + nopreempt",
      code: "vrrp_instance V {\n  state MASTER\n  nopreempt\n  priority 100\n}\n",
      errors: [{ line: 3, column: 3, endColumn: 12, message: '"nopreempt" has no effect on vrrp_instance "V" with "state MASTER"' }],
      output: "vrrp_instance V {\n  state MASTER\n  priority 100\n}\n",
      suggestions: ["vrrp_instance V {\n  state BACKUP\n  nopreempt\n  priority 100\n}\n"],
    },
    {
      name: "state MASTER without priority runs at 255",
      code: "vrrp_instance V {\n  state MASTER\n  preempt_delay 10\n}\n",
      errors: [{ line: 3, message: "runs at 255" }],
      output: "vrrp_instance V {\n  state MASTER\n}\n",
      suggestions: ["vrrp_instance V {\n  state BACKUP\n  preempt_delay 10\n}\n"],
    },
    {
      name: "priority 255 + nopreempt: the fix removes what keepalived ignores (lowering the priority is a choice)",
      code: "vrrp_instance V {\n  state BACKUP\n  priority 255\n  nopreempt\n}\n",
      errors: [{ line: 4, message: "priority 255" }],
      output: "vrrp_instance V {\n  state BACKUP\n  priority 255\n}\n",
    },
  ],
});
