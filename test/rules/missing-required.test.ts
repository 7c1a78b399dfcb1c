import rule from "../../rules/schema/missing-required.js";
import { ruleTester } from "./tester.js";

ruleTester(rule, {
  valid: [
    { name: "complete instance", code: "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n}\n" },
    { name: "unicast instance without interface (newest)", code: "vrrp_instance VI_1 {\n  virtual_router_id 51\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.2\n  }\n}\n" },
    { name: "vrrp_script with script", code: "vrrp_script chk {\n  script /bin/true\n}\n" },
    { name: "complete virtual_server (lvs_sched and lvs_method are the new names)", code: "virtual_server 10.0.0.1 80 {\n  protocol TCP\n  lvs_sched rr\n  lvs_method DR\n}\n" },
    { name: "a fwmark service needs no protocol", code: "virtual_server fwmark 1 {\n  lb_algo rr\n  lb_kind DR\n}\n" },
  ],
  invalid: [
    {
      name: "no VRID, no interface",
      code: "vrrp_instance VI_1 {\n  priority 100\n}\n",
      errors: [
        { line: 1, column: 1, message: 'vrrp_instance "VI_1" has no virtual_router_id' },
        { line: 1, message: 'vrrp_instance "VI_1" has no interface;' },
      ],
    },
    {
      name: "2.2.7 needs an interface even for unicast",
      code: "vrrp_instance VI_1 {\n  virtual_router_id 51\n  unicast_peer {\n    10.0.0.2\n  }\n}\n",
      options: { targetVersion: "2.2.7" },
      errors: [{ line: 1, message: "keepalived 2.2.7 requires it even for unicast instances" }],
    },
    { name: "vrrp_script without script", code: "vrrp_script chk {\n  interval 2\n}\n", errors: [{ line: 1, message: 'vrrp_script "chk" has no "script"' }] },
    {
      name: "virtual_server without protocol, lb_algo, lb_kind: keepalived -t exits 5 on each default",
      code: "virtual_server 10.0.0.4 80 {\n  real_server 10.0.0.5 80 {\n  }\n}\n",
      errors: [
        { line: 1, message: 'virtual_server "10.0.0.4" has no "protocol": keepalived defaults to UDP', severity: "error" },
        { line: 1, message: 'has no "lb_algo": keepalived uses wlc', severity: "warning" },
        { line: 1, message: 'has no "lb_kind": keepalived uses NAT forwarding', severity: "warning" },
      ],
    },
    { name: "track_file without file", code: "track_file tf {\n  weight 1\n}\n", errors: [{ line: 1, message: 'track_file "tf" has no "file"' }] },
  ],
});
