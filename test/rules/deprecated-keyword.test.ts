import rule from "../../rules/schema/deprecated-keyword.js";
import { ruleTester } from "./tester.js";

const http = (kw: string) => `virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      ${kw} 3\n    }\n  }\n}\n`;

ruleTester(rule, {
  valid: [http("retry"), "track_file f {\n  file /tmp/f\n}\n"],
  invalid: [
    { name: "nb_get_retry → retry", code: http("nb_get_retry"), errors: [{ line: 4, column: 7, severity: "warning", message: '"nb_get_retry" is deprecated' }], output: http("retry") },
    { name: "vrrp_track_file → track_file", code: "vrrp_track_file f {\n  file /tmp/f\n}\n", errors: [{ line: 1, message: 'use "track_file" instead' }], output: "track_file f {\n  file /tmp/f\n}\n" },
    {
      name: "no rename when the block already sets the new name",
      code: "virtual_server 10.0.0.1 80 {\n  lvs_sched rr\n  lb_algo wrr\n}\n",
      errors: [{ line: 3, message: '"lb_algo" is deprecated' }],
    },
    {
      name: "alias renamed under the newest target",
      code: "vrrp_instance V {\n  thread_timer_expired\n}\n",
      errors: [{ line: 2 }],
      output: "vrrp_instance V {\n  timer_expired_backup\n}\n",
    },
    {
      name: "renamed under 2.2.7 too, which knows the new name",
      code: "global_defs {\n  vrrp_rlimit_rtime 1000\n}\n",
      options: { targetVersion: "2.2.7" },
      errors: [{ line: 2, message: '"vrrp_rlimit_rtime" is deprecated' }],
      output: "global_defs {\n  vrrp_rlimit_rttime 1000\n}\n",
    },
  ],
});
