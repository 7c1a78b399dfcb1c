// The failover model against scenarios worked out by hand from keepalived's
// VRRP rules (these are the scenarios the real-daemon test also runs).
import { describe, expect, test } from "vitest";
import { clusterJson } from "../../src/cluster/groups.js";
import { cluster, node } from "./helpers.js";

const json = (texts: string[]) => clusterJson(cluster(texts).groups);

describe("failover model", () => {
  test("the seed: 100/90/80, all BACKUP, nopreempt, weight -20 — start order decides, a failure never moves the VIP", () => {
    const g = json([100, 90, 80].map((p) => node({ priority: p, nopreempt: true, weight: -20 }))).groups[0];
    expect(g.initialMaster).toBeNull();
    expect(g.members.map((m) => m.nopreempt)).toEqual([true, true, true]);
    const s = g.scenarios.find((x) => x.node === "n1.conf")!;
    expect(s).toMatchObject({ masterBefore: "n1.conf", masterAfter: "n1.conf", masterAfterRecovery: "n1.conf", vipMoves: false, kind: "script", track: "chk" });
    expect(s.why).toContain("nopreempt");
  });
  test("the same without nopreempt: n1 masters; its failure (100-20=80 < 90) moves the VIP to n2 and recovery brings it back", () => {
    const g = json([100, 90, 80].map((p) => node({ priority: p, weight: -20 }))).groups[0];
    expect(g.initialMaster).toBe("n1.conf");
    expect(g.scenarios.find((x) => x.node === "n1.conf")).toMatchObject({ masterAfter: "n2.conf", masterAfterRecovery: "n1.conf", vipMoves: true });
    expect(g.scenarios.find((x) => x.node === "n2.conf")).toMatchObject({ masterAfter: "n1.conf", vipMoves: false });
  });
  test("nopreempt with weight 0: the master's failure means FAULT, the VIP moves, and stays after recovery", () => {
    const g = json([100, 90, 80].map((p) => node({ priority: p, nopreempt: true }))).groups[0];
    expect(g.scenarios.find((x) => x.node === "n1.conf")).toMatchObject({ masterAfter: "n2.conf", masterAfterRecovery: "n2.conf", vipMoves: true });
  });
  test("weight 0 without nopreempt: FAULT moves the VIP and recovery takes it back", () => {
    const g = json([100, 90].map((p) => node({ priority: p }))).groups[0];
    expect(g.scenarios.find((x) => x.node === "n1.conf")).toMatchObject({ masterAfter: "n2.conf", masterAfterRecovery: "n1.conf", vipMoves: true });
  });
  test("a weight smaller than the priority gap (100/90, -5) never moves the VIP", () => {
    const g = json([100, 90].map((p) => node({ priority: p, weight: -5 }))).groups[0];
    const s = g.scenarios.find((x) => x.node === "n1.conf")!;
    expect(s).toMatchObject({ masterAfter: "n1.conf", vipMoves: false });
    expect(s.why).toContain("-11");
  });
  test("a weight equal to the gap (100/90, -10) ties, and a tie keeps the master", () => {
    const g = json([100, 90].map((p) => node({ priority: p, weight: -10 }))).groups[0];
    expect(g.scenarios.find((x) => x.node === "n1.conf")).toMatchObject({ masterAfter: "n1.conf", vipMoves: false });
  });
  test("positive weights count while the check succeeds: 100+20 vs 110+20; n1's failure drops it to 100 < 130", () => {
    const g = json([100, 110].map((p, i) => node({ priority: p, weight: i === 0 ? 20 : 20 }))).groups[0];
    expect(g.initialMaster).toBe("n2.conf");
    const g2 = json([node({ priority: 100, weight: 20 }), node({ priority: 110, weight: null })]).groups[0];
    expect(g2.initialMaster).toBe("n1.conf");
    expect(g2.scenarios.find((x) => x.node === "n1.conf")).toMatchObject({ masterAfter: "n2.conf", masterAfterRecovery: "n1.conf", vipMoves: true });
  });
  test("state MASTER + nopreempt: nopreempt is cleared, so the MASTER node preempts and is the initial master", () => {
    const g = json([node({ priority: 100, state: "MASTER", nopreempt: true, weight: -20 }), node({ priority: 90, nopreempt: true, weight: -20 })]).groups[0];
    expect(g.members[0].nopreempt).toBe(false);
    expect(g.initialMaster).toBe("n1.conf");
    // n1 fails: 80 < 90 but n2 has nopreempt: no move.
    expect(g.scenarios.find((x) => x.node === "n1.conf")).toMatchObject({ vipMoves: false });
  });
  test("state MASTER without priority is the address owner (255): weights are ignored", () => {
    const g = json([node({ state: "MASTER", weight: -20 }), node({ priority: 90 })]).groups[0];
    expect(g.members[0].priority).toBe(255);
    expect(g.scenarios.find((x) => x.node === "n1.conf")).toMatchObject({ vipMoves: false });
  });
  test("instances are matched by VRID; different VIP sets with one VRID are two clusters", () => {
    const r = json([node({ priority: 100, vips: ["10.0.0.1"] }), node({ priority: 90, vips: ["10.0.0.2"] })]);
    expect(r.groups.map((g) => g.vips)).toEqual([["10.0.0.1"], ["10.0.0.2"]]);
  });
});
