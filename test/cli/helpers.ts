// Runs the built keepalived-lint as a separate process: the bundle the package's bin points at
// (built by test/global-setup.ts into a snapshot no other run rewrites).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, inject } from "vitest";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const cliPath = join(inject("builtRoot"), "cli/main.cjs");
export const examples = join(repoRoot, "examples/memcached-three-nodes");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined>; input?: string } = {}): CliRun {
  // Colour and debug settings of the developer's shell must not leak into expectations.
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, KEEPALIVED_LINT_DEBUG: undefined, KEEPALIVED_LINT_KEEPALIVED: "none", ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: opts.cwd ?? repoRoot, env: env as NodeJS.ProcessEnv, input: opts.input ?? "", encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Every temporary directory this test file made. */
const made: string[] = [];
// Registered while the test file is collected: a hook registered inside a running test never runs,
// and each run of the suite left a hundred directories in /tmp.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory with the given files; removed after the test file. */
export function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kl-cli-"));
  made.push(dir);
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

/** A copy of the three-node example in a temporary directory (for --fix). */
export function copyExamples(): string {
  const dir = tempTree({});
  cpSync(examples, dir, { recursive: true });
  return dir;
}

/** A config keepalived accepts and no rule reports. */
export const CLEAN = `vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority 100
  advert_int 1
  virtual_ipaddress {
    10.0.0.100/24
  }
}
`;

/** nopreempt under state MASTER: one nopreempt-state-master error at 3:3, fixable (MASTER → BACKUP). */
export const STATE_MASTER = `vrrp_instance VI_1 {
  state MASTER
  nopreempt
  interface eth0
  virtual_router_id 51
  priority 100
  virtual_ipaddress {
    10.0.0.1
  }
}
`;
