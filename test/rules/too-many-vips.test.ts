import rule from "../../rules/ha/too-many-vips.js";
import { ruleTester } from "./tester.js";

const v6 = (n: number) => Array.from({ length: n }, (_, i) => `    2001:db8::${(i + 1).toString(16)}\n`).join("");
const v4 = (n: number) => Array.from({ length: n }, (_, i) => `    10.0.${Math.floor(i / 250)}.${(i % 250) + 1}\n`).join("");
const inst = (vips: string, extra = "") => `vrrp_instance A {\n${extra}  virtual_ipaddress {\n${vips}  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: "89 IPv6 addresses fit a 1500-byte packet", code: inst(v6(89)) },
    { name: "255 IPv4 addresses is the protocol's limit", code: inst(v4(255)) },
  ],
  invalid: [
    {
      name: "the 90th IPv6 address",
      code: inst(v6(90)),
      errors: [{ line: 92, column: 5, message: 'vrrp_instance "A" has 90 IPv6 virtual addresses, but an advert holds at most 89 (with a 1500-byte MTU): keepalived moves "2001:db8::5a" and the ones after it out of the adverts' }],
    },
    {
      name: "the 256th IPv4 address",
      code: inst(v4(256)),
      errors: [{ line: 258, message: "at most 255" }],
    },
  ],
});
