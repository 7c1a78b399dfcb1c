// checkValue against keepalived's own acceptance rules. Each case names the
// keepalived behaviour it pins (lib/parser.c readers, the keyword handlers,
// and `keepalived -t` output of the Debian 2.2.7 build).
import { describe, expect, it } from "vitest";
import { checkValue, lookupKeyword, type Target } from "../../../grammar/schema/index.js";

function check(context: string, keyword: string, words: string[], target: Target = "newest") {
  const spec = lookupKeyword(context, keyword);
  if (!spec) throw new Error(`no keyword ${context}|${keyword}`);
  return checkValue(spec, words.map((text) => ({ text })), target);
}
const messages = (...a: Parameters<typeof check>) => check(...a).map((p) => p.message);

describe("integers (strtol/strtoul base 10)", () => {
  it("accepts a value inside the range", () => {
    expect(check("vrrp_instance", "priority", ["100"])).toEqual([]);
    expect(check("vrrp_instance", "virtual_router_id", ["255"])).toEqual([]);
  });

  it("reports a value outside the range (keepalived: number '300' outside range [1, 255])", () => {
    expect(check("vrrp_instance", "priority", ["300"])).toEqual([
      { index: 0, message: '"priority" value "300" is outside 1..255', severity: "error" },
    ]);
    expect(messages("vrrp_instance", "virtual_router_id", ["0"])).toEqual(['"virtual_router_id" value "0" is outside 1..255']);
  });

  it("rejects hex: keepalived reads base 10 only (invalid number '0x10')", () => {
    const [p] = check("vrrp_instance", "virtual_router_id", ["0x10"]);
    expect(p?.message).toBe('"virtual_router_id" value "0x10" is not a valid number; expected 1..255');
    expect(p?.hint).toMatch(/base 10/);
  });

  it("rejects trailing garbage (invalid number '10abc')", () => {
    expect(messages("vrrp_instance", "priority", ["10abc"])).toEqual(['"priority" value "10abc" is not a valid number; expected 1..255']);
    expect(messages("vrrp_instance", "priority", ["abc"])).toEqual(['"priority" value "abc" is not a valid number; expected 1..255']);
  });

  it("says negative for a minus sign on an unsigned value (negative number '-5')", () => {
    expect(messages("vrrp_instance", "priority", ["-5"])).toEqual(['"priority" value "-5" is negative; expected 1..255']);
  });

  it("accepts leading blanks from a quoted value and a plus sign, as strtoul does", () => {
    expect(check("vrrp_instance", "priority", [" 50"])).toEqual([]);
    expect(check("vrrp_instance", "priority", ["+50"])).toEqual([]);
  });

  it("allows negative values for signed settings within their range", () => {
    expect(check("vrrp_script", "weight", ["-20"])).toEqual([]);
    expect(messages("vrrp_script", "weight", ["-300"])).toEqual(['"weight" value "-300" is outside -253..253']);
    expect(messages("global_defs", "vrrp_priority", ["20"])).toEqual(['"vrrp_priority" value "20" is outside -20..19']);
  });

  it("checks the reverse option after a weight", () => {
    expect(check("vrrp_script", "weight", ["-20", "reverse"])).toEqual([]);
    expect(messages("vrrp_script", "weight", ["-20", "backwards"])).toEqual(['"weight" option "backwards" is unknown; expected "reverse"']);
    expect(check("virtual_server.real_server.FILE_CHECK", "weight", ["5", "noreverse"])).toEqual([]);
  });

  it("uses the range written in the argument grammar when the schema has none (garp_master_delay 99999 -> outside [0, 4294])", () => {
    expect(messages("vrrp_instance", "garp_master_delay", ["99999"])).toEqual(['"garp_master_delay" value "99999" is outside 0..4294']);
  });

  it("reports out-of-range real-time priorities, which keepalived reports and clamps", () => {
    expect(messages("global_defs", "vrrp_rt_priority", ["120"])).toEqual(['"vrrp_rt_priority" value "120" is outside 1..99']);
  });

  it("reports 0 where keepalived raises it to 1 (vrrp_garp_master_repeat must be greater than 0, setting to 1)", () => {
    expect(messages("global_defs", "vrrp_garp_master_repeat", ["0"])).toEqual(['"vrrp_garp_master_repeat" value "0" cannot be 0; keepalived reports it and uses 1']);
    expect(check("global_defs", "vrrp_garp_master_repeat", ["1"])).toEqual([]);
    expect(messages("vrrp_script", "interval", ["0"])).toEqual(['"interval" value "0" cannot be 0; keepalived reports it and uses 1']);
  });

  it("regex offsets: keepalived only logs a bad number and uses 0, so it is a warning", () => {
    expect(check("virtual_server.real_server.HTTP_GET.url", "regex_min_offset", ["abc"])).toEqual([
      { index: 0, message: '"regex_min_offset" value "abc" is not a valid number; keepalived uses 0', severity: "warning" },
    ]);
  });

  it("reads optional integers only when present (timer_expired_backup alone is fine)", () => {
    expect(check("vrrp_instance", "timer_expired_backup", [])).toEqual([]);
  });
});

describe("decimals and timers (read_decimal_unsigned_long_func)", () => {
  it("accepts fractions within the range", () => {
    expect(check("vrrp_instance", "advert_int", ["0.5"])).toEqual([]);
    expect(check("vrrp_instance", "advert_int", ["1"])).toEqual([]);
  });

  it("reports a value below the range (advert_int 0.005 -> outside range [0.010000, 255.000000])", () => {
    expect(messages("vrrp_instance", "advert_int", ["0.005"])).toEqual(['"advert_int" value "0.005" is outside 0.01..255']);
    expect(messages("vrrp_instance", "preempt_delay", ["1001"])).toEqual(['"preempt_delay" value "1001" is outside 0..1000']);
  });

  it("reports more than 6 decimal places for seconds (number '1.1234567' has too many decimal places)", () => {
    const [p] = check("vrrp_instance", "advert_int", ["1.1234567"]);
    expect(p?.message).toBe('"advert_int" value "1.1234567" has more than 6 decimal places');
    expect(p?.hint).toMatch(/rounds/);
  });

  it("allows only 3 decimal places for SECS3 and millisecond values", () => {
    expect(check("vrrp_script", "interval", ["1.5"])).toEqual([]);
    expect(messages("vrrp_script", "interval", ["1.0005"])).toEqual(['"interval" value "1.0005" has more than 3 decimal places']);
    expect(messages("bfd_instance", "min_rx", ["10.0005"])).toEqual(['"min_rx" value "10.0005" has more than 3 decimal places']);
  });

  it("rejects a sign and an exponent (advert_int -1 -> negative number; 1e3 -> invalid number)", () => {
    expect(messages("vrrp_instance", "advert_int", ["-1"])).toEqual(['"advert_int" value "-1" is negative; expected 0.01..255']);
    const [p] = check("vrrp_instance", "advert_int", ["1e3"]);
    expect(p?.message).toBe('"advert_int" value "1e3" is not a valid number; expected 0.01..255');
    expect(p?.hint).toMatch(/exponent/);
  });

  it("caps timers read into 32-bit microseconds (number '100000' outside range [0.000001, 4294.967295])", () => {
    expect(messages("virtual_server", "connect_timeout", ["100000"])).toEqual(['"connect_timeout" value "100000" is outside 0.000001..4294.967295']);
    expect(check("virtual_server", "delay_loop", ["100000"])).toEqual([]);
    // garp_group intervals were capped at INT_MAX microseconds in 2.2.7.
    expect(check("garp_group", "garp_interval", ["3000"])).toEqual([]);
    expect(messages("garp_group", "garp_interval", ["3000"], "2.2.7")).toEqual(['"garp_interval" value "3000" is outside 0..2147.483647']);
  });

  it("reports a timer below its minimum", () => {
    expect(messages("global_defs", "vrrp_garp_interval", ["0"])).toEqual(['"vrrp_garp_interval" value "0" is outside 0.000001..4294.967295']);
    expect(messages("virtual_server", "delay_loop", ["0"])).toEqual(['"delay_loop" value "0" is too small; expected at least 0.000001']);
  });

  it("takes 2.2.7's reading when targeting 2.2.7 (vrrp_script interval was whole seconds)", () => {
    expect(messages("vrrp_script", "interval", ["1.5"], "2.2.7")).toEqual(['"interval" value "1.5" is not a valid number; expected 0..4294']);
    expect(check("vrrp_script", "interval", ["2"], "2.2.7")).toEqual([]);
  });
});

describe("booleans (check_true_false)", () => {
  it("accepts exactly on/off/true/false/yes/no, and no value", () => {
    for (const v of ["on", "off", "true", "false", "yes", "no"]) expect(check("global_defs", "smtp_alert", [v])).toEqual([]);
    expect(check("global_defs", "smtp_alert", [])).toEqual([]);
  });

  it("rejects 1/0 (smtp_alert 1 -> Invalid value '1')", () => {
    const [p] = check("global_defs", "smtp_alert", ["1"]);
    expect(p?.message).toBe('"smtp_alert" value "1" is not a boolean; expected on, off, true, false, yes or no');
    expect(p?.hint).toBe('keepalived does not read 1/0 as booleans: write "on"');
  });

  it("rejects upper case: the comparison is case-sensitive", () => {
    expect(check("global_defs", "smtp_alert", ["TRUE"])[0]?.hint).toBe('booleans are lower case: write "true"');
  });

  it("warns that 2.2.7 turns vrrp_strict ON even when written off (2.2.7 read it as a flag)", () => {
    const [p] = check("global_defs", "vrrp_strict", ["off"], "2.2.7");
    expect(p?.severity).toBe("error");
    expect(p?.message).toBe('keepalived 2.2.7 ignores the value of "vrrp_strict": "off" turns it on');
    expect(check("global_defs", "vrrp_strict", ["off"], "newest")).toEqual([]);
  });
});

describe("flags", () => {
  it("warns that words after a flag are ignored", () => {
    expect(check("vrrp_instance", "nopreempt", ["yes"])).toEqual([
      { index: 0, message: '"nopreempt" takes no value; keepalived ignores "yes"', severity: "warning" },
    ]);
    expect(check("vrrp_instance", "nopreempt", [])).toEqual([]);
  });
});

describe("enumerations", () => {
  it("state is MASTER or BACKUP, case-sensitive (state master -> unknown state 'master')", () => {
    expect(check("vrrp_instance", "state", ["BACKUP"])).toEqual([]);
    const [p] = check("vrrp_instance", "state", ["master"]);
    expect(p?.message).toBe('"state" value "master" is not valid; expected MASTER or BACKUP');
    expect(p?.hint).toBe('values are case-sensitive: write "MASTER"');
  });

  it("auth_type is PASS or AH (auth_type PASSWORD -> unknown authentication type)", () => {
    expect(messages("vrrp_instance.authentication", "auth_type", ["PASSWORD"])).toEqual(['"auth_type" value "PASSWORD" is not valid; expected PASS or AH']);
  });

  it("lb_algo names a known scheduler, compared with strcmp", () => {
    expect(check("virtual_server", "lb_algo", ["wrr"])).toEqual([]);
    expect(check("virtual_server", "lvs_sched", ["mh"])).toEqual([]);
    expect(check("virtual_server", "lb_algo", ["RR"])[0]?.hint).toBe('values are case-sensitive: write "rr"');
    expect(check("virtual_server", "lb_algo", ["roundrobin"])).toHaveLength(1);
  });

  it("protocol and DNS type are compared case-insensitively (strcasecmp)", () => {
    expect(check("virtual_server", "protocol", ["tcp"])).toEqual([]);
    expect(check("virtual_server.real_server.DNS_CHECK", "type", ["aaaa"])).toEqual([]);
    expect(messages("virtual_server", "protocol", ["ICMP"])).toEqual(['"protocol" value "ICMP" is not valid; expected TCP, UDP or SCTP']);
  });

  it("lb_kind NAT|DR|TUN with tunnel options (svr_forwarding_handler)", () => {
    expect(check("virtual_server", "lb_kind", ["DR"])).toEqual([]);
    expect(check("virtual_server", "lb_kind", ["TUN", "type", "gue", "port", "6080"])).toEqual([]);
    expect(messages("virtual_server", "lb_kind", ["TUN", "type", "gue"])).toEqual(['"lb_kind" gue tunnels need a port, and other tunnel types cannot have one']);
    expect(messages("virtual_server", "lb_kind", ["TUN", "type", "vxlan"])).toEqual(['"lb_kind" tunnel type "vxlan" is not valid; expected ipip, gue or gre']);
    expect(messages("virtual_server.real_server", "lvs_method", ["TUN", "csum"])).toEqual(['"lvs_method" ipip tunnels do not support "csum"']);
    expect(messages("virtual_server", "lb_kind", ["nat"])).toEqual(['"lb_kind" value "nat" is not valid; expected NAT, DR or TUN']);
  });

  it("optional single-word enums accept their word or nothing", () => {
    expect(check("global_defs", "lvs_flush_on_stop", [])).toEqual([]);
    expect(check("global_defs", "lvs_flush_on_stop", ["VS"])).toEqual([]);
    expect(messages("global_defs", "lvs_flush_on_stop", ["vs"])).toEqual(['"lvs_flush_on_stop" value "vs" is not valid; expected VS']);
  });
});

describe("addresses (inet_pton)", () => {
  it("accepts IPv4 and IPv6", () => {
    expect(check("vrrp_instance", "unicast_src_ip", ["192.168.1.1"])).toEqual([]);
    expect(check("vrrp_instance", "unicast_src_ip", ["2001:db8::1"])).toEqual([]);
    expect(check("vrrp_instance", "unicast_src_ip", ["::ffff:10.0.0.1"])).toEqual([]);
  });

  it("rejects malformed addresses", () => {
    for (const bad of ["10.0.0.300", "10.0.0", "010.0.0.1", "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "host.example"]) {
      expect(messages("vrrp_instance", "unicast_src_ip", [bad]), bad).toEqual([`"unicast_src_ip" value "${bad}" is not an IP address`]);
    }
  });

  it("hints when a prefix length was written where only an address is read", () => {
    expect(check("vrrp_instance", "mcast_src_ip", ["10.0.0.1/24"])[0]?.hint).toBe("write the address without a prefix length");
  });

  it("multicast group settings need a multicast address of their family", () => {
    expect(check("global_defs", "vrrp_mcast_group4", ["224.0.0.18"])).toEqual([]);
    expect(messages("global_defs", "vrrp_mcast_group4", ["10.0.0.1"])).toEqual(['"vrrp_mcast_group4" value "10.0.0.1" is not a multicast address']);
    expect(messages("global_defs", "vrrp_mcast_group4", ["ff02::12"])).toEqual(['"vrrp_mcast_group4" value "ff02::12" is not an IPv4 address']);
    expect(check("global_defs", "vrrp_mcast_group6", ["ff02::12"])).toEqual([]);
  });
});

describe("block names and lists", () => {
  it("virtual_server takes an address and port, fwmark N or group NAME", () => {
    expect(check("root", "virtual_server", ["10.0.0.1", "80"])).toEqual([]);
    expect(check("root", "virtual_server", ["fwmark", "5"])).toEqual([]);
    expect(check("root", "virtual_server", ["group", "web"])).toEqual([]);
    const [p] = check("root", "virtual_server", ["10.0.0.300", "80"]);
    expect(p?.message).toBe('"virtual_server" address "10.0.0.300" is not an IP address');
    expect(p?.hint).toBe("keepalived skips the whole block");
    expect(messages("virtual_server", "real_server", ["10.0.0.2", "70000"])).toEqual(['"real_server" port "70000" is outside 0..65535']);
  });

  it("status_code words are codes or ranges of 100..599", () => {
    expect(check("virtual_server.real_server.HTTP_GET.url", "status_code", ["200-299", "404"])).toEqual([]);
    expect(check("virtual_server.real_server.HTTP_GET.url", "status_code", ["600"])).toEqual([
      { index: 0, message: '"status_code" value "600" is not a status code or range; expected 100..599 or like 200-299', severity: "error" },
    ]);
  });

  it("interface names longer than 15 characters do not fit IFNAMSIZ", () => {
    expect(messages("vrrp_instance", "interface", ["averyveryverylongname"])).toEqual([
      '"interface" value "averyveryverylongname" is longer than 15 characters, the limit for interface names',
    ]);
    expect(check("vrrp_instance", "interface", ["eth0"])).toEqual([]);
  });

  it("lvs_timeouts takes tcp/tcpfin/udp seconds pairs up to 31 days (Unknown option %s specified for lvs_timeouts)", () => {
    expect(check("global_defs", "lvs_timeouts", ["tcp", "7200", "udp", "300"])).toEqual([]);
    expect(messages("global_defs", "lvs_timeouts", ["tcp", "7200", "sctp", "5"])).toEqual([
      '"lvs_timeouts" option "sctp" is unknown; expected tcp, tcpfin or udp',
      '"lvs_timeouts" option "5" is unknown; expected tcp, tcpfin or udp',
    ]);
    expect(messages("global_defs", "lvs_timeouts", ["udp", "3000000"])).toEqual(['"lvs_timeouts udp" value "3000000" is outside 0..2678400']);
  });

  it("lvs_sync_daemon checks the numbers after id, maxlen, port and ttl (Invalid lvs_sync_daemon maxlen (%s) - ignoring)", () => {
    expect(check("global_defs", "lvs_sync_daemon", ["eth0", "VI_1", "maxlen", "1500", "port", "8848", "ttl", "3", "id", "7"])).toEqual([]);
    expect(check("global_defs", "lvs_sync_daemon", ["eth0", "VI_1", "42"])).toEqual([]);
    expect(messages("global_defs", "lvs_sync_daemon", ["eth0", "VI_1", "maxlen", "120000"])).toEqual(['"lvs_sync_daemon maxlen" value "120000" is outside 1..65507']);
    expect(messages("global_defs", "lvs_sync_daemon", ["eth0", "inst", "maxlen", "ttl", "0"])).toEqual(['"lvs_sync_daemon ttl" value "0" is outside 1..255']);
    expect(messages("global_defs", "lvs_sync_daemon", ["eth0", "port"])).toEqual(['"lvs_sync_daemon" option "port" needs a value; keepalived ignores it']);
  });

  it("sorry_server takes an address and an optional port", () => {
    expect(check("virtual_server", "sorry_server", ["10.0.0.9", "80"])).toEqual([]);
    expect(messages("virtual_server", "sorry_server", ["sorry.example", "80"])).toEqual(['"sorry_server" address "sorry.example" is not an IP address']);
  });

  it("persistence_granularity is an IPv4 netmask or an IPv6 prefix length (pgr_handler)", () => {
    expect(check("virtual_server", "persistence_granularity", ["255.255.255.0"])).toEqual([]);
    expect(check("virtual_server", "persistence_granularity", ["64"])).toEqual([]);
    // An IPv4 service reads "129" as the address 0.0.0.129 (getaddrinfo), so only warn.
    expect(check("virtual_server", "persistence_granularity", ["129"])[0]?.severity).toBe("warning");
    expect(messages("virtual_server", "persistence_granularity", ["abc"])).toEqual(['"persistence_granularity" value "abc" is not a valid number; expected 1..128 or an IPv4 netmask']);
  });

  it("garp_extra_if: [all] and a delay in any order, the delay required", () => {
    expect(check("vrrp_instance", "garp_extra_if", ["all", "60"])).toEqual([]);
    expect(check("vrrp_instance", "garp_extra_if", ["60", "all"])).toEqual([]);
    expect(messages("vrrp_instance", "garp_extra_if", ["all"])).toEqual(['"garp_extra_if" needs a delay in seconds']);
    expect(messages("global_defs", "vrrp_garp_extra_if", ["0"])).toEqual(['"vrrp_garp_extra_if" delay "0" is outside 1..86400']);
  });

  it("smtp_server port is 1..65535 (Invalid smtp server 10.0.0.1 70000)", () => {
    expect(check("global_defs", "smtp_server", ["10.0.0.1", "25"])).toEqual([]);
    expect(check("global_defs", "smtp_server", ["mail.example.com"])).toEqual([]);
    expect(messages("global_defs", "smtp_server", ["10.0.0.1", "70000"])).toEqual(['"smtp_server" port "70000" is outside 1..65535']);
  });

  it("track_file init_file: a value -254..254 and/or overwrite (Unknown track file init option)", () => {
    expect(check("track_file", "init_file", ["5", "overwrite"])).toEqual([]);
    expect(check("track_file", "init_file", [])).toEqual([]);
    expect(messages("track_file", "init_file", ["300"])).toEqual(['"init_file" value "300" is outside -254..254']);
    expect(messages("vrrp_track_file", "init_file", ["bogus"])).toEqual(['"init_file" option "bogus" is unknown; expected a value -254..254 or "overwrite"']);
  });

  it("hints at an undefined $definition, which keepalived leaves as written", () => {
    expect(check("vrrp_instance", "unicast_src_ip", ["10.1.2.$US"])[0]?.hint).toMatch(/\$definition/);
  });

  it("leaves free-form arguments alone and never throws on odd input", () => {
    expect(check("vrrp_instance", "notify_master", ["/bin/true", "root"])).toEqual([]);
    expect(check("global_defs", "lvs_timeouts", ["tcp", "900"])).toEqual([]);
    expect(check("vrrp_instance", "priority", [""])).toEqual([{ index: 0, message: '"priority" value "" is outside 1..255', severity: "error" }]);
  });
});
