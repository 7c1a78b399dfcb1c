// `keepalived-lint cluster` as a separate process: the JSON shape (nodes named
// by their router_id, the prediction, the lint results), the table, exit codes
// and the config-file list.
import { describe, expect, test } from "vitest";
import { examples, runCli, tempTree } from "../cli/helpers.js";
import { node } from "./helpers.js";

const seed = ["node1.conf", "node2.conf", "node3.conf"];

describe("keepalived-lint cluster", () => {
  test("--format json on the three-node memcached example", () => {
    const r = runCli(["cluster", "--format", "json", ...seed], { cwd: examples });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.groups).toHaveLength(1);
    const g = out.groups[0];
    expect(g.vrid).toBe(51);
    expect(g.vips).toEqual(["10.0.0.100/24"]);
    // Every node has its own router_id: that is the shortest readable name.
    expect(out.nodes.map((n: { name: string; file: string }) => [n.name, n.file])).toEqual([
      ["memcached-node1", "node1.conf"], ["memcached-node2", "node2.conf"], ["memcached-node3", "node3.conf"],
    ]);
    expect(g.members).toEqual([
      { file: "memcached-node1", instance: "VI_MEMCACHED", priority: 100, state: "BACKUP", nopreempt: true },
      { file: "memcached-node2", instance: "VI_MEMCACHED", priority: 90, state: "BACKUP", nopreempt: true },
      // node3 says state MASTER: keepalived clears its nopreempt.
      { file: "memcached-node3", instance: "VI_MEMCACHED", priority: 80, state: "MASTER", nopreempt: false },
    ]);
    expect(g.initialMaster).toBeNull();
    expect(g.scenarios[0]).toMatchObject({
      node: "memcached-node1", track: "chk_memcached", kind: "script",
      masterBefore: "memcached-node1", masterAfter: "memcached-node1", masterAfterRecovery: "memcached-node1", vipMoves: false,
      reason: { kind: "blocked-by-nopreempt", blockers: ["memcached-node2"] },
    });
    // The results are lint's JSON (ESLint's shape): cluster findings and each node's own, except that
    // nopreempt-weighted-tracking gives way to the cluster's verdict, failover-never-with-nopreempt (one truth).
    const ids = out.results.flatMap((r: { messages: { ruleId: string }[] }) => r.messages.map((m) => m.ruleId));
    expect(new Set(ids)).toEqual(new Set(["failover-never-with-nopreempt", "nopreempt-inconsistent", "startup-order-decides-master", "nopreempt-state-master"]));
  });
  test("the stylish table names the initial master and the scenario outcomes", () => {
    const r = runCli(["cluster", ...seed], { cwd: examples });
    expect(r.stdout).toContain("initial master: decided by start-up order");
    expect(r.stdout).toMatch(/memcached-node1: script chk_memcached\s+memcached-node1\s+memcached-node1\s+memcached-node1\s+no/);
  });
  test("a sound cluster exits 0; the list can come from .keepalived-lint.json", () => {
    const dir = tempTree({
      "a.conf": node({ priority: 100, weight: -20 }),
      "b.conf": node({ priority: 90, weight: -20 }),
      ".keepalived-lint.json": JSON.stringify({ cluster: ["a.conf", "b.conf"] }),
    });
    const r = runCli(["cluster", "--format", "json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const g = JSON.parse(r.stdout).groups[0];
    expect(g.initialMaster).toBe("a.conf");
    expect(g.scenarios.find((s: { node: string }) => s.node === "a.conf")).toMatchObject({ masterAfter: "b.conf", masterAfterRecovery: "a.conf", vipMoves: true });
  });
  test("usage errors exit 2 with one line", () => {
    const r = runCli(["cluster", "only-one.conf"], { cwd: examples });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("in a repository, each node's /etc/keepalived/ includes are read from its copy in the checkout, as lint reads them", () => {
    const main = (n: number) => `global_defs {\n  router_id lb${n}\n}\ninclude /etc/keepalived/conf.d/*.conf\n`;
    const instance = (state: string, priority: number) => `vrrp_instance VI_1 {\n  state ${state}\n  interface eth0\n  virtual_router_id 51\n  priority ${priority}\n  virtual_ipaddress {\n    10.0.0.100/24\n  }\n}\n`;
    // lb1/ and lb2/ are each a host's /etc/keepalived; a .git directory marks the checkout.
    const dir = tempTree({ ".git/HEAD": "", "lb1/keepalived.conf": main(1), "lb1/conf.d/vi.conf": instance("MASTER", 150), "lb2/keepalived.conf": main(2), "lb2/conf.d/vi.conf": instance("BACKUP", 100) });
    const r = runCli(["cluster", "--format", "json", "lb1/keepalived.conf", "lb2/keepalived.conf"], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.groups.map((g: { vrid: number; members: { file: string; priority: number }[] }) => [g.vrid, g.members.map((m) => [m.file, m.priority])])).toEqual([[51, [["lb1", 150], ["lb2", 100]]]]);
    const ids = out.results.flatMap((x: { messages: { ruleId: string }[] }) => x.messages.map((m) => m.ruleId));
    expect(ids).not.toContain("include-error");
    // Said as lint says it (cluster has no --root flag).
    expect(r.stderr).toBe('keepalived-lint: reading /etc/keepalived/… from lb1/ (detected in the checkout; set "root" in .keepalived-lint.json to choose)\nkeepalived-lint: reading /etc/keepalived/… from lb2/ (detected in the checkout; set "root" in .keepalived-lint.json to choose)\n');
  });
});
