import rule from "../../rules/lvs/hysteresis-not-below-quorum.js";
import { ruleTester } from "./tester.js";

const vs = (body: string) => `virtual_server 10.0.0.1 80 {\n${body}  real_server 10.0.0.2 80 {\n    weight 3\n  }\n  real_server 10.0.0.3 80 {\n    weight 3\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    vs("  quorum 4\n  hysteresis 1\n"),
    { name: "no hysteresis line", code: vs("  quorum 4\n") },
  ],
  invalid: [
    {
      name: "hysteresis equal to quorum",
      code: vs("  quorum 4\n  hysteresis 4\n"),
      errors: [{ line: 3, column: 14, endColumn: 15, message: "hysteresis 4 of virtual_server 10.0.0.1 80 is not below its quorum 4: keepalived resets hysteresis to 3" }],
    },
    { name: "default quorum 1", code: vs("  hysteresis 1\n"), errors: [{ line: 2, message: "quorum 1 (the default)" }] },
    { name: "quorum lowered to the weight first", code: vs("  quorum 10\n  hysteresis 6\n"), errors: [{ line: 3, message: "quorum 6 (quorum 10 lowered to the total weight 6): keepalived resets hysteresis to 5" }] },
  ],
});
