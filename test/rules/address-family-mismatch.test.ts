import rule from "../../rules/ha/address-family-mismatch.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    "vrrp_instance A {\n  virtual_ipaddress {\n    10.0.0.1/24\n    10.0.0.2/24\n  }\n}\n",
    { name: "the other family in virtual_ipaddress_excluded", code: "vrrp_instance A {\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n  virtual_ipaddress_excluded {\n    2001:db8::1/64\n  }\n}\n" },
  ],
  invalid: [
    {
      name: "IPv6 VIP after an IPv4 one",
      code: "vrrp_instance A {\n  virtual_ipaddress {\n    10.0.0.1/24\n    2001:db8::1/64\n  }\n}\n",
      errors: [{ line: 4, column: 5, endColumn: 19, message: 'virtual address 2001:db8::1/64 is IPv6, but vrrp_instance "A" is IPv4 (set by virtual address 10.0.0.1/24): keepalived ignores it' }],
    },
    {
      name: "unicast_src_ip sets the family first",
      code: "vrrp_instance A {\n  unicast_src_ip 2001:db8::1\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n",
      errors: [{ line: 4, message: "(set by unicast_src_ip 2001:db8::1)" }],
    },
  ],
});
