import rule from "../../rules/ha/auth-pass-too-long.js";
import { ruleTester } from "./tester.js";

const inst = (pass: string) => `vrrp_instance A {\n  authentication {\n    auth_type PASS\n    auth_pass ${pass}\n  }\n}\n`;

ruleTester(rule, {
  valid: [inst("12345678"), inst("short")],
  invalid: [
    {
      name: "nine characters",
      code: inst("123456789"),
      errors: [{ line: 4, column: 15, endColumn: 24, message: 'auth_pass of vrrp_instance "A" is 9 characters long: keepalived uses only the first 8' }],
      output: inst("12345678"),
    },
    { name: "quoted", code: inst('"secret password"'), errors: [{ line: 4, message: "15 characters long" }], output: inst('"secret p"') },
  ],
});
