import { spawn, type ChildProcess } from "node:child_process";
import { run, sleep } from "./exec.js";
import { IP } from "./netns.js";
import type { Timing } from "./types.js";

interface Watched {
  name: string;
  ns: string;
}

/** True when an `ip -o addr` line is about exactly `vip` (not a longer address it prefixes). */
function mentions(line: string, vip: string): boolean {
  return line.includes(` inet ${vip}/`);
}

/**
 * Knows which node namespaces hold the VIP. Source: one `ip monitor address`
 * per namespace, event driven. Polling `ip addr` instead was tried and
 * dropped: with a dozen scenarios in parallel on a busy two-CPU machine, the
 * constant process spawning blocked the test worker's event loop for tens of
 * seconds, and late poll answers contradicted newer events. A real
 * `ip addr show` still double-checks the state once before a step concludes.
 */
export class VipWatch {
  private readonly has = new Map<string, boolean>();
  private readonly monitors: ChildProcess[] = [];
  private events = 0;
  private closed = false;
  /** What changed the holder set and when (for diagnosing odd runs). */
  readonly trace: string[] = [];
  private readonly t0 = Date.now();

  private note(what: string): void {
    if (this.trace.length < 2000) this.trace.push(`${Date.now() - this.t0}ms ${what}`);
  }

  constructor(
    private readonly nodes: Watched[],
    private readonly vip: string,
  ) {
    for (const n of nodes) this.has.set(n.name, false);
  }

  async start(): Promise<void> {
    for (const n of this.nodes) {
      const child = spawn(IP, ["-n", n.ns, "-o", "monitor", "address"], { stdio: ["ignore", "pipe", "ignore"] });
      let pending = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        const lines = (pending + chunk.toString("utf8")).split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) {
          if (!mentions(line, this.vip)) continue;
          this.events++;
          this.has.set(n.name, !line.startsWith("Deleted"));
          this.note(`event ${n.name}: ${line.slice(0, 80)}`);
        }
      });
      child.on("error", () => undefined);
      child.on("exit", (code, signal) => this.note(`monitor ${n.name} exited ${code} ${signal}`));
      this.monitors.push(child);
    }
    // Give the monitors time to subscribe before anything can add the VIP.
    await sleep(300);
    await this.reconcile();
  }

  private async reconcile(): Promise<void> {
    const before = this.events;
    const raw: string[] = [];
    const polled = await Promise.all(
      this.nodes.map(async (n, i) => {
        const r = await run(IP, ["-n", n.ns, "-o", "addr", "show"], 5000);
        raw[i] = `rc=${r.code} out=${JSON.stringify(r.stdout.slice(0, 600))} err=${JSON.stringify(r.stderr.slice(0, 200))}`;
        // Under heavy load `ip -n … addr show` has been seen to exit 0 with no
        // output at all; an answer without the loopback address is no answer.
        if (r.code !== 0 || !r.stdout.includes(" inet 127.0.0.1/")) {
          this.note(`poll ${n.name} unusable (${r.code}): ${raw[i]}`);
          return null;
        }
        return r.stdout.split("\n").some((l) => mentions(l, this.vip));
      }),
    );
    // An event during the poll is newer than the poll: keep it.
    if (this.closed || this.events !== before) return;
    this.nodes.forEach((n, i) => {
      const v = polled[i];
      if (v === null || v === undefined) return;
      if (v !== this.has.get(n.name)) this.note(`poll corrects ${n.name} to ${v}: ${raw[i]}`);
      this.has.set(n.name, v);
    });
  }

  /** Nodes holding the VIP now, in node order. */
  holders(): string[] {
    return this.nodes.filter((n) => this.has.get(n.name)).map((n) => n.name);
  }

  /** Polls `ip addr` once right now (used before concluding a step). */
  async refresh(): Promise<void> {
    await this.reconcile();
  }

  stop(): void {
    this.closed = true;
    for (const m of this.monitors) {
      if (m.pid && m.exitCode === null) {
        try {
          process.kill(m.pid, "SIGTERM");
        } catch {
          /* already gone */
        }
      }
    }
  }
}

export interface Settled {
  holders: string[];
  stable: boolean;
  changes: { atMs: number; holders: string[] }[];
  tookMs: number;
}

/**
 * Waits until the holder set has been unchanged for settleMs, counted from
 * the start of the action (`since`), so a step that changes nothing still
 * waits long enough for a failover that would have happened. Gives up after
 * maxStepMs. `before` is the holder set just before the action.
 */
export async function waitStable(watch: VipWatch, before: string[], since: number, timing: Timing): Promise<Settled> {
  let last = before;
  let lastChange = since;
  const changes: Settled["changes"] = [];
  const look = () => {
    const next = watch.holders();
    if (next.join(",") !== last.join(",")) {
      last = next;
      lastChange = Date.now();
      changes.push({ atMs: lastChange - since, holders: next });
    }
  };
  for (;;) {
    look();
    let now = Date.now();
    if (now - lastChange >= timing.settleMs) {
      // Confirm with a real poll before concluding.
      await watch.refresh();
      look();
      now = Date.now();
      if (now - lastChange >= timing.settleMs) return { holders: last, stable: true, changes, tookMs: now - since };
    }
    if (now - since >= timing.maxStepMs) return { holders: last, stable: false, changes, tookMs: now - since };
    await sleep(timing.pollMs);
  }
}
