import rule from "../../rules/ha/nopreempt-weighted-tracking.js";
import { ruleTester } from "./tester.js";

const script = (weight: string) => `vrrp_script chk_memcached {\n  script "/usr/bin/pgrep memcached"\n  interval 2\n${weight}}\n`;

ruleTester(rule, {
  valid: [
    { name: "nopreempt with a weight-0 check (FAULT moves the VIP)", code: script("") + "vrrp_instance V {\n  state BACKUP\n  nopreempt\n  priority 100\n  track_script {\n    chk_memcached\n  }\n}\n" },
    { name: "weights without nopreempt are fine", code: script("  weight -20\n") + "vrrp_instance V {\n  state BACKUP\n  priority 100\n  track_script {\n    chk_memcached\n  }\n}\n" },
    { name: "state MASTER clears nopreempt (other rule)", code: script("  weight -20\n") + "vrrp_instance V {\n  state MASTER\n  nopreempt\n  priority 100\n  track_script {\n    chk_memcached\n  }\n}\n" },
    {
      name: "a weight not right after the name is an unknown option keepalived ignores (it reads word 2 only)",
      code: script("") + "vrrp_instance V {\n  nopreempt\n  track_script {\n    chk_memcached extra weight -20\n  }\n}\n",
    },
    { name: "track_file with weight 0", code: "track_file f {\n  file /tmp/f\n}\nvrrp_instance V {\n  nopreempt\n  track_file {\n    f weight 0\n  }\n}\n" },
  ],
  invalid: [
    {
      name: "weight inherited from vrrp_script (the seed story)",
      code: script("  weight -20\n") + "vrrp_instance V {\n  state BACKUP\n  nopreempt\n  priority 100\n  track_script {\n    chk_memcached\n  }\n}\n",
      errors: [{ line: 11, column: 5, message: 'track_script "chk_memcached" has weight -20 (inherited from vrrp_script "chk_memcached")' }],
      output: script("  weight 0\n") + "vrrp_instance V {\n  state BACKUP\n  nopreempt\n  priority 100\n  track_script {\n    chk_memcached\n  }\n}\n",
    },
    {
      name: "weight on the tracker line",
      code: script("") + "vrrp_instance V {\n  nopreempt\n  track_script {\n    chk_memcached weight -20\n  }\n}\n",
      errors: [{ line: 8, column: 26, endColumn: 29, message: "never starts an election" }],
      output: script("") + "vrrp_instance V {\n  nopreempt\n  track_script {\n    chk_memcached\n  }\n}\n",
    },
    {
      name: "positive interface weight",
      code: "vrrp_instance V {\n  nopreempt\n  track_interface {\n    eth1 weight 10\n  }\n}\n",
      errors: [{ line: 4, message: 'track_interface "eth1" has weight +10' }],
      output: "vrrp_instance V {\n  nopreempt\n  track_interface {\n    eth1\n  }\n}\n",
    },
    {
      name: "track_file weighs 1 by default",
      code: "track_file f {\n  file /tmp/f\n}\nvrrp_instance V {\n  nopreempt\n  track_file {\n    f\n  }\n}\n",
      errors: [{ line: 7, message: "the default for track_file" }],
      output: "track_file f {\n  file /tmp/f\n}\nvrrp_instance V {\n  nopreempt\n  track_file {\n    f weight 0\n  }\n}\n",
    },
    {
      name: "a weight written through a definition is reported but not fixed",
      noFix: true,
      code: "$W=-20\n" + script("") + "vrrp_instance V {\n  nopreempt\n  track_script {\n    chk_memcached weight $W\n  }\n}\n",
      errors: [{ line: 9 }],
    },
  ],
});
