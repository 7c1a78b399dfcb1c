import { describe, expect, test } from "vitest";
import { classifyKind, isHostDependent, type OracleKind } from "./classify.js";

describe("classifyKind", () => {
  const cases: Array<[string, OracleKind]> = [
    ["Unknown keyword 'virtual_router_idd'", "unknown-keyword"],
    ["Unknown keyword '}'", "unknown-keyword"],
    ["Unexpected '{' - ignoring", "unexpected-brace"],
    ["Missing '{' at beginning of configuration block", "missing-brace"],
    ["Extra '}' found", "extra-brace"],
    ["There are 2 missing '}'s or extra '{'s", "missing-close-brace"],
    ["Unterminated quote 'router_id \"abc'", "quote"],
    ["Unmatched quote: 'router_id \"abc'", "quote"],
    ["String '\"/bin/true': missing terminating \"", "quote"],
    [
      "*** Configuration line starting `priority` is missing a parameter after keyword `priority` at word position 2",
      "missing-argument",
    ],
    ["Block track_interface has extra parameters eth0 ...", "extra-parameters"],
    ["Config files missing 'nothere.conf'.", "include"],
    ["No config files matched 'x/*.conf'.", "include"],
    ["Configuration file 'd1/' is a directory - skipping", "include"],
    ["Configuration file 'a.sh' is not a regular non-executable file - skipping", "include"],
    ["number '300' outside range [1, 255]", "value"],
    ["invalid number 'abc'", "value"],
    ["negative number '-5'", "value"],
    ["number '1.1234567' has too many decimal places", "value"],
    ["number '0.005' outside range [0.010000, 255.000000]", "value"],
    ["(VI_1) Priority not valid! must be between 1 & 255. Using default 100", "value"],
    ["Invalid value '1' for global smtp_alert specified", "value"],
    ["(T) unknown state 'master', defaulting to BACKUP", "value"],
    ["(T) unknown authentication type 'PASSWORD'", "value"],
    ["Truncating auth_pass to 8 characters", "value"],
    ["Unknown configuration entry 'foo' for ip address - ignoring", "value"],
    // keepalived's entry-line parsers and the real-time priority check, worded like missing settings
    ["Rule has no preference specified - setting to 16384. This is probably not what you want.", "value"],
    ["No action specified for rule - ignoring", "value"],
    ["Route cannot be tracked if protocol is not RTPROT_KEEPALIVED(18), resetting protocol", "value"],
    ["Warning - cannot track route 10.4.0.0/16 with no interface specified, not tracking", "value"],
    ["Cannot specify address prefix when specifying peer address - ignoring", "value"],
    ["Cannot specify scope for IPv6 addresses (fe80::1/64) - ignoring scope", "value"],
    ["checker process real-time priority 130 greater than maximum 99 - setting to maximum", "value"],
    // missing settings and references are not about a value
    ["(VI_1) the virtual router id must be set", "other"],
    ["(VI_1) Unknown interface!", "other"],
    ["(A) track script chk not found, ignoring...", "other"],
    ["No script set for vrrp_script chk - removing", "other"],
    ["Virtual server 10.0.0.1 80: no protocol set - defaulting to UDP", "other"],
    ["Virtual server [10.0.0.1]:tcp:80 has no real servers - ignoring", "other"],
    ["Invalid ~SEQ definition 'x'", "other"],
    ["Sync group G has only 1 virtual router(s) - this probably isn't what you want", "other"],
  ];
  test.each(cases)("%s -> %s", (text, kind) => {
    expect(classifyKind(text)).toBe(kind);
  });
});

describe("isHostDependent", () => {
  const ctx = { root: "/cfg", hostname: "node-alpha" };
  const host = [
    "WARNING - interface eth9 for vrrp_instance VI_1 doesn't exist",
    "Non-existent interface specified in configuration",
    "(VI_1) tracked interface eth9 doesn't exist",
    "unknown interface eth9 specified for linkbeat interface",
    "SECURITY VIOLATION - scripts are being executed but script_security not enabled.",
    "Disabling track script chk since not found/accessible",
    "Unable to set default user keepalived_script for script",
    "Unable to set uid/gid for script /bin/true",
    "(VI_1) kernel doesn't support ipvlan type l2",
    "IPVS with IPv6 is not supported by this build",
    "Routing table web not found for route",
    "track file directory for /nonexistent/x does not exist - removing",
    "Invalid value 'x' for router node-alpha",
    "Invalid smtp server smtp.domain.com 25",
  ];
  test.each(host)("host-dependent: %s", (text) => {
    expect(isHostDependent(text, "/cfg/k.conf", ctx)).toBe(true);
  });

  const portable = [
    "Unknown keyword 'foo'",
    "number '300' outside range [1, 255]",
    "(VI_1) Unknown interface!",
    "Invalid value '1' for global vrrp_netlink_monitor_rcv_bufs_force specified",
    "net_namespace name missing - ignoring",
    "Config files missing 'nothere.conf'.",
    "Virtual router VI_9 specified in sync group G doesn't exist - ignoring",
    "Invalid value 'x' for router node-alphabet",
    "Invalid smtp server 10.0.0.300 25",
    "Invalid smtp server fe80::1::2 25",
  ];
  test.each(portable)("portable: %s", (text) => {
    expect(isHostDependent(text, "/cfg/sub/k.conf", ctx)).toBe(false);
  });

  test("anything read from outside the configuration tree depends on the host", () => {
    expect(isHostDependent("Unknown keyword 'foo'", "/etc/keepalived/conf.d/a.conf", ctx)).toBe(true);
    expect(isHostDependent("Config files missing '/etc/keepalived/x.conf'.", "/cfg/k.conf", ctx)).toBe(true);
    expect(isHostDependent("Config files missing '/cfg/sub/x.conf'.", "/cfg/k.conf", ctx)).toBe(false);
  });

  test("short host names are not matched inside ordinary words", () => {
    expect(isHostDependent("Invalid vm option", "/cfg/k.conf", { root: "/cfg", hostname: "vm" })).toBe(false);
  });
});
