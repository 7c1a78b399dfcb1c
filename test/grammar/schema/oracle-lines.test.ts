// Entry lines of address, route and rule blocks on an interface that exists
// (`lo`, also inside `unshare -rn`): keepalived 2.2.7 then reads every word,
// and must report exactly the lines the schema calls wrong. With an interface
// this host lacks, alloc_ipaddress / alloc_route / alloc_rule stop at the
// interface and say nothing about the rest: the differential test counts our
// findings there as not read (test/schema-rules/compare.ts, abandonedFrom).
// Skips when the keepalived binary is absent.
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseEntryLine } from "../../../grammar/schema/index.js";
import { lint } from "../../../src/workspace/lint.js";
import { nodeFiles } from "../../../src/node/files.js";
import { keepalivedAvailable, runKeepalived } from "../../oracle/keepalived.js";
import { removeTrees, writeTree } from "../../oracle/tempdir.js";
import { verdictDisagreements, type ExpectedLine } from "./oracle-verdicts.js";
import { abandonedFrom, childSkippedLines } from "../../schema-rules/compare.js";

const available = keepalivedAvailable();
if (!available) console.warn("oracle line tests skipped: no keepalived binary");

/** [block, words of the line, is it wrong?] — hand-written from keepalived 2.2.7's source, checked against both sides. */
type Case = [string, string, boolean];

const STATIC: Case[] = [
  ["static_ipaddress", "192.168.34.0/24 brd + dev lo restore", true],
  ["static_ipaddress", "192.168.36.0/24 brd + dev lo", false],
  ["static_routes", "192.168.102.0/24 via 10.1.0.1 dev lo restore", true],
  ["static_routes", "192.168.200.0/24 dev lo table 6909 ssthresh lock 107 rtt lock 102 cwnd lock 5 hoplimit 100", false],
  ["static_routes", "192.168.201.0/24 dev lo hoplimit lock 100", true],
  ["static_rules", "from 192.168.32.0/24 to 192.168.33.0/26 table 50 oif lo restore preference 32760", true],
  ["static_rules", "from 192.168.40.0/24 table 50 oif lo preference 32761", false],
];
const VRRP: Case[] = [
  ["virtual_routes", "192.168.211.0/24 via 10.1.0.1 dev lo track", true],
  ["virtual_routes", "176.223.63.240/30 via 10.1.0.2 dev lo link src 10.1.0.3", true],
  ["virtual_routes", "192.168.212.0/24 via 10.1.0.1 dev lo", false],
  ["virtual_routes", "default6 via fe80::1 dev lo", false],
  ["virtual_routes", "192.168.213.0/24 dev lo protocol 12", true],
  ["virtual_routes", "192.168.214.0/24 dev lo protocol 12 no_track", false],
  ["virtual_routes", "192.168.215.0/24 nexthop via 10.1.0.1 dev lo weight 1 nexthop via 10.1.0.4 dev lo weight 2", true],
  ["virtual_routes", "192.168.216.0/24 dev lo rtt 1.000125s", true],
  ["virtual_routes", "192.168.217.0/24 dev lo rtt 4294967295", true],
  ["virtual_routes", "192.168.218.0/24 dev lo rtt 1.5s rttvar 100ms rto_min 200", false],
  ["virtual_routes", "192.168.219.0/24 dev lo rttvar 480001", true],
  ["virtual_rules", "from 192.168.14.0/24 to 192.168.13.0/26 table 51 dev lo track preference 100", true],
  ["virtual_rules", "from 192.168.15.0/24 table 51 dev lo preference 101", false],
  ["virtual_rules", "from 192.168.16.0/24 table 51", true],
  ["virtual_rules", "from 192.168.17.0/24 preference 102", true],
  ["virtual_ipaddress", "115.197.1.170/32 dev lo notrack", true],
  ["virtual_ipaddress", "115.197.1.171/32 dev lo no_track", false],
  ["virtual_ipaddress", "fe80::2/64 dev lo label lo:1", true],
  ["virtual_ipaddress_excluded", "fe80::f816:3eff:fe9a:79c6/64 dev lo scope link", true],
  ["virtual_ipaddress_excluded", "fe80::f816:3eff:fe9a:79c7/64 dev lo", false],
];

describe.skipIf(!available)("entry lines: keepalived 2.2.7 and the schema agree when the interface exists", () => {
  afterAll(removeTrees);

  it("reports exactly the wrong lines", () => {
    const lines = ["global_defs {", "  dynamic_interfaces", "}"];
    const expected = new Map<number, ExpectedLine>();
    const add = (context: string, text: string, wrong: boolean) => {
      lines.push("    " + text);
      const r = parseEntryLine(context, text.split(" ").map((t) => ({ text: t })), "2.2.7");
      expected.set(lines.length, { label: `${context}: ${text}`, wrong, ours: r.errors.some((e) => e.severity === "error") });
    };
    for (const [block, text, wrong] of STATIC) {
      lines.push(`${block} {`);
      add(block, text, wrong);
      lines.push("}");
    }
    VRRP.forEach(([block, text, wrong], i) => {
      lines.push(`vrrp_instance L_${i} {`, "  interface lo", `  virtual_router_id ${i + 1}`, `  ${block} {`);
      add(`vrrp_instance.${block}`, text, wrong);
      lines.push("  }", "}");
    });
    const dir = writeTree({ "keepalived.conf": lines.join("\n") + "\n" });
    const result = runKeepalived(`${dir}/keepalived.conf`);
    const disagreements = verdictDisagreements(expected, result);
    expect(result.timedOut).toBe(false);
    expect(disagreements).toEqual([]);
  });

  it("says nothing past an interface this host lacks, and abandonedFrom marks where it stopped", () => {
    const text = [
      "static_ipaddress {",
      "    192.168.34.0/24 brd + dev nosuchif0 restore",
      "}",
      "static_rules {",
      "    from 192.168.32.0/24 table 50 oif nosuchif1 restore",
      "}",
    ].join("\n");
    const dir = writeTree({ "keepalived.conf": text + "\n" });
    const result = runKeepalived(`${dir}/keepalived.conf`);
    const at = (line: number) => result.messages.filter((m) => m.line === line);
    // Only the interface message: neither "restore" nor the missing preference is looked at.
    expect(at(2).map((m) => m.text)).toEqual(["WARNING - interface nosuchif0 for ip address 192.168.34.0/24 doesn't exist"]);
    expect(at(5).map((m) => m.text)).toEqual(["WARNING - interface nosuchif1 for rule doesn't exist"]);
    expect(at(2).every((m) => m.hostDependent)).toBe(true);
    // Column of "nosuchif0" (4 blanks, the 15-character address, "brd + dev": the name is at 31..39).
    expect(abandonedFrom(at(2)[0]!)).toBe(31);
    expect(abandonedFrom(at(5)[0]!)).toBe(text.split("\n")[4]!.indexOf("nosuchif1") + 1);
  });

  it("the checker/vrrp/bfd processes skip global_defs by counting braces, also one the parent ignored", () => {
    const body = ["vrrp_instance VI_1 {", "    interface lo", "    virtual_router_id 51", "    virtual_rules {", "        from 192.168.200.0/24 table 2", "    }", "}"];
    // `foo {`: the parent ignores the '{', so line 4 closes global_defs; the children's skip ends only at EOF.
    const swallowed = ["global_defs {", "   router_id X", "foo {", "}", ...body];
    const balanced = ["global_defs {", "   router_id X", "foo {", "}", "}", ...body];
    const dir = writeTree({ "a.conf": swallowed.join("\n") + "\n", "b.conf": balanced.join("\n") + "\n" });
    const a = runKeepalived(`${dir}/a.conf`);
    const b = runKeepalived(`${dir}/b.conf`);
    // The missing preference of line 9 (a) / 10 (b) is reported only when the vrrp process read the instance.
    expect(a.messages.filter((m) => /no preference/.test(m.text))).toEqual([]);
    expect(b.messages.filter((m) => /no preference/.test(m.text)).map((m) => m.line)).toEqual([10]);
    expect(childSkippedLines(`${dir}/a.conf`, a.messages)).toEqual({ from: 5, to: 11 });
    // In b the children's skip ends one line later, on the '}' the parent calls extra: the instance is read.
    expect(childSkippedLines(`${dir}/b.conf`, b.messages)).toEqual({ from: 5, to: 5 });
  });

  it("skips a second vrrp_instance of the same name, as vrrp_handler does", () => {
    const text = [
      "vrrp_instance VI_1 {",
      "  interface lo",
      "  virtual_router_id 1",
      "  virtual_ipaddress {",
      "    10.0.0.1",
      "  }",
      "}",
      "vrrp_instance VI_1 {",
      "  interface lo",
      "  virtual_router_id 2",
      "  virtual_ipaddress {",
      "    xx.xx.xx.234",
      "  }",
      "}",
    ].join("\n");
    const dir = writeTree({ "keepalived.conf": text + "\n" });
    const file = `${dir}/keepalived.conf`;
    const result = runKeepalived(file);
    expect(result.messages.filter((m) => m.line === 12)).toEqual([]);
    expect(result.messages.some((m) => m.line === 8 && /already defined/.test(m.text))).toBe(true);
    const ours = lint(nodeFiles({ cwd: path.dirname(file) }), [file], { targetVersion: "2.2.7", configId: "lint-test" }).diagnostics;
    expect(ours.filter((d) => d.ruleId === "invalid-value")).toEqual([]);
    expect(ours.filter((d) => d.ruleId === "duplicate-name")).toHaveLength(1);
  });
});
