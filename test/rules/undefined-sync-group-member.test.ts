import rule from "../../rules/ha/undefined-sync-group-member.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    "vrrp_instance A {\n}\nvrrp_instance B {\n}\nvrrp_sync_group G {\n  group {\n    A\n    B\n  }\n}\n",
    { name: "members may be defined after the group", code: "vrrp_sync_group G {\n  group {\n    A B\n  }\n}\nvrrp_instance A {\n}\nvrrp_instance B {\n}\n" },
  ],
  invalid: [
    {
      name: "names are case-sensitive",
      code: "vrrp_instance VI_1 {\n}\nvrrp_sync_group G {\n  group {\n    VI_1 vi_2\n  }\n}\n",
      errors: [{ line: 5, column: 10, endColumn: 14, message: 'vrrp_sync_group "G" lists "vi_2", but no vrrp_instance has that name: keepalived ignores it' }],
    },
  ],
});
