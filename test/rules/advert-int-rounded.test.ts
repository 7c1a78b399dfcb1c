import rule from "../../rules/ha/advert-int-rounded.js";
import { ruleTester } from "./tester.js";

const inst = (extra: string, vip = "10.0.0.1") => `vrrp_instance A {\n${extra}  virtual_ipaddress {\n    ${vip}\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    inst("  advert_int 1\n"),
    { name: "sub-second with version 3", code: inst("  version 3\n  advert_int 0.25\n") },
    { name: "IPv6 implies version 3", code: inst("  advert_int 0.5\n", "2001:db8::1") },
  ],
  invalid: [
    {
      name: "VRRPv2 half a second",
      code: inst("  advert_int 0.5\n"),
      errors: [{ line: 2, column: 14, endColumn: 17, message: 'advert_int 0.5 of vrrp_instance "A" is not a whole number of seconds: VRRP version 2 adverts carry whole seconds, so keepalived rounds it to 1' }],
    },
    { name: "VRRPv2 2.5 rounds up", code: inst("  advert_int 2.5\n"), errors: [{ line: 2, message: "rounds it to 3" }] },
    { name: "VRRPv3 below 10 ms precision", code: inst("  version 3\n  advert_int 0.125\n"), errors: [{ line: 3, message: "not a multiple of 10 ms" }] },
  ],
});
