import rule from "../../rules/ha/unicast-without-peers.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    "vrrp_instance A {\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n}\n",
    { name: "multicast source address", code: "vrrp_instance A {\n  mcast_src_ip 10.0.0.1\n}\n" },
    { name: "unicast_fault_no_peer asks for FAULT instead", code: "vrrp_instance A {\n  unicast_src_ip 10.0.0.1\n  unicast_fault_no_peer\n}\n" },
    { name: "peers behind @id lines", code: "vrrp_instance A {\n  unicast_peer {\n@a  10.0.0.2\n  }\n}\n" },
  ],
  invalid: [
    {
      name: "source without peers",
      code: "vrrp_instance A {\n  unicast_src_ip 10.0.0.1\n}\n",
      errors: [{ line: 2, column: 3, endColumn: 17, message: 'vrrp_instance "A" has "unicast_src_ip" but no unicast peers: keepalived sends multicast adverts instead' }],
    },
    {
      name: "config id resolves the @id lines",
      code: "vrrp_instance A {\n  unicast_peer {\n@a  10.0.0.2\n  }\n}\n",
      options: { configId: "b" },
      errors: [{ line: 2, message: '"unicast_peer" but no unicast peers' }],
    },
  ],
});
