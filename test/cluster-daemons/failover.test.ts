import { writeFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { probeSupport, runCluster, type ClusterRun } from "./harness/index.js";
import { SCENARIOS, type Scenario } from "./scenarios.js";

/*
 * Real keepalived 2.2.7 daemons in network namespaces (see
 * docs/cluster-daemons.md). Needs root; everything happens inside namespaces
 * this run creates and deletes. All scenarios run at once (each with its own
 * run id, bridge and subnet) in beforeAll, because vitest would run at most
 * five `it.concurrent` at a time and the suite is mostly waiting.
 */
const support = await probeSupport();
if (!support.ok) console.warn(`cluster-daemons: skipped, ${support.reason}`);

const results = new Map<string, ClusterRun>();

function table(run: ClusterRun): string {
  return run.observations
    .map((o) => `  step ${o.afterStep} ${JSON.stringify(o.step)} -> ${o.master ?? `[${o.holders.join(",")}]`}${o.stable ? "" : " (unstable)"} states ${JSON.stringify(o.states)} prio ${JSON.stringify(o.priorities)} changes ${JSON.stringify(o.changes)}`)
    .join("\n");
}

function resultOf(s: Scenario): { run: ClusterRun; context: string } {
  const run = results.get(s.id);
  if (!run) throw new Error(`scenario ${s.id} did not run`);
  return { run, context: `${s.title} (run ${run.runId})\n${table(run)}` };
}

describe.skipIf(!support.ok)("keepalived 2.2.7 daemons in namespaces", () => {
  beforeAll(async () => {
    await Promise.all(
      SCENARIOS.map(async (s) => results.set(s.id, await runCluster({ ...s.spec, label: s.id }))),
    );
    // For the model engineer: KL_CLUSTER_RESULTS=out.json keeps every observation and log.
    const out = process.env.KL_CLUSTER_RESULTS;
    if (out) await writeFile(out, JSON.stringify(Object.fromEntries(results), null, 2));
  }, 300_000);

  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: VIP holder after each step matches the hand-written expectation`, () => {
      const { run, context } = resultOf(scenario);
      expect(run.error, context).toBeUndefined();
      expect(run.observations.length, context).toBe(scenario.spec.steps.length);
      run.observations.forEach((o, i) => {
        const why = `step ${i} (${scenario.why[i]})\n${context}`;
        expect(o.stable, why).toBe(true);
        const want = scenario.expected[i]!;
        if (want !== null && typeof want === "object" && "holders" in want) {
          expect(o.master, why).toBeNull();
          expect(o.holders, why).toEqual(want.holders);
        } else if (want !== null && typeof want === "object") {
          expect(want.anyOf, why).toContain(o.master);
        } else {
          expect(o.master, why).toBe(want);
        }
        // Secondary signal: the logs agree with the addresses.
        for (const holder of o.holders) expect(o.states[holder], why).toBe("MASTER");
      });
    });
  }

  const byId = (id: string) => SCENARIOS.find((s) => s.id === id)!;

  it("seed: the failed check lowers n3 to 60 yet n1 and n2 stay BACKUP", () => {
    const { run, context } = resultOf(byId("seed-nopreempt-weight"));
    const afterFail = run.observations[3]!;
    expect(afterFail.priorities, context).toEqual({ n1: 100, n2: 90, n3: 60 });
    expect(afterFail.states, context).toEqual({ n1: "BACKUP", n2: "BACKUP", n3: "MASTER" });
  });

  it("a check without weight puts the master into FAULT", () => {
    const { run, context } = resultOf(byId("nopreempt-fault"));
    expect(run.observations[2]!.states.n1, context).toBe("FAULT");
    expect(run.observations[3]!.states.n1, context).toBe("BACKUP");
  });

  it("weight equal to the gap: both run at 90 and nothing moves", () => {
    const { run, context } = resultOf(byId("weight-equals-gap"));
    expect(run.observations[1]!.priorities, context).toEqual({ n1: 90, n2: 90 });
    expect(run.observations[1]!.changes, context).toEqual([]);
  });

  it("positive weight: a healthy n2 runs at 110, a failed one at 90", () => {
    const { run, context } = resultOf(byId("positive-weight"));
    expect(run.observations[0]!.priorities.n2, context).toBe(110);
    expect(run.observations[1]!.priorities.n2, context).toBe(90);
  });

  it("state MASTER + nopreempt: keepalived says it clears nopreempt", () => {
    const { run, context } = resultOf(byId("master-nopreempt"));
    expect(run.logs.n1, context).toContain("nopreempt will not work with initial state MASTER - clearing");
    expect(run.logs.n2, context).not.toContain("nopreempt will not work");
  });

  it("tie between two masters: n1 logs that n2 has the same priority but a higher address", () => {
    const { run, context } = resultOf(byId("tie-at-election"));
    expect(run.logs.n1, context).toMatch(/same priority 100 but higher IP address than ours/);
  });

  it("removes a dead run's namespaces and directory, but not a live run's", async () => {
    const { cleanStaleRuns, listNamespaces, newRunId, runDir } = await import("./harness/netns.js");
    const { execFileSync, spawnSync } = await import("node:child_process");
    const { existsSync, mkdirSync, rmSync, writeFileSync } = await import("node:fs");
    const dead = spawnSync("true").pid; // exited: its pid names no live process (barring reuse)
    const [stale, live] = [newRunId(), newRunId()];
    try {
      for (const [id, owner] of [[stale, dead], [live, process.pid]] as const) {
        mkdirSync(runDir(id), { recursive: true });
        writeFileSync(`${runDir(id)}/owner`, String(owner));
        execFileSync("ip", ["netns", "add", `kl-${id}-n1`]);
      }
      const cleaned = await cleanStaleRuns();
      expect(cleaned).toContain(stale);
      expect(cleaned).not.toContain(live);
      const names = await listNamespaces();
      expect(names).not.toContain(`kl-${stale}-n1`);
      expect(names).toContain(`kl-${live}-n1`);
      expect(existsSync(runDir(stale))).toBe(false);
    } finally {
      for (const id of [stale, live]) {
        spawnSync("ip", ["netns", "del", `kl-${id}-n1`]);
        rmSync(runDir(id), { recursive: true, force: true });
      }
    }
  });

  it("leaves no namespace, daemon or run directory behind", async () => {
    const { listNamespaces, runDir } = await import("./harness/netns.js");
    const { existsSync } = await import("node:fs");
    const names = await listNamespaces();
    for (const run of results.values()) {
      expect(names.filter((n) => n.startsWith(`kl-${run.runId}-`))).toEqual([]);
      expect(existsSync(runDir(run.runId))).toBe(false);
      for (const log of Object.values(run.logs)) expect(log).toMatch(/--- harness: keepalived exited/);
    }
  });
});
