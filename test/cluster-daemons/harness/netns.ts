import { randomBytes } from "node:crypto";
import { spawn } from "node:child_process";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { must, run } from "./exec.js";

/**
 * Every namespace of the harness is named kl-<6 hex run id>-<role>; nothing
 * else is ever deleted by it. Each run keeps its files in /tmp/kl-<run id>,
 * with an `owner` file naming the creating process, so a later run can tell
 * an abandoned run from one that is still going in parallel.
 */
export const NS_PATTERN = /^kl-([0-9a-f]{6})-(br|probe|n\d+)$/;
export const IP = "ip";

export function newRunId(): string {
  return randomBytes(3).toString("hex"); // not-an-input: a unique name, so parallel runs never share a namespace
}

export function runDir(runId: string): string {
  return join("/tmp", `kl-${runId}`);
}

export function bridgeNs(runId: string): string {
  return `kl-${runId}-br`;
}

export function nodeNs(runId: string, index: number): string {
  return `kl-${runId}-n${index + 1}`;
}

export async function claimRunDir(runId: string): Promise<string> {
  const dir = runDir(runId);
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await writeFile(join(dir, "owner"), String(process.pid));
  return dir;
}

export interface Segment {
  bridge: string;
  /** ns/iface/ip: the node's end; port: its veth end in the bridge namespace. */
  nodes: { ns: string; iface: string; ip: string; port: string }[];
  vip: string;
  prefixLength: number;
}

/** Runs several `ip` commands in one namespace with a single process (`ip -batch`). */
async function ipBatch(ns: string, commands: string[]): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(IP, ["-n", ns, "-batch", "-"], { stdio: ["pipe", "ignore", "pipe"] });
    let err = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.stderr?.on("data", (c: Buffer) => (err += c.toString("utf8")));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`ip -n ${ns} -batch failed (${code}): ${err.trim()}`));
    });
    child.stdin?.end(commands.join("\n") + "\n");
  });
}

/**
 * Builds the run's private segment: a bridge in its own namespace and one
 * veth per node. veth pairs are created inside the bridge namespace with the
 * peer end placed straight into the node namespace, so the host namespace
 * never sees an interface or an address. One `ip -batch` per namespace keeps
 * the number of processes low (spawning is what hurts on a busy machine).
 */
export async function createSegment(runId: string, nodeCount: number): Promise<Segment> {
  const octet = randomBytes(1)[0]; // not-an-input: any subnet works inside the run's own namespaces
  const net = `10.99.${octet}`;
  const br = bridgeNs(runId);
  await must(IP, ["netns", "add", br]);
  const nodes: Segment["nodes"] = [];
  for (let i = 0; i < nodeCount; i++) {
    const ns = nodeNs(runId, i);
    await must(IP, ["netns", "add", ns]);
    nodes.push({ ns, iface: "eth0", ip: `${net}.${11 + i}`, port: `v${i + 1}` });
  }
  await ipBatch(br, [
    "link set lo up",
    "link add br0 type bridge",
    "link set br0 up",
    ...nodes.flatMap((n) => [`link add ${n.port} type veth peer name ${n.iface} netns ${n.ns}`, `link set ${n.port} master br0`, `link set ${n.port} up`]),
  ]);
  for (const n of nodes) await ipBatch(n.ns, ["link set lo up", `addr add ${n.ip}/24 dev ${n.iface}`, `link set ${n.iface} up`]);
  return { bridge: br, nodes, vip: `${net}.100`, prefixLength: 24 };
}

export async function listNamespaces(): Promise<string[]> {
  const r = await run(IP, ["netns", "list"]);
  if (r.code !== 0) return [];
  return r.stdout
    .split("\n")
    .map((line) => line.trim().split(/\s+/)[0])
    .filter((name): name is string => Boolean(name));
}

/** Deletes the run's namespaces (only names built from its own run id). */
export async function deleteRunNamespaces(runId: string): Promise<void> {
  for (const name of await listNamespaces()) {
    const m = NS_PATTERN.exec(name);
    if (m && m[1] === runId) await run(IP, ["netns", "del", name]);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readPid(file: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await readFile(file, "utf8")).trim(), 10);
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * True when `pid` is a keepalived we started for run `runId`: its command
 * line names a config inside the run directory. Guards against pid reuse.
 */
export async function isOurDaemon(pid: number, runId: string): Promise<boolean> {
  try {
    const cmdline = (await readFile(`/proc/${pid}/cmdline`, "utf8")).split("\0");
    return cmdline.some((a) => a.endsWith("keepalived")) && cmdline.some((a) => a.startsWith(runDir(runId) + "/"));
  } catch {
    return false;
  }
}

/**
 * Removes what an earlier, dead run left behind: its daemons (by the pid
 * files in its run directory, after checking they are ours), its namespaces
 * and its directory. A run whose owner process still lives is left alone.
 */
let staleCleanup: Promise<string[]> | null = null;

/** cleanStaleRuns, once per process: parallel runs of one process need it only once. */
export function cleanStaleRunsOnce(): Promise<string[]> {
  staleCleanup ??= cleanStaleRuns();
  return staleCleanup;
}

export async function cleanStaleRuns(): Promise<string[]> {
  const runIds = new Set<string>();
  for (const name of await listNamespaces()) {
    const m = NS_PATTERN.exec(name);
    if (m) runIds.add(m[1]!);
  }
  const cleaned: string[] = [];
  for (const runId of runIds) {
    const owner = await readPid(join(runDir(runId), "owner"));
    if (owner !== null && alive(owner)) continue;
    let files: string[] = [];
    try {
      files = await readdir(runDir(runId));
    } catch {
      files = [];
    }
    for (const f of files.filter((f) => f.endsWith(".pid"))) {
      const pid = await readPid(join(runDir(runId), f));
      if (pid !== null && (await isOurDaemon(pid, runId))) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          /* already gone */
        }
      }
    }
    await deleteRunNamespaces(runId);
    await rm(runDir(runId), { recursive: true, force: true });
    cleaned.push(runId);
  }
  return cleaned;
}

export interface Support {
  ok: boolean;
  reason?: string;
}

/**
 * Tries once, for real, what the harness needs: the `ip` tool, keepalived,
 * creating a namespace and a bridge in it. Sandboxes fail in many different
 * ways, so trying is the only reliable test.
 */
export async function probeSupport(keepalived = "keepalived"): Promise<Support> {
  if (typeof process.getuid === "function" && process.getuid() !== 0) {
    return { ok: false, reason: "not running as root (network namespaces need CAP_SYS_ADMIN/CAP_NET_ADMIN)" };
  }
  const version = await run(keepalived, ["--version"]);
  const text = version.stdout + version.stderr;
  if (!/Keepalived v\d/.test(text)) return { ok: false, reason: `cannot run ${keepalived} --version: ${text.trim() || "not found"}` };
  const id = newRunId();
  const ns = `kl-${id}-probe`;
  const add = await run(IP, ["netns", "add", ns]);
  if (add.code !== 0) return { ok: false, reason: `cannot create a network namespace: ${add.stderr.trim() || `ip exited ${add.code}`}` };
  try {
    const bridge = await run(IP, ["-n", ns, "link", "add", "br0", "type", "bridge"]);
    if (bridge.code !== 0) return { ok: false, reason: `cannot create a bridge in a namespace: ${bridge.stderr.trim()}` };
    const veth = await run(IP, ["-n", ns, "link", "add", "vprobe0", "type", "veth", "peer", "name", "vprobe1"]);
    if (veth.code !== 0) return { ok: false, reason: `cannot create a veth pair in a namespace: ${veth.stderr.trim()}` };
    return { ok: true };
  } finally {
    await run(IP, ["netns", "del", ns]);
  }
}

/** Detaches (or re-attaches) a node's port from the bridge: a partition without a link failure. */
export async function setAttached(segment: Segment, index: number, attached: boolean): Promise<void> {
  const port = segment.nodes[index]!.port;
  await must(IP, ["-n", segment.bridge, "link", "set", port, ...(attached ? ["master", "br0"] : ["nomaster"])]);
}
