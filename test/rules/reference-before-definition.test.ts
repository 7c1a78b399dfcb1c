import rule from "../../rules/correctness/reference-before-definition.js";
import { ruleTester } from "./tester.js";

const script = "vrrp_script chk {\n  script /bin/true\n}\n";
const inst = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { name: "definition first", code: script + inst("  track_script {\n    chk\n  }\n") },
    { name: "never defined: another rule", code: inst("  track_script {\n    nope\n  }\n") },
    { name: "sync group members are resolved at the end", code: "vrrp_sync_group G {\n  group {\n    VI_1\n  }\n}\n" + inst("") },
  ],
  invalid: [
    {
      name: "track_script before its vrrp_script",
      code: inst("  track_script {\n    chk weight 10\n  }\n") + script,
      errors: [{ line: 4, column: 5, endColumn: 8, message: 'track_script "chk" names the vrrp_script defined further down (line 7)' }],
    },
    {
      name: "track_file before a vrrp_track_file",
      code: inst("  track_file {\n    f\n  }\n") + "vrrp_track_file f {\n  file /tmp/f\n}\n",
      errors: [{ line: 4, message: "vrrp_track_file" }],
    },
  ],
});
