// Differential test: for each value below, keepalived 2.2.7 (`keepalived -t`)
// and the schema's checkers must agree on whether the line is wrong. Each case
// sits on its own line, so keepalived's located messages can be matched to it.
// Skips when the keepalived binary is absent.
import { afterAll, describe, expect, it } from "vitest";
import { checkValue, lookupKeyword, parseEntryLine } from "../../../grammar/schema/index.js";
import { keepalivedAvailable, runKeepalived } from "../../oracle/keepalived.js";
import { removeTrees, writeTree } from "../../oracle/tempdir.js";
import { verdictDisagreements, type ExpectedLine } from "./oracle-verdicts.js";

const available = keepalivedAvailable();
if (!available) console.warn("oracle value tests skipped: no keepalived binary");

/** [words of the line, is it wrong?] — the expectation is hand-written, and both sides must match it. */
type Case = [string[], boolean];

const VRRP: Case[] = [
  [["priority", "100"], false],
  [["priority", "300"], true],
  [["priority", "0x10"], true],
  [["priority", "-5"], true],
  [["priority", " 50"], false],
  [["priority", "+50"], false],
  [["priority", "10abc"], true],
  [["virtual_router_id", "0"], true],
  [["advert_int", "0.005"], true],
  [["advert_int", "1.1234567"], true],
  [["advert_int", "1e3"], true],
  [["advert_int", "3"], false],
  [["state", "master"], true],
  [["state", "BACKUP"], false],
  [["garp_master_delay", "99999"], true],
  [["preempt_delay", "1001"], true],
  [["preempt_delay", "10"], false],
  [["mcast_src_ip", "10.0.0.300"], true],
  [["unicast_src_ip", "010.0.0.1"], true],
  [["smtp_alert", "1"], true],
  [["smtp_alert", "yes"], false],
  [["garp_extra_if", "all", "60"], false],
];
const VRRP_ENTRIES: [string, string[], boolean][] = [
  ["virtual_ipaddress", ["10.0.0.1/33"], true],
  ["virtual_ipaddress", ["10.0.0.2/24", "foo"], true],
  ["virtual_ipaddress", ["10.0.0.3/24", "brd", "10.0.0.255", "label", "eth0:v"], false],
  ["unicast_peer", ["10.0.0.9", "min_ttl", "10", "max_ttl", "5"], true],
  ["unicast_peer", ["10.0.0.8", "max_ttl", "5"], false],
  ["unicast_peer", ["bad::addr::"], true],
  ["virtual_routes", ["10.1.0.0/16", "via", "10.0.0.254", "metric", "10", "no_track"], false],
  ["virtual_routes", ["blackhole", "10.2.0.0/16", "no_track"], false],
  ["virtual_routes", ["10.4.0.0/16", "via", "10.0.0.254"], true],
  ["virtual_routes", ["default", "gw", "10.0.0.1"], true],
  ["virtual_routes", ["src", "10.0.0.1", "to", "2001:db8::/32"], true],
  ["virtual_routes", ["10.3.0.0/16", "via", "10.0.0.254", "bogus"], true],
  ["virtual_rules", ["from", "10.0.0.0/24", "table", "100", "priority", "100"], false],
  ["virtual_rules", ["from", "10.0.1.0/24", "table", "100"], true],
  ["virtual_rules", ["from", "10.0.0.0/24", "priority", "101"], true],
  ["virtual_rules", ["from", "10.0.0.0/24", "table", "100", "priority", "102", "bogus"], true],
  ["virtual_ipaddress", ["2001:db8::5/64", "scope", "link"], true],
  ["virtual_ipaddress", ["10.0.0.11/24", "dev", "lo", "dev", "lo"], true],
  ["virtual_ipaddress", ["10.0.0.12", "peer", "10.0.0.13/24"], true],
  ["virtual_ipaddress", ["10.0.0.19", "peer", "10.0.0.20"], false],
  ["virtual_ipaddress", ["10.0.0.14/24", "peer", "10.0.0.15"], true],
  ["virtual_ipaddress", ["10.0.0.16/24", "brd", "+"], false],
  ["virtual_ipaddress", ["10.0.0.17", "brd", "+"], true],
  ["virtual_ipaddress", ["10.0.0.18/24", "scope", "link", "no_track"], false],
  ["virtual_ipaddress", ["10.0.0.4/24", "preferred_lft", "never"], true],
];
const VSG: Case[] = [
  [["10.0.3.1-10", "80"], false],
  [["10.0.3.20-15", "80"], true],
  [["fwmark", "7"], false],
];
const GLOBAL: Case[] = [
  [["smtp_alert", "TRUE"], true],
  [["smtp_alert", "on"], false],
  [["vrrp_garp_interval", "0"], true],
  [["vrrp_garp_interval", "0.001"], false],
  [["vrrp_rt_priority", "120"], true],
  [["lvs_timeouts", "tcp", "7200", "udp", "300"], false],
  [["lvs_timeouts", "udp", "3000000"], true],
  [["vrrp_garp_extra_if", "0"], true],
  [["vrrp_version", "4"], true],
  [["smtp_server", "10.0.0.1", "70000"], true],
  [["smtp_server", "10.0.0.1", "25"], false],
  [["lvs_sync_daemon", "lo", "maxlen", "120000"], true],
];
const VS: Case[] = [
  [["lb_algo", "RR"], true],
  [["lb_algo", "wrr"], false],
  [["protocol", "tcp"], false],
  [["protocol", "ICMP"], true],
  [["lb_kind", "TUN", "type", "gue"], true],
  [["lb_kind", "TUN", "type", "gue", "port", "6080"], false],
  [["lb_kind", "TUN", "csum"], true],
  [["persistence_granularity", "255.255.255.0"], false],
  [["persistence_granularity", "255.255.255.300"], true],
  [["persistence_timeout", "0"], true],
];

// Lines inside other blocks: [context, words, wrong?]; each gets its own enclosing block.
const NESTED: [string, string[], boolean][] = [
  ["track_file", ["init_file", "300"], true],
  ["track_file", ["init_file", "bogus"], true],
  ["track_file", ["init_file", "5", "overwrite"], false],
  ["vrrp_script", ["interval", "1.5"], true], // 2.2.7 read whole seconds
  ["vrrp_script", ["interval", "2"], false],
  ["vrrp_script", ["weight", "300"], true],
  ["vrrp_script", ["rise", "0"], true],
  ["vrrp_script", ["weight", "-20", "reverse"], false],
  ["vrrp_script", ["weight", "10", "bogus"], true],
  ["bfd_instance", ["weight", "-20", "reverse"], false],
  ["bfd_instance", ["min_rx", "0.5"], true],
  ["bfd_instance", ["multiplier", "0"], true],
  ["bfd_instance", ["max_hops", "300"], true],
  ["bfd_instance", ["min_tx", "20"], false],
  ["virtual_server.real_server", ["weight", "-1"], true],
  ["virtual_server.real_server", ["weight", "5"], false],
  ["virtual_server.real_server.HTTP_GET", ["connect_port", "70000"], true],
  ["virtual_server.real_server.HTTP_GET", ["http_protocol", "1.2"], true],
  ["virtual_server.real_server.HTTP_GET", ["http_protocol", "1.0C"], false],
  ["virtual_server.real_server.DNS_CHECK", ["type", "aaaa"], false],
  ["virtual_server.real_server.DNS_CHECK", ["type", "AXFR"], true],
  ["virtual_server.real_server.HTTP_GET.url", ["status_code", "600"], true],
  ["virtual_server.real_server.HTTP_GET.url", ["status_code", "200-299", "404"], false],
];
const WRAP: Record<string, [string[], string[]]> = {
  vrrp_script: [["vrrp_script S{n} {", "  script /bin/true"], ["}"]],
  track_file: [["track_file F{n} {", "  file /tmp/keepalived-lint-oracle-{n}"], ["}"]],
  bfd_instance: [["bfd_instance B{n} {", "  neighbor_ip 10.0.9.{n}"], ["}"]],
  "virtual_server.real_server": [["virtual_server 10.0.4.{n} 80 {", "  real_server 10.0.2.1 80 {"], ["  }", "}"]],
  "virtual_server.real_server.HTTP_GET": [["virtual_server 10.0.5.{n} 80 {", "  real_server 10.0.2.1 80 {", "    HTTP_GET {", "      url {", "        path /", "      }"], ["    }", "  }", "}"]],
  "virtual_server.real_server.DNS_CHECK": [["virtual_server 10.0.6.{n} 80 {", "  real_server 10.0.2.1 80 {", "    DNS_CHECK {"], ["    }", "  }", "}"]],
  "virtual_server.real_server.HTTP_GET.url": [["virtual_server 10.0.7.{n} 80 {", "  real_server 10.0.2.1 80 {", "    HTTP_GET {", "      url {", "        path /"], ["      }", "    }", "  }", "}"]],
};
const ENTRIES: [string, string[], boolean][] = [
  ["vrrp_instance.track_interface", ["lo", "weight", "254"], true],
  ["vrrp_instance.track_interface", ["lo", "weight", "10", "noreverse"], true],
  ["vrrp_instance.track_interface", ["lo", "weight", "10", "reverse"], false],
  ["vrrp_instance.track_script", ["chk", "weight", "-20", "reverse"], false],
  ["vrrp_instance.track_script", ["chk", "weight", "300"], true],
  ["vrrp_instance.track_script", ["chk", "weight", "254"], true],
  ["vrrp_instance.track_script", ["chk", "reverse"], true],
  ["vrrp_instance.unicast_peer", ["10.0.0.5", "min_ttl", "300"], true],
  ["vrrp_instance.unicast_peer", ["10.0.0.6", "ttl", "3"], true],
  ["linkbeat_interfaces", ["lo", "mii"], true],
  ["linkbeat_interfaces", ["lo", "ETHTOOL"], false],
  ["interface_up_down_delays", ["lo", "300"], true],
  ["interface_up_down_delays", ["lo", "2.5", "1"], false],
];
const ENTRY_WRAP: Record<string, [string[], string[]]> = {
  "vrrp_instance.track_interface": [["vrrp_instance T_{n} {", "  virtual_router_id {vrid}", "  track_interface {"], ["  }", "}"]],
  "vrrp_instance.track_script": [["vrrp_script chk {", "  script /bin/true", "}", "vrrp_instance T_{n} {", "  virtual_router_id {vrid}", "  track_script {"], ["  }", "}"]],
  "vrrp_instance.unicast_peer": [["vrrp_instance T_{n} {", "  virtual_router_id {vrid}", "  unicast_peer {"], ["  }", "}"]],
  linkbeat_interfaces: [["linkbeat_interfaces {"], ["}"]],
  interface_up_down_delays: [["interface_up_down_delays {"], ["}"]],
};

const quote = (w: string) => (/\s/.test(w) || w === "" ? `"${w}"` : w);

describe.skipIf(!available)("values: keepalived 2.2.7 and the schema agree", () => {
  afterAll(removeTrees);

  it("reports exactly the wrong lines", () => {
    const lines: string[] = [];
    const expected = new Map<number, ExpectedLine>();
    const add = (text: string, label: string, wrong: boolean, ours: boolean) => {
      lines.push(text);
      expected.set(lines.length, { label, wrong, ours });
    };
    const ours = (context: string, words: string[]) => {
      const spec = lookupKeyword(context, words[0]!)!;
      return checkValue(spec, words.slice(1).map((text) => ({ text })), "2.2.7").some((p) => p.severity === "error");
    };

    lines.push("global_defs {");
    for (const [words, wrong] of GLOBAL) add("  " + words.map(quote).join(" "), words.join(" "), wrong, ours("global_defs", words));
    lines.push("}");
    VRRP.forEach(([words, wrong], i) => {
      lines.push(`vrrp_instance VI_${i} {`, `  virtual_router_id ${i + 1}`);
      add("  " + words.map(quote).join(" "), words.join(" "), wrong, ours("vrrp_instance", words));
      lines.push("}");
    });
    VRRP_ENTRIES.forEach(([block, words, wrong], i) => {
      lines.push(`vrrp_instance E_${i} {`, `  virtual_router_id ${100 + i}`, `  ${block} {`);
      const r = parseEntryLine(`vrrp_instance.${block}`, words.map((text) => ({ text })), "2.2.7");
      add("    " + words.join(" "), `${block}: ${words.join(" ")}`, wrong, r.errors.some((e) => e.severity === "error"));
      lines.push("  }", "}");
    });
    VS.forEach(([words, wrong], i) => {
      lines.push(`virtual_server 10.0.1.${i + 1} 80 {`);
      add("  " + words.map(quote).join(" "), words.join(" "), wrong, ours("virtual_server", words));
      lines.push("  real_server 10.0.2.1 80 {", "  }", "}");
    });

    NESTED.forEach(([context, words, wrong], i) => {
      const [before, after] = WRAP[context]!;
      lines.push(...before.map((l) => l.replaceAll("{n}", String(i + 1))));
      add("      " + words.map(quote).join(" "), `${context}: ${words.join(" ")}`, wrong, ours(context, words));
      lines.push(...after);
    });
    ENTRIES.forEach(([context, words, wrong], i) => {
      const [before, after] = ENTRY_WRAP[context]!;
      lines.push(...before.map((l) => l.replaceAll("{n}", String(i + 1)).replaceAll("{vrid}", String(200 + i))));
      const r = parseEntryLine(context, words.map((text) => ({ text })), "2.2.7");
      add("    " + words.join(" "), `${context}: ${words.join(" ")}`, wrong, r.errors.some((e) => e.severity === "error"));
      lines.push(...after);
    });
    lines.push("virtual_server_group G {");
    for (const [words, wrong] of VSG) {
      const r = parseEntryLine("virtual_server_group", words.map((text) => ({ text })));
      add("  " + words.join(" "), `virtual_server_group: ${words.join(" ")}`, wrong, r.errors.some((e) => e.severity === "error"));
    }
    lines.push("}", "virtual_server group G {", "  real_server 10.0.2.1 80 {", "  }", "}");

    const dir = writeTree({ "keepalived.conf": lines.join("\n") + "\n" });
    const result = runKeepalived(`${dir}/keepalived.conf`);
    const disagreements = verdictDisagreements(expected, result);
    expect(result.timedOut).toBe(false);
    expect(disagreements).toEqual([]);
  });
});
