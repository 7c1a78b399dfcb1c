import rule from "../../rules/lvs/real-server-port-mismatch.js";
import { ruleTester } from "./tester.js";

const vs = (kind: string, rsPort: string, rsExtra = "") => `virtual_server 10.0.0.1 80 {\n  lb_kind ${kind}\n  real_server 10.0.0.2 ${rsPort} {\n${rsExtra}  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: "NAT maps ports", code: vs("NAT", "8080") },
    { name: "same port", code: vs("DR", "80") },
    { name: "no port on the real server", code: "virtual_server 10.0.0.1 80 {\n  lb_kind DR\n  real_server 10.0.0.2 {\n  }\n}\n" },
    { name: "real server's own lvs_method NAT", code: vs("DR", "8080", "    lvs_method NAT\n") },
    { name: "fwmark with NAT may keep a port", code: "virtual_server fwmark 1 {\n  lb_kind NAT\n  real_server 10.0.0.2 8080 {\n  }\n}\n" },
    { name: "fwmark without a real-server port", code: "virtual_server fwmark 1 {\n  lb_kind DR\n  real_server 10.0.0.2 {\n  }\n}\n" },
  ],
  invalid: [
    {
      name: "DR with another port",
      code: vs("DR", "8080"),
      errors: [{ line: 3, column: 24, endColumn: 28, message: "real_server 10.0.0.2 port 8080 differs from the port 80 of virtual_server 10.0.0.1 80, but DR forwarding cannot change ports: keepalived uses 80" }],
      output: vs("DR", "80"),
    },
    {
      name: "fwmark with DR: the port is cleared",
      code: "virtual_server fwmark 1 {\n  lb_kind DR\n  real_server 10.0.0.2 8080 {\n  }\n}\n",
      errors: [{ line: 3, column: 24, endColumn: 28, message: "real_server 10.0.0.2 port 8080 of virtual_server fwmark 1 is ignored" }],
      output: "virtual_server fwmark 1 {\n  lb_kind DR\n  real_server 10.0.0.2 {\n  }\n}\n",
    },
    { name: "TUN", code: vs("TUN", "81"), errors: [{ line: 3, message: "TUN forwarding" }], output: vs("TUN", "80") },
  ],
});
