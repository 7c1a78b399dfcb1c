import rule from "../../rules/ha/sync-group-mixed-owners.js";
import { ruleTester } from "./tester.js";

const inst = (name: string, state: string, prio: number) => `vrrp_instance ${name} {\n  state ${state}\n  priority ${prio}\n}\n`;
const group = "vrrp_sync_group G {\n  group {\n    A\n    B\n  }\n}\n";

ruleTester(rule, {
  valid: [
    { name: "both owners", code: inst("A", "MASTER", 255) + inst("B", "MASTER", 255) + group },
    { name: "no owner", code: inst("A", "MASTER", 150) + inst("B", "BACKUP", 100) + group },
  ],
  invalid: [
    {
      name: "owner and non-owner",
      code: inst("A", "MASTER", 255) + inst("B", "BACKUP", 100) + group,
      errors: [{ line: 12, column: 5, endColumn: 6, message: 'vrrp_sync_group "G" has "A" as address owner (priority 255) but "B" with priority 100' }],
    },
  ],
});
