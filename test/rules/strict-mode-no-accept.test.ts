import rule from "../../rules/ha/strict-mode-no-accept.js";
import { ruleTester } from "./tester.js";

const strict = "global_defs {\n  vrrp_strict\n}\n";
const inst = (extra: string, prio = "100") => `vrrp_instance A {\n  priority ${prio}\n${extra}  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: "version 3 with accept", code: strict + inst("  version 3\n  accept\n") },
    { name: "the owner accepts by default", code: strict + inst("", "255") },
    { name: "explicit no_accept is deliberate", code: strict + inst("  no_accept\n") },
    { name: "no strict mode", code: inst("") },
  ],
  invalid: [
    {
      name: "no accept",
      code: strict + inst(""),
      errors: [{ line: 4, column: 1, endColumn: 14, message: 'vrrp_instance "A" runs in strict mode without "accept": keepalived drops traffic to the VIPs while this node is MASTER' }],
    },
    {
      name: "accept is reset under VRRPv2",
      code: strict + inst("  accept\n"),
      errors: [{ line: 6, column: 3, message: '"accept" on vrrp_instance "A" is reset by strict mode under VRRP version 2' }],
    },
  ],
});
