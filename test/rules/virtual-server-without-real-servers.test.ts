import rule from "../../rules/lvs/virtual-server-without-real-servers.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n  }\n}\n",
    { name: "real servers behind @id lines", code: "virtual_server 10.0.0.1 80 {\n@a real_server 10.0.0.2 80 {\n@a }\n}\n" },
  ],
  invalid: [
    {
      name: "only a sorry server",
      code: "virtual_server 10.0.0.1 80 {\n  sorry_server 10.0.0.9 80\n}\n",
      errors: [{ line: 1, column: 1, endColumn: 15, message: "virtual_server 10.0.0.1 80 has no real_server: keepalived ignores the whole virtual server" }],
    },
  ],
});
