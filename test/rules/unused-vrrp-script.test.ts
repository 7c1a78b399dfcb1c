import rule from "../../rules/ha/unused-vrrp-script.js";
import { ruleTester } from "./tester.js";

const script = (name: string) => `vrrp_script ${name} {\n  script "/bin/true"\n}\n`;

ruleTester(rule, {
  valid: [
    { name: "tracked by an instance", code: script("chk") + "vrrp_instance A {\n  track_script {\n    chk\n  }\n}\n" },
    { name: "tracked by a sync group", code: script("chk") + "vrrp_instance A {\n}\nvrrp_sync_group G {\n  group {\n    A\n  }\n  track_script {\n    chk\n  }\n}\n" },
    { name: "a fragment without instances is not judged", code: script("chk") },
  ],
  invalid: [
    {
      name: "defined, never tracked",
      code: script("chk") + script("other") + "vrrp_instance A {\n  track_script {\n    chk\n  }\n}\n",
      errors: [{ line: 4, column: 13, endColumn: 18, message: 'vrrp_script "other" is not tracked by any vrrp_instance or vrrp_sync_group: keepalived never runs it' }],
    },
  ],
});
