import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { IP, isOurDaemon } from "./netns.js";
import { sleep } from "./exec.js";
import type { VrrpState } from "./types.js";

const STATE_LINE = /\((\S+)\) Entering (MASTER|BACKUP|FAULT|INIT) STATE/;
const PRIORITY_LINE = /\((\S+)\) Changing effective priority from (\d+) to (\d+)/;

/**
 * One keepalived (VRRP subsystem only) running in a node namespace. `ip netns
 * exec` execs keepalived in place, so the child's pid is keepalived's parent
 * process; with --dont-respawn its VRRP child exits when the parent does.
 */
export class Daemon {
  readonly name: string;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private log = "";
  private pending = "";
  private out: WriteStream | null = null;
  state: VrrpState = "NOT_STARTED";
  priority: number | null = null;

  constructor(
    name: string,
    private readonly ns: string,
    private readonly dir: string,
    private readonly configFile: string,
    basePriority: number | null = null,
  ) {
    this.name = name;
    this.priority = basePriority;
  }

  get logText(): string {
    return this.log;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  private file(suffix: string): string {
    return join(this.dir, `${this.name}${suffix}`);
  }

  start(): void {
    if (this.running) return;
    const args = [
      "netns", "exec", this.ns, "keepalived",
      "--dont-fork", "--log-console", "--log-detail", "--no-syslog", "--vrrp", "--dont-respawn",
      "--config-id", this.name,
      "-f", this.configFile,
      "-p", this.file(".pid"),
      "-r", this.file("-vrrp.pid"),
      "-c", this.file("-checkers.pid"),
      "-b", this.file("-bfd.pid"),
    ];
    this.out ??= createWriteStream(this.file(".log"), { flags: "a" });
    const child = spawn(IP, args, { stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    this.state = "INIT";
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      this.log += text;
      this.out?.write(text);
      // Chunks can end mid-line; parse whole lines only.
      const lines = (this.pending + text).split("\n");
      this.pending = lines.pop() ?? "";
      for (const line of lines) this.parse(line);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.state = "STOPPED";
        const note = `--- harness: keepalived exited (code ${code}, signal ${signal})\n`;
        this.log += note;
        this.out?.write(note);
        resolve();
      });
      child.once("error", () => resolve());
    });
  }

  private parse(line: string): void {
    const s = STATE_LINE.exec(line);
    if (s) this.state = s[2] as VrrpState;
    const p = PRIORITY_LINE.exec(line);
    if (p) this.priority = Number(p[3]);
  }

  /**
   * SIGTERM (keepalived then drops the VIP and sends a priority-0 advert),
   * SIGKILL after a grace period; then the VRRP child by its pid file, in case
   * it outlived its parent, but only if it is provably one of ours.
   */
  async stop(runId: string, graceMs = 5000): Promise<void> {
    const child = this.child;
    if (child && this.running && child.pid) {
      try {
        process.kill(child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      const done = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
      if (!done) {
        try {
          process.kill(child.pid, "SIGKILL");
        } catch {
          /* already gone */
        }
        await Promise.race([this.exited, sleep(2000)]);
      }
    }
    for (const f of [this.file("-vrrp.pid"), this.file(".pid")]) {
      const pid = await readPidFile(f);
      if (pid !== null && (await isOurDaemon(pid, runId))) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          /* already gone */
        }
      }
    }
    this.state = this.child ? "STOPPED" : "NOT_STARTED";
  }

  async close(): Promise<void> {
    const out = this.out;
    this.out = null;
    if (out) await new Promise<void>((resolve) => out.end(() => resolve()));
  }
}

async function readPidFile(file: string): Promise<number | null> {
  try {
    const pid = Number.parseInt((await readFile(file, "utf8")).trim(), 10);
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
}
