import rule from "../../rules/lvs/quorum-exceeds-weight.js";
import { ruleTester } from "./tester.js";

const vs = (body: string) => `virtual_server 10.0.0.1 80 {\n${body}}\n`;
const rs = (ip: string, weight?: number) => `  real_server ${ip} 80 {\n${weight === undefined ? "" : `    weight ${weight}\n`}  }\n`;

ruleTester(rule, {
  valid: [
    vs("  quorum 2\n" + rs("10.0.0.2") + rs("10.0.0.3")),
    { name: "weights add up", code: vs("  quorum 5\n" + rs("10.0.0.2", 3) + rs("10.0.0.3", 2)) },
    { name: "virtual server weight is the default", code: vs("  quorum 4\n  weight 2\n" + rs("10.0.0.2") + rs("10.0.0.3")) },
  ],
  invalid: [
    {
      name: "two default-weight servers, quorum 3",
      code: vs("  quorum 3\n" + rs("10.0.0.2") + rs("10.0.0.3")),
      errors: [{ line: 2, column: 10, endColumn: 11, message: "quorum 3 of virtual_server 10.0.0.1 80 exceeds the total weight of its real servers (2): keepalived lowers the quorum to 2" }],
    },
    { name: "explicit weights", code: vs("  quorum 10\n" + rs("10.0.0.2", 4) + rs("10.0.0.3", 5)), errors: [{ line: 2, message: "(9)" }] },
  ],
});
