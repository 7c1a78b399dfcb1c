// Broad differential test: every one-word scalar keyword keepalived 2.2.7 knows
// (in the blocks below) is written with typical good and bad values, each in a
// block of its own, and `keepalived -t` must complain about exactly the lines
// checkValue(…, "2.2.7") reports as errors. Skips without the keepalived binary.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { allKeywords, checkValue, type KeywordSpec } from "../../../grammar/schema/index.js";
import { KEEPALIVED_BIN, keepalivedAvailable } from "../../oracle/keepalived.js";
import { WRAP } from "../../oracle/probe-blocks.js";

const available = keepalivedAvailable();
if (!available) console.warn("oracle probe test skipped: no keepalived binary");

const PROBES: Record<string, string[]> = {
  uint: ["abc", "-1", "0", "1", "4294967296", "1.5", "0x10", "100"],
  int: ["abc", "-1", "0", "1", "-300", "300", "2147483648", "2"],
  decimal: ["abc", "-1", "0", "0.5", "1", "1.1234567", "1e3", "100000", "2"],
  timer: ["abc", "-1", "0", "0.5", "1", "1.1234567", "1e3", "100000"],
  bool: ["on", "1", "TRUE", "maybe", "no"],
  ip: ["10.0.0.1", "fe80::1", "10.0.0.300", "224.0.0.20", "ff02::20"],
};

// Settings whose effect reaches other lines (family, version, the instance's interface):
// they would make keepalived report other lines, not the probed one.
const SKIP = new Set(["vrrp_version", "version", "native_ipv6", "interface", "neighbor_ip", "neighbour_ip", "source_ip", "ip_family"]);

// keepalived messages at a probed line that are not about its value: deprecations,
// address-family clashes with the checker's default address, ordering.
const NOT_ABOUT_VALUE = /is deprecated|does not match address family|used without sorry_server/;

function probesOf(spec: KeywordSpec): string[] {
  if (spec.type !== "enum") return PROBES[spec.type] ?? [];
  const values = spec.values ?? /^\[?([\w.-]+(?:\|[\w.-]+)*)/.exec(spec.args)?.[1]?.split("|") ?? [];
  if (values.length === 0) return [];
  const first = values[0]!;
  return [...values, first.toLowerCase() === first ? first.toUpperCase() : first.toLowerCase(), "bogus"];
}

describe.skipIf(!available)("every scalar keyword: keepalived 2.2.7 and checkValue agree", () => {
  it("on typical good and bad values", () => {
    const lines: string[] = [];
    const cases = new Map<number, { label: string; ours: string[] }>();
    let n = 0;
    for (const spec of allKeywords()) {
      if (!spec.inV227 || !WRAP[spec.context] || spec.kind !== "scalar" || spec.quoted || SKIP.has(spec.name)) continue;
      for (const value of probesOf(spec)) {
        n++;
        const fill = (l: string) =>
          l.replaceAll("{n}", String(n)).replaceAll("{vrid}", String((n % 250) + 1)).replaceAll("{a}", String(Math.floor(n / 250) + 1)).replaceAll("{b}", String(n % 250));
        const [before, after] = WRAP[spec.context]!;
        lines.push(...before.map(fill), `  ${spec.name} ${value}`);
        const ours = checkValue(spec, [{ text: value }], "2.2.7").filter((p) => p.severity === "error");
        cases.set(lines.length, { label: `${spec.context}|${spec.name} ${value}`, ours: ours.map((p) => p.message) });
        lines.push(...after.map(fill));
      }
    }
    expect(cases.size).toBeGreaterThan(1000);

    const dir = mkdtempSync(join(tmpdir(), "schema-probe-"));
    try {
      const file = join(dir, "keepalived.conf");
      writeFileSync(file, lines.join("\n") + "\n");
      const run = spawnSync(KEEPALIVED_BIN, ["-t", "-l", "-n", "-f", file, "-p", join(dir, "a.pid"), "-r", join(dir, "b.pid"), "-c", join(dir, "c.pid"), "-b", join(dir, "d.pid")], {
        encoding: "utf8",
        timeout: 30_000,
        env: { PATH: process.env.PATH ?? "/usr/sbin:/usr/bin", LANG: "C", LC_ALL: "C" },
      });
      const flagged = new Map<number, string[]>();
      // Lines keepalived stopped at for another reason say nothing about the value.
      const undecided = new Set<number>();
      for (const m of `${run.stdout}\n${run.stderr}`.matchAll(/^\((?:[^)]*: )?Line (\d+)\) (.*)$/gm)) {
        const line = Number(m[1]);
        if (NOT_ABOUT_VALUE.test(m[2]!)) {
          undecided.add(line);
          continue;
        }
        flagged.set(line, [...(flagged.get(line) ?? []), m[2]!]);
      }
      const disagreements: string[] = [];
      for (const [line, c] of cases) {
        if (undecided.has(line)) continue;
        const theirs = flagged.get(line) ?? [];
        // 2.2.7 read vrrp_strict and vrrp_skip_check_adv_addr as flags: "off" silently turns them on. We say so; keepalived does not.
        const ours = c.ours.filter((m) => !m.startsWith("keepalived 2.2.7 ignores the value"));
        if (theirs.length > 0 && ours.length === 0) disagreements.push(`keepalived only: ${c.label} :: ${theirs[0]}`);
        if (theirs.length === 0 && ours.length > 0) disagreements.push(`schema only: ${c.label} :: ${ours[0]}`);
      }
      expect(disagreements).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
