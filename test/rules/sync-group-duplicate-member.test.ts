import rule from "../../rules/ha/sync-group-duplicate-member.js";
import { ruleTester } from "./tester.js";

const insts = "vrrp_instance A {\n}\nvrrp_instance B {\n}\n";

ruleTester(rule, {
  valid: [
    insts + "vrrp_sync_group G1 {\n  group {\n    A\n  }\n}\nvrrp_sync_group G2 {\n  group {\n    B\n  }\n}\n",
    { name: "an undefined name is undefined-sync-group-member's case", code: insts + "vrrp_sync_group G1 {\n  group {\n    X\n  }\n}\nvrrp_sync_group G2 {\n  group {\n    X\n  }\n}\n" },
  ],
  invalid: [
    {
      name: "A in two groups",
      code: insts + "vrrp_sync_group G1 {\n  group {\n    A B\n  }\n}\nvrrp_sync_group G2 {\n  group {\n    A\n  }\n}\n",
      errors: [{ line: 12, column: 5, endColumn: 6, message: 'vrrp_instance "A" is already a member of vrrp_sync_group "G1": keepalived ignores it in vrrp_sync_group "G2"' }],
    },
  ],
});
