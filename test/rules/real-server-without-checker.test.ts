import rule from "../../rules/lvs/real-server-without-checker.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    TCP_CHECK {\n      connect_timeout 3\n    }\n  }\n}\n",
    { name: "MISC_CHECK counts", code: 'virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    MISC_CHECK {\n      misc_path "/bin/true"\n    }\n  }\n}\n' },
  ],
  invalid: [
    {
      name: "weight only",
      code: "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    weight 1\n  }\n}\n",
      errors: [{ line: 2, column: 3, endColumn: 14, message: "real_server 10.0.0.2 80 of virtual_server 10.0.0.1 80 has no health checker" }],
    },
  ],
});
