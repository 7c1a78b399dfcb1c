// `keepalived-lint cluster` is a full citizen: per-node config ids, settings and
// suppressions, every output format through lint's reporters, -o and
// --max-warnings, and the nodes' own findings in the same report.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { runCli, tempTree } from "../cli/helpers.js";
import { node } from "./helpers.js";

/** One text for every node: each picks its priority with its own @id line. */
const shared = node({ weight: -20, extra: "  @lb1 priority 100\n  @lb2 priority 90" });
const ruleIds = (stdout: string): string[] =>
  (JSON.parse(stdout).results as { messages: { ruleId: string }[] }[]).flatMap((r) => r.messages.map((m) => m.ruleId));

describe("per-node config ids", () => {
  const dir = tempTree({ "lb1/keepalived.conf": shared, "lb2/keepalived.conf": shared });

  test("lb1/keepalived.conf and lb2/keepalived.conf read their @lb1/@lb2 lines", () => {
    const r = runCli(["cluster", "-f", "json", "lb1/keepalived.conf", "lb2/keepalived.conf"], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.nodes).toEqual([
      { name: "lb1/keepalived.conf", file: "lb1/keepalived.conf", configId: "lb1" },
      { name: "lb2/keepalived.conf", file: "lb2/keepalived.conf", configId: "lb2" },
    ]);
    expect(out.groups[0].members.map((m: { priority: number }) => m.priority)).toEqual([100, 90]);
    expect(ruleIds(r.stdout)).not.toContain("equal-priorities");
    expect(r.code).toBe(0);
  });

  test("ID=FILE names the id; the node is then called by it", () => {
    const r = runCli(["cluster", "-f", "json", "lb2=lb1/keepalived.conf", "lb1=lb2/keepalived.conf"], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.nodes.map((n: { name: string }) => n.name)).toEqual(["lb2", "lb1"]);
    expect(out.groups[0].members.map((m: { file: string; priority: number }) => [m.file, m.priority])).toEqual([["lb2", 90], ["lb1", 100]]);
  });

  test("the settings file's cluster list takes {file, configId} objects and plain paths", () => {
    const d = tempTree({
      "a/node.conf": shared,
      "lb2/keepalived.conf": shared,
      ".keepalived-lint.json": JSON.stringify({ cluster: [{ file: "a/node.conf", configId: "lb1" }, "lb2/keepalived.conf"] }),
    });
    const r = runCli(["cluster", "-f", "json"], { cwd: d });
    expect(JSON.parse(r.stdout).nodes.map((n: { configId: string }) => n.configId)).toEqual(["lb1", "lb2"]);
    expect(JSON.parse(r.stdout).groups[0].members.map((m: { priority: number }) => m.priority)).toEqual([100, 90]);
  });
});

describe("settings, suppressions and --max-warnings", () => {
  const equal = node({ priority: 100, weight: 0 });
  test("equal-priorities is a warning: exit 0, or 1 over --max-warnings", () => {
    const dir = tempTree({ "a.conf": equal, "b.conf": equal });
    const r = runCli(["cluster", "-f", "compact", "a.conf", "b.conf"], { cwd: dir });
    expect(r.stdout).toMatch(/^b\.conf:\d+:\d+: warning: .*\[equal-priorities\]$/m);
    expect(r.code).toBe(0);
    expect(runCli(["cluster", "--max-warnings", "0", "a.conf", "b.conf"], { cwd: dir }).code).toBe(1);
  });
  test('"equal-priorities": "off" in .keepalived-lint.json and --rule turn it off', () => {
    const dir = tempTree({ "a.conf": equal, "b.conf": equal, ".keepalived-lint.json": JSON.stringify({ rules: { "equal-priorities": "off" }, cluster: ["a.conf", "b.conf"] }) });
    expect(ruleIds(runCli(["cluster", "-f", "json"], { cwd: dir }).stdout)).not.toContain("equal-priorities");
    const plain = tempTree({ "a.conf": equal, "b.conf": equal });
    expect(ruleIds(runCli(["cluster", "-f", "json", "--rule", "equal-priorities:off", "a.conf", "b.conf"], { cwd: plain }).stdout)).not.toContain("equal-priorities");
  });
  test("a suppression comment silences a cluster finding", () => {
    const quiet = equal.replace("  priority 100", "  # keepalived-lint disable-next-line equal-priorities -- tie wanted\n  priority 100");
    const dir = tempTree({ "a.conf": equal, "b.conf": quiet });
    expect(ruleIds(runCli(["cluster", "-f", "json", "a.conf", "b.conf"], { cwd: dir }).stdout)).not.toContain("equal-priorities");
    // A node linted alone cannot tell whether a cluster rule's directive is used: it does not call it unused.
    const ids = ruleIds(runCli(["cluster", "-f", "json", "--report-unused-disable-directives", "a.conf", "b.conf"], { cwd: dir }).stdout);
    expect(ids).not.toContain("unused-disable-directive");
    expect(ids).not.toContain("equal-priorities");
  });
  test("the target version comes from the settings file", () => {
    // timer_expired_backup is new in 2.2.8: keepalived 2.2.7 does not know it.
    const newer = node({ priority: 100, extra: "  timer_expired_backup 5" });
    const files = { "a.conf": newer, "b.conf": newer.replace("priority 100", "priority 90") };
    const findingsOn = (targetVersion: string) => {
      const dir = tempTree({ ...files, ".keepalived-lint.json": JSON.stringify({ targetVersion, cluster: ["a.conf", "b.conf"] }) });
      return ruleIds(runCli(["cluster", "-f", "json"], { cwd: dir }).stdout);
    };
    const newest = findingsOn("newest");
    const old = findingsOn("2.2.7");
    // One finding per node on the line 2.2.7 does not know.
    expect(old.length).toBe(newest.length + 2);
  });
});

describe("one report: node findings, formats, -o", () => {
  const dir = tempTree({
    // nopreempt under state MASTER is a node finding; the weighted check under nopreempt a cluster finding.
    "a.conf": node({ priority: 100, nopreempt: true, state: "MASTER", weight: -20 }),
    "b.conf": node({ priority: 90, nopreempt: true, weight: -20 }),
  });

  test("the nodes' own findings are the ones lint reports, sorted by file and line; --no-node-findings leaves them out", () => {
    const lint = runCli(["-f", "json", "a.conf", "b.conf"], { cwd: dir });
    const nodeFindings = (JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[])
      .flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.ruleId}`));
    expect(nodeFindings.length).toBeGreaterThan(0);
    // One truth: b's single-file nopreempt-weighted-tracking gives way to the cluster verdict on the same line.
    const superseded = nodeFindings.filter((f) => f.endsWith(":nopreempt-weighted-tracking"));
    expect(superseded).toHaveLength(1);
    const r = runCli(["cluster", "-f", "json", "a.conf", "b.conf"], { cwd: dir });
    const results = JSON.parse(r.stdout).results as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    const all = results.flatMap((x) => x.messages.map((m) => `${x.filePath}:${m.line}:${m.ruleId}`));
    expect(all).toEqual(expect.arrayContaining(nodeFindings.filter((f) => !superseded.includes(f))));
    expect(all).not.toContain(superseded[0]);
    expect(all.length).toBeGreaterThan(nodeFindings.length);
    expect(results.map((x) => x.filePath)).toEqual([...results.map((x) => x.filePath)].sort());
    for (const x of results) expect(x.messages.map((m) => m.line)).toEqual([...x.messages.map((m) => m.line)].sort((p, q) => p - q));
    const only = runCli(["cluster", "-f", "json", "--no-node-findings", "a.conf", "b.conf"], { cwd: dir });
    const onlyIds = (JSON.parse(only.stdout).results as { messages: { ruleId: string }[] }[]).flatMap((x) => x.messages.map((m) => m.ruleId));
    expect(onlyIds.length).toBeGreaterThan(0);
    expect(onlyIds).not.toContain("nopreempt-state-master");
    expect(all.some((x) => x.endsWith(":nopreempt-state-master"))).toBe(true);
  });

  test.each([
    ["stylish", (t: string) => /a\.conf/.test(t) && /nopreempt-state-master/.test(t) && /VRID 51/.test(t)],
    ["compact", (t: string) => /^a\.conf:\d+:\d+: error: .*\[nopreempt-state-master\]$/m.test(t)],
    ["json", (t: string) => Array.isArray(JSON.parse(t).results) && Array.isArray(JSON.parse(t).groups)],
    ["sarif", (t: string) => JSON.parse(t).runs[0].results.some((r: { ruleId: string }) => r.ruleId === "nopreempt-state-master")],
    ["github", (t: string) => /^::error file=a\.conf,line=\d+/m.test(t)],
  ])("-f %s -o FILE writes the report to the file, exit 1 for errors", (format, check) => {
    const out = join(dir, `report.${format}`);
    const r = runCli(["cluster", "-f", format, "-o", out, "a.conf", "b.conf"], { cwd: dir });
    expect(r.stdout).toBe("");
    expect(r.code).toBe(1);
    expect(check(readFileSync(out, "utf8"))).toBe(true);
  });

  test("an unknown format is a usage error", () => {
    expect(runCli(["cluster", "-f", "xml", "a.conf", "b.conf"], { cwd: dir }).code).toBe(2);
  });
});
