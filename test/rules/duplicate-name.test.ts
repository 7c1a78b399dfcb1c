import rule from "../../rules/schema/duplicate-name.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "distinct names", code: "vrrp_instance A {\n}\nvrrp_instance B {\n}\n" },
    { name: "same name, different kinds", code: "vrrp_script x {\n  script /bin/true\n}\ntrack_file x {\n  file /tmp/x\n}\n" },
    { name: "same address and port over TCP and UDP", code: "virtual_server 10.0.0.1 53 {\n  protocol TCP\n}\nvirtual_server 10.0.0.1 53 {\n  protocol UDP\n}\n" },
    { name: "same real server in two virtual servers", code: "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n  }\n}\nvirtual_server 10.0.0.1 443 {\n  real_server 10.0.0.2 80 {\n  }\n}\n" },
  ],
  invalid: [
    {
      name: "two instances",
      code: "vrrp_instance VI_1 {\n}\nvrrp_instance VI_1 {\n}\n",
      errors: [{ line: 3, column: 15, message: 'vrrp_instance "VI_1" is already defined on line 1; keepalived reports it and ignores the second block' }],
    },
    {
      name: "vrrp_track_file and track_file share names",
      code: "track_file f {\n  file /tmp/a\n}\nvrrp_track_file f {\n  file /tmp/b\n}\n",
      errors: [{ line: 4, message: "the second is never used" }],
    },
    {
      name: "duplicated real server",
      code: "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n  }\n  real_server 10.0.0.2 80 {\n  }\n}\n",
      errors: [{ line: 4, message: "removes the second real_server" }],
    },
  ],
});

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      name: "same virtual service twice is a warning",
      code: "virtual_server 10.0.0.1 80 {\n  protocol TCP\n}\nvirtual_server 10.0.0.1 80 {\n  protocol TCP\n}\n",
      errors: [{ line: 4, column: 16, severity: "warning", message: "virtual_server 10.0.0.1 80 is already defined on line 1" }],
    },
  ],
});
