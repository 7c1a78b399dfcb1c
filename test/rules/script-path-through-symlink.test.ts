import rule from "../../rules/security/script-path-through-symlink.js";
import { ruleTester } from "./tester.js";

const script = (path: string) => `vrrp_script chk {\n  script "${path}"\n  interval 2\n}\n`;

ruleTester(rule, {
  valid: [
    { name: "the real path", code: script("/usr/bin/pidof haproxy") },
    { name: "2.2.x resolve the path first", code: script("/bin/true"), options: { targetVersion: "2.2.8" } },
    { name: "a host without merged /usr", code: script("/bin/true"), options: { symlinkedDirs: {} } },
    { name: "a notify script is not disabled at start-up", code: "vrrp_instance V {\n  notify_master /sbin/ip\n}\n" },
    { name: "a directory merely starting like a link", code: script("/binaries/check") },
  ],
  invalid: [
    {
      name: "/bin under the newest release",
      code: script("/bin/pidof haproxy"),
      errors: [{ line: 2, column: 10, message: 'vrrp_script command "/bin/pidof" goes through /bin, a symbolic link to /usr/bin: keepalived 2.4.3 disables the script as insecure' }],
    },
    { name: "/sbin under 2.3.0", code: script("/sbin/ip link"), options: { targetVersion: "2.3.0" }, errors: [{ line: 2, message: "keepalived 2.3.0 disables" }] },
    { name: "a host's own link", code: "vrrp_script chk {\n  script /opt/checks/web.sh\n}\n", options: { symlinkedDirs: { "/opt/checks": "/srv/checks" } }, errors: [{ line: 2, message: "goes through /opt/checks, a symbolic link to /srv/checks" }] },
  ],
});
