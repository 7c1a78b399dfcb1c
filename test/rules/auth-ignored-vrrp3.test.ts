import rule from "../../rules/ha/auth-ignored-vrrp3.js";
import { ruleTester } from "./tester.js";

const auth = "  authentication {\n    auth_type PASS\n    auth_pass secret\n  }\n";
const inst = (extra: string, vip = "10.0.0.1") => `vrrp_instance A {\n${extra}  virtual_ipaddress {\n    ${vip}\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: "VRRPv2 with authentication", code: inst(auth) },
    { name: "v3 without authentication", code: inst("  version 3\n") },
    { name: "strict mode reports it under strict-mode-conflict", code: "global_defs {\n  vrrp_strict\n  vrrp_version 3\n}\n" + inst(auth) },
    { name: "instance version 2 overrides global 3", code: "global_defs {\n  vrrp_version 3\n}\n" + inst("  version 2\n" + auth) },
  ],
  invalid: [
    { name: "instance version 3", code: inst("  version 3\n" + auth), errors: [{ line: 3, column: 3, endColumn: 17, message: 'vrrp_instance "A" uses "version 3", which has no authentication: keepalived ignores this authentication block' }] },
    { name: "global vrrp_version 3", code: "global_defs {\n  vrrp_version 3\n}\n" + inst(auth), errors: [{ line: 5, message: '"vrrp_version 3"' }] },
    { name: "IPv6 implies version 3", code: inst(auth, "2001:db8::1"), errors: [{ line: 2, message: "IPv6 addresses (VRRP version 3)" }] },
  ],
});
