// --fix and format --write never leave a half-written configuration: the new
// text replaces the old in one rename, keeping mode and symlinks; read-only
// files are refused. The kill test stops the process at seeded random moments.
import { spawn } from "node:child_process";
import { chmodSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliPath, STATE_MASTER, tempTree } from "../cli/helpers.js";
import { createRng } from "../oracle/mutants.js";
import { runTimed } from "./helpers.js";

/** Unformatted (2-space indentation) and large enough that writing it takes a while. */
function bigConfig(n: number): string {
  return Array.from({ length: n }, (_, i) => `vrrp_instance VI_${i} {\n  state BACKUP\n  interface eth0\n  virtual_router_id ${(i % 255) + 1}\n  priority 100\n  virtual_ipaddress {\n    10.0.${i % 250}.1\n  }\n}\n`).join("");
}


describe("writing configurations back", () => {
  it("format --write keeps the mode and writes through a symlink to its target", () => {
    const dir = tempTree({ "real/keepalived.conf": "global_defs {\n  router_id a\n}\n" });
    const target = join(dir, "real/keepalived.conf");
    chmodSync(target, 0o640);
    const link = join(dir, "link.conf");
    symlinkSync("real/keepalived.conf", link);
    const r = runTimed(["format", "--write", "link.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("real/keepalived.conf");
    expect(readFileSync(target, "utf8")).toBe("global_defs {\n    router_id a\n}\n");
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it("--fix writes through a symlink too", () => {
    const dir = tempTree({ "real.conf": STATE_MASTER });
    symlinkSync("real.conf", join(dir, "link.conf"));
    const r = runTimed(["--fix", "link.conf"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(lstatSync(join(dir, "link.conf")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.conf"), "utf8")).toBe(STATE_MASTER.replace("  nopreempt\n", ""));
  });

  it("refuses a read-only file with a message (also as root)", () => {
    const dir = tempTree({ "ro.conf": "global_defs {\n  router_id a\n}\n", "ro-fix.conf": STATE_MASTER });
    chmodSync(join(dir, "ro.conf"), 0o444);
    chmodSync(join(dir, "ro-fix.conf"), 0o444);
    const f = runTimed(["format", "--write", "ro.conf"], { cwd: dir });
    expect(f.code).toBe(2);
    expect(f.stderr).toContain("ro.conf is read-only; not written");
    expect(readFileSync(join(dir, "ro.conf"), "utf8")).toBe("global_defs {\n  router_id a\n}\n");
    const x = runTimed(["--fix", "ro-fix.conf"], { cwd: dir });
    expect(x.stderr).toContain("ro-fix.conf is read-only; not written");
    expect(readFileSync(join(dir, "ro-fix.conf"), "utf8")).toBe(STATE_MASTER);
  });

  it("killing format --write at random moments leaves the old file or the new one, never a mix", async () => {
    const before = bigConfig(3000);
    const dir = tempTree({ "expected.conf": before });
    const done = runTimed(["format", "--write", "expected.conf"], { cwd: dir });
    expect(done.code).toBe(0);
    const after = readFileSync(join(dir, "expected.conf"), "utf8");
    expect(after).not.toBe(before);
    // a fixed seed gives the same kill moments on every run
    const random = createRng(24);
    const seen = { old: 0, new: 0 };
    for (let i = 0; i < 12; i++) {
      const file = join(dir, `k${i}.conf`);
      writeFileSync(file, before);
      const child = spawn(process.execPath, [cliPath, "format", "--write", file], { stdio: "ignore" });
      const delay = Math.floor(random() * Math.max(50, done.ms * 1.2));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill("SIGKILL"), delay);
        child.on("exit", () => {
          clearTimeout(timer);
          resolve();
        });
      });
      const now = readFileSync(file, "utf8");
      expect(now === before || now === after, `kill after ${delay} ms left a file of ${now.length} characters`).toBe(true);
      seen[now === before ? "old" : "new"]++;
    }
    // The moments span the run: some kills came before the rename.
    expect(seen.old).toBeGreaterThan(0);
  }, 120_000);
});
