import rule from "../../rules/ha/sync-group-weight-ignored.js";
import { ruleTester } from "./tester.js";

const script = (weight: string) => `vrrp_script chk {\n  script "/bin/true"\n${weight}}\n`;
const inst = (name: string, track: string, prio = "100") => `vrrp_instance ${name} {\n  priority ${prio}\n${track}}\n`;
const group = (extra = "") => `vrrp_sync_group G {\n  group {\n    A\n    B\n  }\n${extra}}\n`;
const tracked = "  track_script {\n    chk\n  }\n";

ruleTester(rule, {
  valid: [
    { name: "sync_group_tracking_weight makes weights count", code: script("  weight -20\n") + inst("A", tracked) + inst("B", "") + group("  sync_group_tracking_weight\n") },
    { name: "weight 0 in a group is fine", code: script("") + inst("A", tracked) + inst("B", "") + group() },
    { name: "weights outside any group", code: script("  weight -20\n") + inst("A", tracked) + inst("B", "") },
    { name: "owner is left to owner-weighted-tracking", code: script("  weight -20\n") + inst("A", tracked, "255") + inst("B", "") + group() },
  ],
  invalid: [
    {
      name: "inherited script weight is dropped",
      code: script("  weight -20\n") + inst("A", tracked) + inst("B", "") + group(),
      errors: [{ line: 8, column: 5, message: 'track_script "chk" has weight -20 (from vrrp_script "chk") on vrrp_instance "A", a member of vrrp_sync_group "G" without "sync_group_tracking_weight": keepalived drops the tracker' }],
    },
    {
      name: "interface weight on the tracker line is zeroed",
      code: inst("A", "  track_interface {\n    eth1 weight 10\n  }\n") + inst("B", "") + group(),
      errors: [{ line: 4, column: 17, endColumn: 19, message: "sets its weight to 0" }],
    },
  ],
});
