import rule from "../../rules/schema/missing-argument.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "arguments given", code: "vrrp_instance VI_1 {\n  interface eth0\n  priority 100\n}\n" },
    { name: "flags take none", code: "vrrp_instance VI_1 {\n  nopreempt\n}\n" },
    { name: "optional argument", code: "global_defs {\n  vrrp_iptables\n}\n" },
    // keepalived 2.2.7 reports only the quote here ("missing terminating"), exit 0: the script keyword re-reads its raw line.
    { name: "script keyword whose script has an unterminated quote", code: "vrrp_instance VI_1 {\n  notify_backup \"/bin/true x\n}\n" },
  ],
  invalid: [
    { name: "priority without value", code: "vrrp_instance VI_1 {\n  priority\n}\n", errors: [{ line: 2, column: 3, message: '"priority" in vrrp_instance is missing its argument' }] },
    { name: "the only argument is an unterminated quote", code: "vrrp_instance VI_1 {\n  advert_int \"1\n}\n", errors: [{ line: 2, message: "keepalived drops the unterminated quoted word" }] },
    { name: "vrrp_script without a name", code: "vrrp_script {\n  script /bin/true\n}\n", errors: [{ line: 1, message: "exits with status 2" }] },
  ],
});
