import rule from "../../rules/ha/track-own-interface.js";
import { ruleTester } from "./tester.js";

const inst = (entry: string, extra = "") => `vrrp_instance A {\n  interface eth0\n${extra}  track_interface {\n    ${entry}\n  }\n}\n`;

ruleTester(rule, {
  valid: [inst("eth1"), inst("eth1 weight -20")],
  invalid: [
    {
      name: "redundant entry",
      code: inst("eth0"),
      errors: [{ line: 4, column: 5, endColumn: 9, severity: "warning", message: 'track_interface "eth0" is vrrp_instance "A"\'s own interface: keepalived drops the entry' }],
    },
    {
      name: "a weight on the own interface is never applied",
      code: inst("eth0 weight -20"),
      errors: [{ line: 4, column: 17, endColumn: 20, severity: "error", message: "the weight is never applied" }],
    },
    {
      name: "dont_track_primary",
      code: inst("eth0", "  dont_track_primary\n"),
      errors: [{ line: 5, message: 'with "dont_track_primary" its state is not tracked at all' }],
    },
  ],
});
