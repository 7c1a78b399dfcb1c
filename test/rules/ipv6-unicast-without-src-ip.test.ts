import rule from "../../rules/ha/ipv6-unicast-without-src-ip.js";
import { ruleTester } from "./tester.js";

const inst = (extra: string, peer: string) => `vrrp_instance A {\n${extra}  unicast_peer {\n    ${peer}\n  }\n  virtual_ipaddress {\n    2001:db8::100/64\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: "with unicast_src_ip", code: inst("  unicast_src_ip 2001:db8::1\n", "2001:db8::2") },
    { name: "link-local peers", code: inst("", "fe80::2") },
    { name: "IPv4 picks the configured address", code: "vrrp_instance A {\n  unicast_peer {\n    10.0.0.2\n  }\n}\n" },
  ],
  invalid: [
    {
      name: "global IPv6 peer, no source",
      code: inst("", "2001:db8::2"),
      errors: [{ line: 2, column: 3, endColumn: 15, message: 'vrrp_instance "A" has IPv6 unicast peers (such as "2001:db8::2") but no unicast_src_ip' }],
    },
  ],
});
