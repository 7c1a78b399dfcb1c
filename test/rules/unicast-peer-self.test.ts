import rule from "../../rules/ha/unicast-peer-self.js";
import { ruleTester } from "./tester.js";

const inst = (src: string, peers: string[]) => `vrrp_instance A {\n  unicast_src_ip ${src}\n  unicast_peer {\n${peers.map((p) => `    ${p}\n`).join("")}  }\n}\n`;

ruleTester(rule, {
  valid: [inst("10.0.0.1", ["10.0.0.2", "10.0.0.3"]), { name: "no unicast_src_ip", code: "vrrp_instance A {\n  unicast_peer {\n    10.0.0.1\n  }\n}\n" }],
  invalid: [
    {
      name: "own address in the peer list",
      code: inst("10.0.0.1", ["10.0.0.1", "10.0.0.2"]),
      errors: [{ line: 4, column: 5, endColumn: 13, message: 'unicast_peer "10.0.0.1" of vrrp_instance "A" is the instance\'s own unicast_src_ip: the node sends adverts to itself' }],
    },
    { name: "IPv6 written differently", code: inst("2001:db8::1", ["2001:db8:0::1"]), errors: [{ line: 4, message: "2001:db8:0::1" }] },
  ],
});
