import rule from "../../rules/ha/undefined-tracked-object.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "defined script", code: "vrrp_script chk {\n  script \"/bin/true\"\n}\nvrrp_instance A {\n  track_script {\n    chk\n  }\n}\n" },
    { name: "defined later is reference-before-definition's case", code: "vrrp_instance A {\n  track_script {\n    chk\n  }\n}\nvrrp_script chk {\n  script \"/bin/true\"\n}\n" },
    { name: "interfaces need no definition", code: "vrrp_instance A {\n  track_interface {\n    eth1\n  }\n}\n" },
  ],
  invalid: [
    {
      name: "typo in a track_script entry",
      code: "vrrp_script chk_haproxy {\n  script \"/bin/true\"\n}\nvrrp_instance A {\n  track_script {\n    chk_haproxi\n  }\n}\n",
      errors: [{ line: 6, column: 5, endColumn: 16, message: 'track_script "chk_haproxi" of vrrp_instance "A" names no vrrp_script defined in this configuration' }],
    },
    {
      name: "sync group track_file",
      code: "vrrp_instance A {\n}\nvrrp_sync_group G {\n  group {\n    A\n  }\n  track_file {\n    missing\n  }\n}\n",
      errors: [{ line: 8, message: 'track_file "missing" of vrrp_sync_group "G" names no track_file' }],
    },
  ],
});
