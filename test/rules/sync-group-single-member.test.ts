import rule from "../../rules/ha/sync-group-single-member.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    "vrrp_instance A {\n}\nvrrp_instance B {\n}\nvrrp_sync_group G {\n  group {\n    A\n    B\n  }\n}\n",
    { name: "a group with no existing member is undefined-sync-group-member's case", code: "vrrp_sync_group G {\n  group {\n    X\n  }\n}\n" },
  ],
  invalid: [
    {
      name: "one member (the other name is a typo)",
      code: "vrrp_instance A {\n}\nvrrp_sync_group G {\n  group {\n    A\n    b\n  }\n}\n",
      errors: [{ line: 3, column: 17, endColumn: 18, message: 'vrrp_sync_group "G" has only one member ("A")' }],
    },
  ],
});
