import rule from "../../rules/ha/duplicate-vrid.js";
import { ruleTester } from "./tester.js";

const inst = (name: string, vrid: number, extra = "", iface = "eth0", vip = "10.0.0.1/24") =>
  `vrrp_instance ${name} {\n  interface ${iface}\n  virtual_router_id ${vrid}\n${extra}  virtual_ipaddress {\n    ${vip}\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: "different VRIDs", code: inst("A", 51) + inst("B", 52) },
    { name: "different interfaces", code: inst("A", 51) + inst("B", 51, "", "eth1") },
    { name: "different families", code: inst("A", 51) + inst("B", 51, "", "eth0", "2001:db8::1/64") },
    { name: "unicast instances may share a VRID", code: inst("A", 51, "  unicast_peer {\n    10.0.0.2\n  }\n") + inst("B", 51, "  unicast_peer {\n    10.0.0.3\n  }\n") },
    { name: "different multicast groups", code: inst("A", 51, "  mcast_dst_ip 224.0.0.19\n") + inst("B", 51) },
    { name: "peers behind @id lines are unknown without a config id", code: inst("A", 51, "@a unicast_peer {\n@a   10.0.0.2\n@a }\n") + inst("B", 51) },
  ],
  invalid: [
    {
      name: "same VRID, interface and family",
      code: inst("A", 51) + inst("B", 51),
      errors: [{ line: 10, column: 21, endColumn: 23, message: 'vrrp_instance "B" uses virtual_router_id 51 with IPv4 on interface "eth0", as vrrp_instance "A" does (line 3): keepalived refuses the configuration' }],
    },
  ],
});
