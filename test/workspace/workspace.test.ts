// The workspace: settings resolution, cluster nodes and their names, through
// its public API over files in memory (no Node APIs below the front ends).
import { expect, test } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { ConfigError } from "../../src/engine/config.js";
import { analyze } from "../../src/service/analyze.js";
import { derivedConfigId, nodeFromArgument } from "../../src/workspace/cluster.js";
import { Workspace } from "../../src/workspace/workspace.js";
import { node } from "../cluster/helpers.js";

const HOST_NOPREEMPT = node({ priority: 100, weight: -20, extra: "  @lb7 nopreempt" });

test("the host name is the default config id; the settings file and overrides win over it", () => {
  const fs = memoryFiles({ "/p/a/k.conf": "", "/p/.keepalived-lint.json": JSON.stringify({ configId: "file-id", targetVersion: "2.2.7" }), "/q/k.conf": "" });
  expect(new Workspace(fs, { hostName: "lb7" }).settingsFor("/q/k.conf").lint).toMatchObject({ configId: "lb7", targetVersion: "2.4.3" });
  expect(new Workspace(fs, { hostName: "lb7" }).settingsFor("/p/a/k.conf").lint).toMatchObject({ configId: "file-id", targetVersion: "2.2.7" });
  const over = new Workspace(fs, { hostName: "lb7", overrides: { configId: "flag", targetVersion: "newest" } });
  expect(over.settingsFor("/p/a/k.conf").lint).toMatchObject({ configId: "flag", targetVersion: "newest" });
  expect(new Workspace(fs, { hostName: "lb7", configFile: false }).settingsFor("/p/a/k.conf").lint.configId).toBe("lb7");
});

test("the editor reads @<host> lines like the command line (the host name handed in by the front end)", () => {
  const fs = memoryFiles({ "/k/keepalived.conf": HOST_NOPREEMPT });
  const ids = (hostName?: string) => analyze(fs, "/k/keepalived.conf", { hostName }).result.diagnostics.map((d) => d.ruleId);
  expect(ids("lb7")).toContain("nopreempt-weighted-tracking");
  expect(ids("lb8")).not.toContain("nopreempt-weighted-tracking");
  expect(new Workspace(fs, { hostName: "lb7" }).lint("/k/keepalived.conf").diagnostics.map((d) => d.ruleId)).toContain("nopreempt-weighted-tracking");
});

test("a broken settings file is a ConfigError for the workspace and a finding for the editor", () => {
  const fs = memoryFiles({ "/k/keepalived.conf": "", "/k/.keepalived-lint.json": "{ nope" });
  expect(() => new Workspace(fs).settingsFor("/k/keepalived.conf")).toThrow(ConfigError);
  expect(analyze(fs, "/k/keepalived.conf").result.diagnostics.map((d) => d.ruleId)).toEqual(["config-error"]);
});

test("ignore patterns are relative to the settings file", () => {
  const fs = memoryFiles({ "/p/.keepalived-lint.json": JSON.stringify({ ignore: ["old/**"] }), "/p/old/a.conf": "", "/p/new/a.conf": "" });
  const ws = new Workspace(fs);
  expect(ws.ignoredBy("/p/old/a.conf")).toBe("old/**");
  expect(ws.ignoredBy("/p/new/a.conf")).toBeUndefined();
});

test("a node's config id: ID=FILE, else the directory of keepalived.conf, else the base name", () => {
  const fs = memoryFiles({ "/c/lb1/keepalived.conf": "", "/c/odd=name.conf": "" });
  expect(derivedConfigId("/c/lb1/keepalived.conf")).toBe("lb1");
  expect(derivedConfigId("/c/lb2.conf")).toBe("lb2");
  expect(nodeFromArgument(fs, "x=lb1/keepalived.conf", "/c")).toEqual({ file: "lb1/keepalived.conf", path: "/c/lb1/keepalived.conf", configId: "x", idGiven: true });
  // A file whose name has "=" is taken as it is.
  expect(nodeFromArgument(fs, "odd=name.conf", "/c")).toMatchObject({ path: "/c/odd=name.conf", idGiven: false, configId: "odd=name" });
});

test("the cluster list of the settings: nodes with their ids, named by the shortest distinguishing path", () => {
  const shared = node({ weight: -20, extra: "  @lb1 priority 100\n  @lb2 priority 90" });
  const fs = memoryFiles({
    "/c/.keepalived-lint.json": JSON.stringify({ cluster: ["dc/lb1/keepalived.conf", { file: "dc/lb2/keepalived.conf" }], rules: { "script-security-disabled": "off" } }),
    "/c/dc/lb1/keepalived.conf": shared,
    "/c/dc/lb2/keepalived.conf": shared,
  });
  const ws = new Workspace(fs, { hostName: "elsewhere" });
  const nodes = ws.clusterNodes([], "/c");
  expect(nodes.map((n) => [n.path, n.configId])).toEqual([["/c/dc/lb1/keepalived.conf", "lb1"], ["/c/dc/lb2/keepalived.conf", "lb2"]]);
  const run = ws.cluster(nodes);
  expect(run.nodes.map((n) => n.file)).toEqual(["lb1/keepalived.conf", "lb2/keepalived.conf"]);
  expect(run.groups[0].members.map((m) => m.instance.priority)).toEqual([100, 90]);
  expect(run.report.map((d) => d.ruleId)).not.toContain("equal-priorities");
  expect(run.report.map((d) => d.ruleId)).not.toContain("script-security-disabled");
});

test("the editor's cluster findings use each node's own config id", () => {
  const shared = node({ weight: -20, extra: "  @lb1 priority 100\n  @lb2 priority 90" });
  const fs = memoryFiles({
    "/c/.keepalived-lint.json": JSON.stringify({ cluster: ["lb1/keepalived.conf", "lb2/keepalived.conf"] }),
    "/c/lb1/keepalived.conf": shared,
    "/c/lb2/keepalived.conf": shared,
  });
  expect(analyze(fs, "/c/lb1/keepalived.conf", { hostName: "lb1" }).result.diagnostics.map((d) => d.ruleId)).not.toContain("equal-priorities");
});
