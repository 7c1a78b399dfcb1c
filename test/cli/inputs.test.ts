import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLEAN, examples, runCli, STATE_MASTER, tempTree } from "./helpers.js";

const files = (stdout: string) => stdout.trim().split("\n").filter((l) => l !== "").map((l) => l.split(":").slice(0, 3).join(":"));

describe("inputs", () => {
  const dir = tempTree({
    "site/keepalived.conf": "include conf.d/*.conf\ninclude vrrp.conf\n",
    "site/vrrp.conf": STATE_MASTER,
    "site/conf.d/a.conf": STATE_MASTER.replace("VI_1", "VI_2").replace("router_id 51", "router_id 52"),
    "site/notes.txt": STATE_MASTER,
    "nodes/n1.conf": STATE_MASTER,
    "nodes/deep/n2.conf": STATE_MASTER,
    "nodes/clean.conf": CLEAN,
    "empty/README": "",
    "samples/keepalived.conf.vrrp": STATE_MASTER,
    "samples/keepalived.conf.bak": STATE_MASTER,
    "samples/old.conf~": STATE_MASTER,
    "samples/keepalived.conf.rpmsave": STATE_MASTER,
  });

  it("stdin with -; --stdin-filename names it and places relative includes", () => {
    const plain = runCli(["--no-config", "-f", "compact", "-"], { input: STATE_MASTER, cwd: dir });
    expect(files(plain.stdout)).toEqual(["<stdin>:3:3"]);
    expect(plain.code).toBe(1);
    const named = runCli(["--no-config", "-f", "compact", "-", "--stdin-filename", "site/keepalived.conf"], { input: "include vrrp.conf\n", cwd: dir });
    expect(files(named.stdout)).toEqual(["site/vrrp.conf:3:3"]);
  });

  it("a directory contributes its *.conf files; a file another one includes is checked through it only", () => {
    const r = runCli(["--no-config", "-f", "compact", "site"], { cwd: dir });
    // vrrp.conf is included by keepalived.conf: reported once, under its own path.
    expect(files(r.stdout)).toEqual(["site/conf.d/a.conf:3:3", "site/vrrp.conf:3:3"]);
    expect(r.code).toBe(1);
  });

  it("a directory also contributes keepalived.conf.<name> samples, but no backups", () => {
    const r = runCli(["--no-config", "-f", "compact", "samples"], { cwd: dir });
    expect(files(r.stdout)).toEqual(["samples/keepalived.conf.vrrp:3:3"]);
  });

  it("a named file that another named file includes: its findings once, the includer's too", () => {
    const r = runCli(["--no-config", "-f", "json", "site/keepalived.conf", "site/vrrp.conf"], { cwd: dir });
    const out = JSON.parse(r.stdout) as { filePath: string; messages: unknown[] }[];
    expect(out.map((f) => [f.filePath, f.messages.length])).toEqual([
      [join(dir, "site/conf.d/a.conf"), 1],
      [join(dir, "site/keepalived.conf"), 0],
      [join(dir, "site/vrrp.conf"), 1],
    ]);
  });

  it("findings in included files are reported under the included file", () => {
    const r = runCli(["--no-config", "-f", "json", "site/keepalived.conf"], { cwd: dir });
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    const a = out.find((f) => f.filePath === join(dir, "site/conf.d/a.conf"));
    expect(a?.messages.map((m) => [m.ruleId, m.line])).toEqual([["nopreempt-state-master", 3]]);
  });

  it("globs, including **, expand to matching files", () => {
    expect(files(runCli(["--no-config", "-f", "compact", "nodes/*.conf"], { cwd: dir }).stdout)).toEqual(["nodes/n1.conf:3:3"]);
    expect(files(runCli(["--no-config", "-f", "compact", "nodes/**/*.conf"], { cwd: dir }).stdout)).toEqual(["nodes/deep/n2.conf:3:3", "nodes/n1.conf:3:3"]);
    expect(files(runCli(["--no-config", "-f", "compact", "nodes/{n1,clean}.conf"], { cwd: dir }).stdout)).toEqual(["nodes/n1.conf:3:3"]);
  });

  it("a directory without *.conf files is a usage error", () => {
    const r = runCli(["empty"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("keepalived-lint: no keepalived configs (*.conf) in directory empty\n");
  });

  it("devices are refused, not read", () => {
    const r = runCli(["/dev/zero"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("keepalived-lint: /dev/zero is not a regular file\n");
  });

  it("the three example nodes as a directory: both seed rules, one finding per node", () => {
    const r = runCli(["-f", "compact", examples]);
    expect(r.code).toBe(1);
    const found = r.stdout.trim().split("\n").map((l) => `${l.split(":")[0].split("/").pop()} ${/\[([a-z-]+)\]$/.exec(l)?.[1]}`);
    // node3 says state MASTER, so its nopreempt is cleared and its weight is not reported (until fixed).
    expect(found).toEqual(["node1.conf nopreempt-weighted-tracking", "node2.conf nopreempt-weighted-tracking", "node3.conf nopreempt-state-master"]);
  });

  it("--fix repairs the example (node3's ignored nopreempt goes, the others get weight 0 on their tracker line) and the fixed nodes lint clean", () => {
    const dir = tempTree({});
    for (const n of ["node1.conf", "node2.conf", "node3.conf"]) writeFileSync(join(dir, n), readFileSync(join(examples, n), "utf8"));
    expect(runCli(["--fix", dir]).code).toBe(0);
    const node3 = readFileSync(join(dir, "node3.conf"), "utf8");
    expect(node3).toContain("  state MASTER\n");
    expect(node3).not.toContain("  nopreempt\n");
    expect(readFileSync(join(dir, "node1.conf"), "utf8")).toContain("    chk_memcached weight 0\n");
    const again = runCli(["-f", "compact", dir]);
    expect(again.stdout).toBe("");
    expect(again.code).toBe(0);
  });
});
