import rule from "../../rules/ha/nopreempt-weighted-tracking.js";
import { ruleTester } from "./tester.js";

const script = (weight: string) => `vrrp_script chk_memcached {\n  script "/usr/bin/pgrep memcached"\n  interval 2\n${weight}}\n`;
const instance = (name: string, nopreempt: boolean, track = "chk_memcached") =>
  `vrrp_instance ${name} {\n  state BACKUP\n${nopreempt ? "  nopreempt\n" : ""}  priority 100\n  track_script {\n    ${track}\n  }\n}\n`;

ruleTester(rule, {
  valid: [
    { name: "nopreempt with a weight-0 check (FAULT moves the VIP)", code: script("") + instance("V", true) },
    { name: "weights without nopreempt are fine", code: script("  weight -20\n") + instance("V", false) },
    { name: "state MASTER clears nopreempt (other rule)", code: script("  weight -20\n") + "vrrp_instance V {\n  state MASTER\n  nopreempt\n  priority 100\n  track_script {\n    chk_memcached\n  }\n}\n" },
    {
      name: "a weight not right after the name is an unknown option keepalived ignores (it reads word 2 only)",
      code: script("") + "vrrp_instance V {\n  nopreempt\n  track_script {\n    chk_memcached extra weight -20\n  }\n}\n",
    },
    { name: "track_file with weight 0", code: "track_file f {\n  file /tmp/f\n}\nvrrp_instance V {\n  nopreempt\n  track_file {\n    f weight 0\n  }\n}\n" },
  ],
  invalid: [
    {
      name: "weight inherited from vrrp_script (the seed story): the fix is on this instance's tracker line",
      code: script("  weight -20\n") + instance("V", true),
      errors: [{ line: 11, column: 5, message: 'track_script "chk_memcached" has weight -20 (inherited from vrrp_script "chk_memcached")' }],
      output: script("  weight -20\n") + instance("V", true, "chk_memcached weight 0"),
    },
    {
      name: "issue 17 case 1: a script shared with an instance without nopreempt keeps its weight there",
      code: script("  weight -20\n") + instance("A", true) + instance("B", false),
      errors: [{ line: 11, message: 'vrrp_instance "A"' }],
      output: script("  weight -20\n") + instance("A", true, "chk_memcached weight 0") + instance("B", false),
    },
    {
      name: "the message says the verdict depends on the other nodes",
      code: "vrrp_instance V {\n  nopreempt\n  priority 150\n  track_interface {\n    eth1 weight -20\n  }\n}\n",
      errors: [{ line: 5, message: "keeps the VIP unless another node that preempts outranks its lowered priority (130)" }],
      output: "vrrp_instance V {\n  nopreempt\n  priority 150\n  track_interface {\n    eth1\n  }\n}\n",
    },
    {
      name: "weight on the tracker line",
      code: script("") + "vrrp_instance V {\n  nopreempt\n  track_script {\n    chk_memcached weight -20\n  }\n}\n",
      errors: [{ line: 8, column: 26, endColumn: 29, message: "never starts an election" }],
      output: script("") + "vrrp_instance V {\n  nopreempt\n  track_script {\n    chk_memcached\n  }\n}\n",
    },
    {
      name: "a tracker weight over a non-zero script weight becomes 0 rather than disappearing",
      code: script("  weight -10\n") + "vrrp_instance V {\n  nopreempt\n  track_script {\n    chk_memcached weight -20\n  }\n}\n",
      errors: [{ line: 9 }],
      output: script("  weight -10\n") + "vrrp_instance V {\n  nopreempt\n  track_script {\n    chk_memcached weight 0\n  }\n}\n",
    },
    {
      name: "a positive weight also sets the healthy priority: only a suggestion",
      code: "vrrp_instance V {\n  nopreempt\n  track_interface {\n    eth1 weight 10\n  }\n}\n",
      errors: [{ line: 4, message: 'track_interface "eth1" has weight +10' }],
      suggestions: ["vrrp_instance V {\n  nopreempt\n  track_interface {\n    eth1\n  }\n}\n"],
    },
    {
      name: "track_file weighs 1 by default (counted while healthy by the failover model): a suggestion",
      code: "track_file f {\n  file /tmp/f\n}\nvrrp_instance V {\n  nopreempt\n  track_file {\n    f\n  }\n}\n",
      errors: [{ line: 7, message: "the default for track_file" }],
      suggestions: ["track_file f {\n  file /tmp/f\n}\nvrrp_instance V {\n  nopreempt\n  track_file {\n    f weight 0\n  }\n}\n"],
    },
    {
      name: "a weight written through a definition is reported but not fixed",
      noFix: true,
      code: "$W=-20\n" + script("") + "vrrp_instance V {\n  nopreempt\n  track_script {\n    chk_memcached weight $W\n  }\n}\n",
      errors: [{ line: 9 }],
    },
  ],
});
