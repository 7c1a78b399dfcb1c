// Version probes: for every keyword and value form whose acceptance differs between the
// keepalived releases built here, one small configuration, run through each built binary.
// The schema's since/until (from the source history) and grammar/schema/changes.ts must
// predict every verdict: 100% agreement. Skips the releases whose binary is missing.
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { VALUE_FORMS } from "../../grammar/schema/changes.js";
import { allKeywords, hasKeyword, inSpans, type KeywordSpec } from "../../grammar/schema/index.js";
import { runPool } from "./keepalived.js";
import { WRAP } from "./probe-blocks.js";
import { removeTrees, writeTree } from "./tempdir.js";
import { oracleBinaries } from "./versions.js";

afterAll(removeTrees);

const binaries = oracleBinaries();
const versions = binaries.map((b) => b.version);

const SSL = ["virtual_server 10.{a}.{b}.1 443 {", "  real_server 10.0.2.1 443 {", "    SSL_GET {"];
const BLOCKS: Record<string, [string[], string[]]> = {
  ...WRAP,
  "vrrp_instance.auth_hmac": [["vrrp_instance H{n} {", "  virtual_router_id {vrid}", "  auth_hmac {"], ["  }", "}"]],
  "virtual_server.real_server.SSL_GET": [[...SSL, "      url {", "        path /", "      }"], ["    }", "  }", "}"]],
  "virtual_server.real_server.SSL_GET.url": [[...SSL, "      url {", "        path /"], ["      }", "    }", "  }", "}"]],
};

/** A value the keyword's reader takes (whether it likes it does not matter: only "Unknown keyword" is compared). */
function valueOf(spec: KeywordSpec): string {
  if (spec.kind === "flag" || spec.type === "flag" || spec.type === "bool") return "";
  if (spec.values?.length) return spec.values[0]!;
  if (spec.type === "ip") return "10.0.0.1";
  if (["uint", "int", "decimal", "timer"].includes(spec.type)) return String(spec.range ? Math.max(spec.range[0], 1) : 1);
  return "x";
}

interface Probe {
  name: string;
  file: string;
  /** Line keepalived reports the keyword at when it does not know it. */
  line: number;
  accepted: (version: string) => boolean;
  /** keyword: judged by "Unknown keyword" at `line`; form: by the exit status. */
  kind: "keyword" | "form";
  needsInterface?: boolean;
}

/**
 * keepalived -t in a new user and network namespace holding one multicast-capable
 * interface, kl0 (a bridge: no module needed), for checks keepalived makes only on a
 * real interface (strict mode's unicast check). Exit status, or undefined when the
 * namespace or the bridge cannot be made here.
 */
function exitWithInterface(bin: string, file: string): number | undefined {
  const dir = path.dirname(file);
  const script = 'ip link add kl0 type bridge && ip link set kl0 up || exit 99; exec "$0" -t -f "$1" -p "$2/p" -r "$2/r" -c "$2/c" -b "$2/b"';
  const r = spawnSync("unshare", ["-rn", "sh", "-c", script, bin, file, dir], { encoding: "utf8", timeout: 10_000, env: { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", LANG: "C", LC_ALL: "C" } });
  return r.status === null || r.status === 99 || r.error ? undefined : r.status;
}

function probes(): { files: Record<string, string>; list: Omit<Probe, "file">[]; names: string[] } {
  const files: Record<string, string> = {};
  const list: Omit<Probe, "file">[] = [];
  const names: string[] = [];
  let n = 0;
  for (const spec of allKeywords()) {
    const known = versions.map((v) => hasKeyword(spec.context, spec.name, v));
    if (new Set(known).size < 2) continue;
    const wrap = spec.context === "root" ? [[], []] as [string[], string[]] : BLOCKS[spec.context];
    if (!wrap) throw new Error(`no block to probe ${spec.context}|${spec.name} in: add one to BLOCKS`);
    n++;
    const fill = (l: string) => l.replaceAll("{n}", String(n)).replaceAll("{vrid}", String(n + 1)).replaceAll("{a}", "1").replaceAll("{b}", String(n));
    const value = valueOf(spec);
    const own = spec.kind === "block" || spec.kind === "value-block" ? [`  ${spec.name}${value ? ` ${value}` : ""} {`, "  }"] : [`  ${spec.name}${value ? ` ${value}` : ""}`];
    const lines = ["global_defs {", "  dynamic_interfaces", "}", ...wrap[0].map(fill)];
    const line = lines.length + 1;
    lines.push(...own, ...wrap[1].map(fill));
    const name = `kw-${n}-${spec.context}-${spec.name}.conf`;
    files[name] = lines.join("\n") + "\n";
    names.push(name);
    list.push({ name: `${spec.context}|${spec.name}`, line, accepted: (v) => hasKeyword(spec.context, spec.name, v), kind: "keyword" });
  }
  for (const form of VALUE_FORMS) {
    const name = `form-${form.id}.conf`;
    files[name] = form.probe;
    names.push(name);
    list.push({ name: `value form ${form.id}`, line: form.probeLine, accepted: (v) => inSpans(form.accepted, v), kind: "form", needsInterface: form.needsInterface });
  }
  return { files, list, names };
}

describe.skipIf(binaries.length < 2)(`version probes against keepalived ${versions.join(", ")}`, () => {
  const { files, list, names } = probes();
  const dir = writeTree(files);
  const paths = names.map((n) => path.join(dir, n));

  test("the probes cover the keywords and value forms whose releases differ", () => {
    expect(list.filter((p) => p.kind === "keyword").length).toBeGreaterThan(versions.includes("2.2.4") && versions.includes("HEAD") ? 20 : 0);
    expect(list.filter((p) => p.kind === "form").length).toBe(VALUE_FORMS.length);
  });

  for (const { version, bin } of binaries) {
    test(`keepalived ${version}: every probe's verdict is the schema's`, async () => {
      const results = await runPool(paths, 2, { bin, timeoutMs: 10_000 });
      const wrong: string[] = [];
      results.forEach((r, i) => {
        const p = list[i]!;
        const expected = p.accepted(version);
        const exit = p.needsInterface ? exitWithInterface(bin, paths[i]!) : r.exitCode;
        if (p.needsInterface && exit === undefined) {
          console.log(`${p.name}: not checked on this host (no user namespace or bridge for kl0)`);
          return;
        }
        const actual = p.kind === "keyword"
          ? !r.messages.some((m) => m.kind === "unknown-keyword" && m.line === p.line)
          : exit === 0;
        if (r.timedOut || r.crashed) wrong.push(`${p.name}: keepalived ${r.timedOut ? "timed out" : "crashed"}`);
        else if (actual !== expected) wrong.push(`${p.name}: schema says ${expected ? "accepted" : "refused"}, keepalived ${version} ${actual ? "accepts" : "refuses"} it (exit ${r.exitCode}: ${r.messages.map((m) => m.text).join(" | ").slice(0, 200)})`);
      });
      expect(wrong).toEqual([]);
    }, 120_000);
  }
});

if (binaries.length < 2) test.skip("version probes — SKIPPED: fewer than two keepalived builds (run ../shared/keepalived-src/build.sh)", () => {});
