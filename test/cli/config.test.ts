import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, STATE_MASTER, tempTree } from "./helpers.js";

const compact = (out: string) => out.trim().split("\n").filter((l) => l !== "");

describe("configuration", () => {
  const dir = tempTree({
    ".keepalived-lint.json": JSON.stringify({ rules: { "nopreempt-state-master": "warning" }, ignore: ["vendor/**", "skip-*.conf"] }),
    "master.conf": STATE_MASTER,
    "skip-me.conf": STATE_MASTER,
    "vendor/x.conf": STATE_MASTER,
    "sub/master.conf": STATE_MASTER,
    "sub/quiet/.keepalived-lint.json": JSON.stringify({ rules: { "nopreempt-state-master": "off" } }),
    "sub/quiet/master.conf": STATE_MASTER,
    "other.json": JSON.stringify({ rules: { "nopreempt-state-master": "info" } }),
    // @id lines: only the line for the selected config id is read.
    "ids/ids.conf": "@lb1 vrrp_instance VI_1 {\n@lb2 vrrp_instance VI_2 {\n  state MASTER\n  nopreempt\n  interface eth0\n  virtual_router_id 51\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n",
  });

  it("finds .keepalived-lint.json upward from each file; the nearest one wins", () => {
    const r = runCli(["-f", "compact", "master.conf", "sub/master.conf", "sub/quiet/master.conf"], { cwd: dir });
    expect(compact(r.stdout).map((l) => l.split(": ")[0] + ": " + l.split(": ")[1])).toEqual(["master.conf:3:3: warning", "sub/master.conf:3:3: warning"]);
    expect(r.code).toBe(0);
  });

  it("--rule overrides the config file", () => {
    const r = runCli(["-f", "compact", "--rule", "nopreempt-state-master:error", "sub/quiet/master.conf"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("sub/quiet/master.conf:3:3: error:");
  });

  it("--no-config ignores config files; --config uses the given one only", () => {
    expect(runCli(["-f", "compact", "--no-config", "sub/quiet/master.conf"], { cwd: dir }).stdout).toContain(": error: ");
    const r = runCli(["-f", "compact", "--config", "other.json", "sub/quiet/master.conf"], { cwd: dir });
    expect(r.stdout).toContain(": info: ");
    expect(r.code).toBe(0);
  });

  it("ignore globs skip files found in directories, and explicitly named ones with a note", () => {
    const r = runCli(["-f", "compact", "."], { cwd: dir });
    // The walk is recursive: sub/ and ids/ are linted, vendor/ and skip-me.conf are not (sub/quiet/ has the rule off).
    expect([...new Set(compact(r.stdout).map((l) => l.split(":")[0]))]).toEqual(["ids/ids.conf", "master.conf", "sub/master.conf"]);
    const named = runCli(["-f", "compact", "skip-me.conf", "vendor/x.conf"], { cwd: dir });
    expect(named.stdout).toBe("");
    expect(named.code).toBe(0);
    expect(named.stderr).toContain('skip-me.conf skipped: matches ignore pattern "skip-*.conf"');
    expect(named.stderr).toContain('vendor/x.conf skipped: matches ignore pattern "vendor/**"');
  });

  it("--print-config shows the settings that apply to a file", () => {
    const r = runCli(["--print-config", "sub/quiet/master.conf", "--target-version", "2.2.7", "--config-id", "lb9"], { cwd: dir });
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(c.configFile).toBe(join(dir, "sub/quiet/.keepalived-lint.json"));
    expect(c.targetVersion).toBe("2.2.7");
    expect(c.configId).toBe("lb9");
    expect(c.rules["nopreempt-state-master"]).toBe("off");
    expect(c.rules["nopreempt-weighted-tracking"]).toBe("error");
  });

  it("config id defaults to the host's short name", () => {
    const c = JSON.parse(runCli(["--print-config", "master.conf"], { cwd: dir }).stdout);
    expect(c.configId).toBe(hostname().split(".")[0]);
  });

  it("--config-id selects @id lines", () => {
    const lb2 = runCli(["-f", "compact", "--no-config", "--config-id", "lb2", "ids/ids.conf"], { cwd: dir });
    expect(lb2.stdout).toContain('vrrp_instance "VI_2"');
    const lb1 = runCli(["-f", "compact", "--no-config", "--config-id", "lb1", "ids/ids.conf"], { cwd: dir });
    expect(lb1.stdout).toContain('vrrp_instance "VI_1"');
  });

  it("an unknown rule in a config file is a configuration error (exit 2)", () => {
    const bad = tempTree({ ".keepalived-lint.json": JSON.stringify({ rules: { "no-such-rule": "off" } }), "a.conf": STATE_MASTER });
    const r = runCli(["a.conf"], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`keepalived-lint: ${join(bad, ".keepalived-lint.json")}: unknown rule "no-such-rule" (list them with: keepalived-lint rules)\n`);
  });
});

describe("suppression comments", () => {
  const suppressed = STATE_MASTER.replace("  nopreempt\n", "  # keepalived-lint disable-next-line nopreempt-state-master -- planned\n  nopreempt\n");
  const unused = `# keepalived-lint disable-next-line nopreempt-state-master\nvrrp_script chk {\n  script "/bin/true"\n}\n`;
  const dir = tempTree({ "suppressed.conf": suppressed, "unused.conf": unused });

  it("a disable comment silences the finding", () => {
    const r = runCli(["--no-config", "suppressed.conf"], { cwd: dir });
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
  });

  it("--report-unused-disable-directives reports comments that suppress nothing", () => {
    expect(runCli(["--no-config", "-f", "compact", "unused.conf"], { cwd: dir }).stdout).not.toContain("unused-disable-directive");
    const r = runCli(["--no-config", "-f", "compact", "--report-unused-disable-directives", "unused.conf"], { cwd: dir });
    expect(r.stdout).toMatch(/^unused\.conf:1:1: warning: .*\[unused-disable-directive\]$/m);
  });
});
