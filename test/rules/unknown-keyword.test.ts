import rule from "../../rules/schema/unknown-keyword.js";
import { ruleTester } from "./tester.js";

const inst = (body: string) => `vrrp_instance VI_1 {\n  interface eth0\n${body}}\n`;

ruleTester(rule, {
  valid: [
    { name: "known keywords", code: inst("  virtual_router_id 51\n  priority 100\n") },
    { name: "value-block entries are not keywords", code: inst("  virtual_ipaddress {\n    10.0.0.1/24 dev eth0\n  }\n") },
    { name: "a HEAD keyword is not unknown (another rule)", code: inst("  timer_expired_backup\n"), options: { targetVersion: "2.2.7" } },
  ],
  invalid: [
    {
      name: "misspelling one edit away: did you mean, offered as a suggestion only",
      code: inst("  virtual_router_idd 51\n"),
      errors: [{ line: 3, column: 3, endColumn: 21, message: 'unknown keyword "virtual_router_idd" in vrrp_instance; did you mean "virtual_router_id"?' }],
    },
    {
      name: "case-only slip is fixed",
      code: inst("  Priority 100\n"),
      errors: [{ line: 3, message: 'did you mean "priority"?' }],
      output: inst("  priority 100\n"),
    },
    {
      name: "keyword of another block",
      code: inst("  router_id lb1\n"),
      errors: [{ line: 3, message: 'unknown keyword "router_id" in vrrp_instance; it is valid only inside global_defs' }],
    },
    {
      name: "nothing close: plain unknown",
      code: "global_defs {\n  frobnicate yes\n}\n",
      errors: [{ line: 2, message: /^unknown keyword "frobnicate" in global_defs$/ }],
    },
    {
      name: "top level, with the block's lines then read at the top level",
      code: "vrrp_instanse VI_1 {\n  interface eth0\n}\n",
      errors: [
        { line: 1, message: 'unknown keyword "vrrp_instanse" at the top level; did you mean "vrrp_instance"?' },
        { line: 2, message: 'unknown keyword "interface" at the top level; it is valid only inside ' },
      ],
    },
    {
      name: "a top-level block without '{' is read at the top level by the other processes",
      code: "global_defs\n  router_id lb1\n  vrrp_strict\n}\n",
      errors: [
        { line: 2, message: 'unknown keyword "router_id" at the top level for keepalived\'s checker, vrrp and bfd processes' },
        { line: 3, message: '"global_defs" (line 1) has no \'{\'' },
      ],
    },
  ],
});
