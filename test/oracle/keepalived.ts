/**
 * The oracle for differential tests: run the real `keepalived -t` on a
 * configuration and turn what it prints into one structured message per
 * (file, line, text).
 *
 * keepalived parses the configuration up to four times under `-t` (parent,
 * then the checker, vrrp and bfd copies), so the same problem can be printed
 * several times with different prefixes: `(Line N)` from the parent while it
 * reads the main file, `(FILE: Line N)` for included files and for every child
 * parse. Both forms are mapped to absolute paths and then de-duplicated.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { classifyKind, isHostDependent, type OracleKind } from "./classify.js";
import { discoverFiles, makeResolver, type FileResolver } from "./resolve.js";

export type { OracleKind } from "./classify.js";

export interface OracleMessage {
  /** Absolute path; the main file for messages printed without a location. */
  file: string;
  /** 1-based physical line, or null when keepalived printed no location. */
  line: number | null;
  text: string;
  kind: OracleKind;
  hostDependent: boolean;
}

export interface OracleResult {
  /** keepalived's exit status; null when it was killed by the timeout. */
  exitCode: number | null;
  messages: OracleMessage[];
  /** Everything keepalived wrote to stderr and stdout, unmodified. */
  raw: string;
  timedOut: boolean;
  /** keepalived died from a signal of its own (2.2.7 aborts on some inputs); its output is incomplete. */
  crashed: boolean;
  /**
   * True when keepalived gave up validating VRRP because an interface does not
   * exist on this host: VRRP findings of ours then have no counterpart.
   */
  vrrpValidationSkipped: boolean;
  /** Set when keepalived was not run because the configuration would make it write to the host. */
  refused?: string;
}

export interface RunOptions {
  /** Value for `-i`; fixed by default so results do not depend on the host name. */
  configId?: string;
  /** Working directory of keepalived; defaults to the main file's directory. */
  cwd?: string;
  timeoutMs?: number;
  /** Files outside this tree count as host-dependent; defaults to the main file's directory. */
  root?: string;
  /** keepalived binary to run instead of KEEPALIVED_BIN. */
  bin?: string;
  /**
   * Run keepalived in a new user and network namespace (`unshare -rn`), where
   * only a down `lo` exists: no DNS lookups (smtp_server names, the host's own
   * name) can leave the machine and interface checks fail the same way
   * everywhere. Costs VRRP validation for every configuration naming an
   * interface. Falls back to a normal run when unprivileged namespaces are unavailable.
   * On by default: tests must never send traffic off the machine (corpus
   * configs name real SMTP hosts); pass false to see this host's interfaces.
   */
  isolateNetwork?: boolean;
}

export const KEEPALIVED_BIN = process.env.KEEPALIVED_BIN ?? "/usr/sbin/keepalived";
export const DEFAULT_CONFIG_ID = "lint-test";
const DEFAULT_TIMEOUT_MS = 10_000;

export function keepalivedAvailable(bin: string = KEEPALIVED_BIN): boolean {
  try {
    fs.accessSync(bin, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const MISSING_INTERFACE = /\binterface\b.*\bdoesn'?t exist\b|^Non-existent interface\b/;
const INTERFACE_CASCADE = /\binterface\b|\bvmac|\bipvlan\b/i;

const LOCATED = /^\((?:(.+?): )?Line (\d+)\) (.*)$/;

export interface ParseContext {
  mainFile: string;
  root?: string;
  resolve?: FileResolver;
  hostname?: string;
}

/** Pure part of the oracle: keepalived's output text to de-duplicated messages. */
export function parseOutput(raw: string, ctx: ParseContext): OracleMessage[] {
  const mainFile = path.resolve(ctx.mainFile);
  const resolve = ctx.resolve ?? makeResolver(mainFile);
  const hostCtx = { root: path.resolve(ctx.root ?? path.dirname(mainFile)), hostname: ctx.hostname };
  const seen = new Set<string>();
  const messages: OracleMessage[] = [];
  for (const rawLine of raw.split("\n")) {
    const lineText = rawLine.replace(/\r$/, "");
    if (lineText.trim() === "") continue;
    const m = LOCATED.exec(lineText);
    const file = resolve(m ? m[1] : undefined);
    const line = m ? Number(m[2]) : null;
    const text = m ? m[3] : lineText;
    const key = `${file}\0${line}\0${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    messages.push({ file, line, text, kind: classifyKind(text), hostDependent: isHostDependent(text, file, hostCtx) });
  }
  // With an interface missing, instances lose their interface while being
  // parsed, and later interface/VMAC messages follow from that, not from the text.
  if (messages.some((m) => MISSING_INTERFACE.test(m.text))) {
    for (const m of messages) if (INTERFACE_CASCADE.test(m.text)) m.hostDependent = true;
  }
  // A vrrp_script dropped for a host reason (no script user here) makes every
  // later reference to it "not found".
  const dropped = new Set(
    messages.filter((m) => m.hostDependent).flatMap((m) => /vrrp script (\S+) - removing/.exec(m.text)?.[1] ?? []),
  );
  for (const m of messages) {
    const name = /track script (\S+) not found/.exec(m.text)?.[1];
    if (name && dropped.has(name)) m.hostDependent = true;
  }
  return messages;
}

function escapeGlob(p: string): string {
  // -f takes a glob; a literal path must not expand into something else
  return p.replace(/[*?[\]{}\\]/g, "\\$&");
}

interface Invocation {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  tmp: string;
  timeoutMs: number;
  mainFile: string;
}

function prepare(mainFile: string, opts: RunOptions): Invocation {
  const abs = path.resolve(mainFile);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ka-oracle-"));
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  // `-t` neither forks nor writes pid files (checked with strace on 2.2.7), but
  // pointing them into a private directory keeps parallel runs and the host's
  // own daemon out of each other's way should that ever change.
  const args = [
    "-k",
    "1",
    String(seconds),
    opts.bin ?? KEEPALIVED_BIN,
    "-t",
    "-f",
    escapeGlob(abs),
    "-i",
    opts.configId ?? DEFAULT_CONFIG_ID,
    "-p",
    path.join(tmp, "keepalived.pid"),
    "-r",
    path.join(tmp, "vrrp.pid"),
    "-c",
    path.join(tmp, "checkers.pid"),
    "-b",
    path.join(tmp, "bfd.pid"),
  ];
  const isolate = opts.isolateNetwork !== false && canIsolateNetwork();
  return {
    // coreutils timeout puts keepalived in its own process group and kills the
    // whole group, so nothing survives a hang
    command: isolate ? "unshare" : "timeout",
    args: isolate ? ["-rn", "timeout", ...args] : args,
    cwd: opts.cwd ?? path.dirname(abs),
    env: { PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin", LANG: "C", LC_ALL: "C" },
    tmp,
    timeoutMs,
    mainFile: abs,
  };
}

let isolationWorks: boolean | undefined;

/** Whether `unshare -rn` works here (unprivileged user namespaces may be disabled). */
export function canIsolateNetwork(): boolean {
  isolationWorks ??= spawnSync("unshare", ["-rn", "true"], { stdio: "ignore", timeout: 5000 }).status === 0;
  return isolationWorks;
}

function finish(
  inv: Invocation,
  opts: RunOptions,
  exit: { status: number | null; signal: NodeJS.Signals | null },
  out: string,
  failed = false,
): OracleResult {
  fs.rmSync(inv.tmp, { recursive: true, force: true });
  // timeout(1) re-raises a signal that killed keepalived; SIGKILL is our own backstop
  const status =
    exit.status ?? (exit.signal && exit.signal !== "SIGKILL" ? 128 + (os.constants.signals[exit.signal] ?? 0) : null);
  // 124: timeout(1) fired; 137: it had to use SIGKILL; null: our own backstop
  const timedOut = !failed && (status === null || status === 124 || status === 137);
  const messages = parseOutput(out, { mainFile: inv.mainFile, root: opts.root, hostname: os.hostname() });
  return {
    exitCode: timedOut ? null : status,
    messages,
    raw: out,
    timedOut,
    crashed: !timedOut && status !== null && status > 128,
    vrrpValidationSkipped: messages.some((m) => m.text.startsWith("Non-existent interface specified")),
  };
}

/**
 * `-t` leaves the host alone (no pid files, forks, VMACs or fifos; checked in
 * the 2.2.7 source) with one exception: `config_save_dir` makes even the parent
 * parse mkdir() that directory and system("cp ...") the configuration into it.
 * Such configurations are not run at all.
 */
export function unsafeReason(mainFile: string): string | undefined {
  for (const file of discoverFiles(path.resolve(mainFile))) {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const code = lines[i].replace(/(^|\s)[#!].*$/, "");
      if (/config_save_dir/.test(code)) return `${file}:${i + 1}: config_save_dir would make keepalived write files`;
    }
  }
  return undefined;
}

function refusedResult(reason: string): OracleResult {
  return {
    exitCode: null,
    messages: [],
    raw: "",
    timedOut: false,
    crashed: false,
    vrrpValidationSkipped: false,
    refused: reason,
  };
}

/** Runs `keepalived -t` synchronously. Never throws for a bad configuration. */
export function runKeepalived(mainFile: string, opts: RunOptions = {}): OracleResult {
  const reason = unsafeReason(mainFile);
  if (reason) return refusedResult(reason);
  const inv = prepare(mainFile, opts);
  const r = spawnSync(inv.command, inv.args, {
    cwd: inv.cwd,
    env: inv.env,
    encoding: "utf8",
    timeout: inv.timeoutMs + 3000,
    killSignal: "SIGKILL",
    maxBuffer: 64 * 1024 * 1024,
  });
  const spawnFailed = r.error !== undefined && (r.error as NodeJS.ErrnoException).code === "ENOENT";
  return finish(inv, opts, { status: r.status, signal: r.signal }, (r.stderr ?? "") + (r.stdout ?? ""), spawnFailed);
}

/** Same as runKeepalived, for running several configurations in parallel. */
export function runKeepalivedAsync(mainFile: string, opts: RunOptions = {}): Promise<OracleResult> {
  const reason = unsafeReason(mainFile);
  if (reason) return Promise.resolve(refusedResult(reason));
  const inv = prepare(mainFile, opts);
  return new Promise((resolvePromise) => {
    const child = spawn(inv.command, inv.args, { cwd: inv.cwd, env: inv.env, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    let out = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    const backstop = setTimeout(() => child.kill("SIGKILL"), inv.timeoutMs + 3000);
    let settled = false;
    const done = (status: number | null, signal: NodeJS.Signals | null, failed = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(backstop);
      resolvePromise(finish(inv, opts, { status, signal }, err + out, failed));
    };
    child.on("error", () => done(null, null, true));
    child.on("close", (code, signal) => done(code, signal));
  });
}

/** Runs many configurations with at most `workers` keepalived processes at a time. */
export async function runPool(
  mainFiles: readonly string[],
  workers = 2,
  opts: RunOptions = {},
): Promise<OracleResult[]> {
  const results: OracleResult[] = new Array(mainFiles.length);
  let next = 0;
  const worker = async () => {
    while (next < mainFiles.length) {
      const i = next++;
      results[i] = await runKeepalivedAsync(mainFiles[i], opts);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, mainFiles.length)) }, worker));
  return results;
}
