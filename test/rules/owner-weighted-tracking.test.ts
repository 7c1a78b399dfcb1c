import rule from "../../rules/ha/owner-weighted-tracking.js";
import { ruleTester } from "./tester.js";

const script = `vrrp_script chk {\n  script "/bin/true"\n  weight -20\n}\n`;
const tracked = "  track_script {\n    chk\n  }\n";

ruleTester(rule, {
  valid: [
    { name: "priority 254 may float", code: script + `vrrp_instance A {\n  priority 254\n${tracked}}\n` },
    { name: "owner with weight 0 tracker", code: `vrrp_instance A {\n  priority 255\n  track_interface {\n    eth1\n  }\n}\n` },
    { name: "state MASTER with a priority below 255", code: script + `vrrp_instance A {\n  state MASTER\n  priority 150\n${tracked}}\n` },
  ],
  invalid: [
    {
      name: "explicit priority 255",
      code: script + `vrrp_instance A {\n  priority 255\n${tracked}}\n`,
      errors: [{ line: 8, column: 5, message: 'track_script "chk" has weight -20 (from vrrp_script "chk") on vrrp_instance "A" with priority 255 (address owner)' }],
    },
    {
      name: "state MASTER without priority means 255; track_file default weight is zeroed",
      code: `track_file f {\n  file /tmp/f\n}\nvrrp_instance A {\n  state MASTER\n  track_file {\n    f\n  }\n}\n`,
      errors: [{ line: 7, message: /"state MASTER" and no priority.*sets its weight to 0/ }],
    },
  ],
});
