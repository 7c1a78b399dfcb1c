import { rm, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Daemon } from "./daemon.js";
import { claimRunDir, cleanStaleRunsOnce, createSegment, deleteRunNamespaces, newRunId, runDir, setAttached } from "./netns.js";
import { VipWatch, waitStable } from "./observe.js";
import { DEFAULT_TRACK, renderNodeConfig, templateTracks } from "./render.js";
import type { ClusterRun, ClusterSpec, NodeEnv, Observation, Step, Timing } from "./types.js";

/**
 * advert_int 1: a backup takes over after 3 adverts + skew (≤ 4 s), plus up
 * to 1 s until a failing check is noticed; 9 s of calm is about twice the
 * slowest failover, so a step that "changes nothing" really changed nothing.
 */
export const DEFAULT_TIMING: Timing = {
  settleMs: Number(process.env.KL_CLUSTER_SETTLE_MS) || 9000,
  maxStepMs: 60_000,
  pollMs: 100,
};

function nodesOf(step: Step): string[] {
  if (step.action === "wait") return [];
  return Array.isArray(step.node) ? step.node : [step.node];
}

/** Problems with a spec, as messages; empty when the spec can be run. */
export function checkSpec(spec: ClusterSpec): string[] {
  const problems: string[] = [];
  // Specs may come from JSON; do not trust their shape.
  if (!Array.isArray(spec?.nodes) || !Array.isArray(spec?.steps)) return ["nodes and steps must be arrays"];
  const names = spec.nodes.map((n) => n?.name);
  if (names.length === 0) problems.push("no nodes");
  // Node K gets .(10+K) and the VIP is .100.
  if (names.length > 80) problems.push("too many nodes (at most 80)");
  if (new Set(names).size !== names.length) problems.push("duplicate node names");
  for (const n of names) if (typeof n !== "string" || !/^[A-Za-z0-9_-]{1,20}$/.test(n)) problems.push(`bad node name ${JSON.stringify(n)}`);
  spec.steps.forEach((s, i) => {
    if (!["start", "stop", "fail", "recover", "isolate", "rejoin", "wait"].includes(s?.action)) {
      problems.push(`step ${i}: unknown action ${JSON.stringify(s?.action)}`);
      return;
    }
    for (const n of nodesOf(s)) if (!names.includes(n)) problems.push(`step ${i}: unknown node ${JSON.stringify(n)}`);
  });
  return problems;
}

/**
 * Starts real keepalived daemons, one per node, each in its own network
 * namespace on a private bridge, carries out the steps and records after each
 * step which node holds the VIP once things have settled. Never rejects:
 * a failure ends the run early with `error` set. Always removes its daemons,
 * namespaces and files (logs are returned in the result).
 */
export async function runCluster(spec: ClusterSpec): Promise<ClusterRun> {
  const began = Date.now();
  const timing: Timing = { ...DEFAULT_TIMING, ...spec.timing };
  const runId = newRunId();
  const result: ClusterRun = { runId, configs: {}, addresses: { vip: "" }, observations: [], logs: {}, durationMs: 0 };
  const problems = checkSpec(spec);
  if (problems.length) {
    result.error = `invalid spec: ${problems.join("; ")}`;
    return result;
  }
  const daemons: Daemon[] = [];
  let watch: VipWatch | null = null;
  const dir = runDir(runId);
  try {
    await cleanStaleRunsOnce();
    await claimRunDir(runId);
    const segment = await createSegment(runId, spec.nodes.length);
    result.addresses.vip = segment.vip;
    const flag = (node: string, track: string) => join(dir, `${node}-${track}-ok`);
    const tracks: Record<string, string[]> = {};
    for (const [i, node] of spec.nodes.entries()) {
      const seg = segment.nodes[i]!;
      const env: NodeEnv = {
        name: node.name,
        iface: seg.iface,
        selfIp: seg.ip,
        peerIps: segment.nodes.filter((_, j) => j !== i).map((n) => n.ip),
        vip: segment.vip,
        prefixLength: segment.prefixLength,
        flagFile: (track) => flag(node.name, track),
      };
      const config = "template" in node ? renderNodeConfig(node.template, env) : node.config(env);
      tracks[node.name] = "template" in node ? templateTracks(node.template) : (node.tracks ?? []);
      for (const t of tracks[node.name]!) await writeFile(flag(node.name, t), "");
      const file = join(dir, `${node.name}.conf`);
      await writeFile(file, config);
      result.configs[node.name] = config;
      result.addresses[node.name] = seg.ip;
      daemons.push(new Daemon(node.name, seg.ns, dir, file, "template" in node ? node.template.priority : null));
    }
    const byName = new Map(daemons.map((d) => [d.name, d]));
    const indexOf = new Map(daemons.map((d, i) => [d.name, i]));
    watch = new VipWatch(daemons.map((d, i) => ({ name: d.name, ns: segment.nodes[i]!.ns })), segment.vip);
    await watch.start();
    for (const [i, step] of spec.steps.entries()) {
      const since = Date.now();
      const before = watch.holders();
      switch (step.action) {
        case "start":
          for (const n of nodesOf(step)) byName.get(n)!.start();
          break;
        case "stop":
          await Promise.all(nodesOf(step).map((n) => byName.get(n)!.stop(runId)));
          break;
        case "fail":
          await unlink(flag(step.node, step.track ?? DEFAULT_TRACK)).catch(() => undefined);
          break;
        case "recover":
          await writeFile(flag(step.node, step.track ?? DEFAULT_TRACK), "");
          break;
        case "isolate":
        case "rejoin":
          for (const n of nodesOf(step)) await setAttached(segment, indexOf.get(n)!, step.action === "rejoin");
          break;
        case "wait":
          break;
      }
      const settled = await waitStable(watch, before, since, timing);
      const obs: Observation = {
        afterStep: i,
        step,
        master: settled.holders.length === 1 ? settled.holders[0]! : null,
        holders: settled.holders,
        stable: settled.stable,
        changes: settled.changes,
        states: Object.fromEntries(daemons.map((d) => [d.name, d.state])),
        priorities: Object.fromEntries(daemons.map((d) => [d.name, d.priority])),
        tookMs: settled.tookMs,
      };
      result.observations.push(obs);
    }
  } catch (e) {
    result.error = `${spec.label ?? "run"} ${runId}: ${e instanceof Error ? e.message : String(e)}`;
  } finally {
    watch?.stop();
    if (watch) result.watchTrace = watch.trace;
    await Promise.all(daemons.map((d) => d.stop(runId)));
    await Promise.all(daemons.map((d) => d.close()));
    for (const d of daemons) result.logs[d.name] = d.logText;
    await deleteRunNamespaces(runId);
    if (!process.env.KL_CLUSTER_KEEP_FILES) await rm(dir, { recursive: true, force: true });
    result.durationMs = Date.now() - began;
  }
  return result;
}
