import rule from "../../rules/lvs/fwmark-protocol-ignored.js";
import { ruleTester } from "./tester.js";

const vs = (head: string, protocol: boolean) => `virtual_server ${head} {\n  lb_algo rr\n  lb_kind DR\n${protocol ? "  protocol TCP\n" : ""}  real_server 10.0.0.2 {\n    TCP_CHECK {\n      connect_port 80\n    }\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: "fwmark without protocol", code: vs("fwmark 1", false) },
    { name: "an address virtual server needs its protocol", code: vs("10.0.0.1 80", true) },
  ],
  invalid: [
    {
      name: "keepalived's own fwmark sample",
      code: vs("fwmark 1", true),
      errors: [{ line: 4, column: 3, endColumn: 11, message: '"protocol" has no effect on virtual_server fwmark 1' }],
      output: vs("fwmark 1", false),
    },
  ],
});
