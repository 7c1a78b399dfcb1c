import rule from "../../rules/ha/mcast-group-not-link-local.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    "global_defs {\n  vrrp_mcast_group4 224.0.0.18\n  vrrp_mcast_group6 ff02::12\n}\n",
    "vrrp_instance A {\n  mcast_dst_ip 224.0.0.250\n}\n",
  ],
  invalid: [
    {
      name: "global IPv4 group",
      code: "global_defs {\n  vrrp_mcast_group4 224.0.10.18\n}\n",
      errors: [{ line: 2, column: 21, endColumn: 32, message: 'vrrp_mcast_group4 "224.0.10.18" is not a link-local multicast group (224.0.0.0/24): switches with IGMP snooping may not deliver the adverts' }],
    },
    { name: "IPv6 site-local group", code: "global_defs {\n  vrrp_mcast_group6 ff05::12\n}\n", errors: [{ line: 2, message: "(ff02::/16)" }] },
    { name: "instance mcast_dst_ip", code: "vrrp_instance A {\n  mcast_dst_ip 239.1.1.1\n}\n", errors: [{ line: 2, message: 'mcast_dst_ip "239.1.1.1" of vrrp_instance "A"' }] },
  ],
});
