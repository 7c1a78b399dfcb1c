import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLEAN, cliPath, examples, runCli, STATE_MASTER, tempTree } from "./helpers.js";

describe("exit codes", () => {
  const dir = tempTree({ "clean.conf": CLEAN, "master.conf": STATE_MASTER, "bad/.keepalived-lint.json": "{ nope", "bad/x.conf": CLEAN });

  it("0 when nothing is reported", () => {
    const r = runCli(["clean.conf"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
  });

  it("1 for the three-node example (nopreempt with a weighted tracker)", () => {
    const r = runCli([`${examples}/node1.conf`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("nopreempt-weighted-tracking");
    expect(r.stdout).toContain("35:5");
  });

  it("1 for too many warnings, 0 within --max-warnings", () => {
    const asWarning = ["--rule", "nopreempt-state-master:warning", "master.conf"];
    expect(runCli(asWarning, { cwd: dir }).code).toBe(0);
    expect(runCli([...asWarning, "--max-warnings", "1"], { cwd: dir }).code).toBe(0);
    const over = runCli([...asWarning, "--max-warnings", "0"], { cwd: dir });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("too many warnings");
  });

  it("info findings never fail the run", () => {
    expect(runCli(["--rule", "nopreempt-state-master:info", "--max-warnings", "0", "master.conf"], { cwd: dir }).code).toBe(0);
  });

  it.each([
    [["--bogus"], "unknown option '--bogus'"],
    [["missing.conf"], "missing.conf: no such file or directory"],
    [["-f", "xml", "clean.conf"], "Allowed choices are stylish, compact, json, sarif, github"],
    [["--rule", "no-such-rule:off", "clean.conf"], 'unknown rule "no-such-rule"'],
    [["--rule", "nopreempt-state-master", "clean.conf"], "--rule expects id:severity"],
    [["--target-version", "1.0", "clean.conf"], "--target-version must be a keepalived release from 2.0.19 to 2.4.3"],
    [["--max-warnings", "lots", "clean.conf"], "--max-warnings expects an integer"],
    [["bad/x.conf"], ".keepalived-lint.json:1:3: expected a property name in double quotes or \"}\", found \"n\""],
    [["--config", "nothing.json", "clean.conf"], "--config:"],
    [["--stdin-filename", "x.conf", "clean.conf"], "--stdin-filename needs -"],
    [["*.nothing"], "no files match *.nothing"],
  ])("2 with one line for usage and configuration errors: %j", (args, message) => {
    const r = runCli(args, { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines[0]).toMatch(/^keepalived-lint: /);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("1 when the reader of the report closes the pipe early (pipefail), with nothing on stderr", () => {
    // Far more report than a pipe holds, so the write meets the closed pipe.
    const many = tempTree({ "many.conf": Array.from({ length: 3000 }, (_, i) => `bogus_keyword_${i} x\n`).join("") });
    const script = `"$0" "$1" "$2" 2>"$3" | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}"`;
    const err = join(many, "stderr.txt");
    const r = spawnSync("bash", ["-c", script, process.execPath, cliPath, join(many, "many.conf"), err], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.stdout.trim()).toBe("status=1");
    expect(spawnSync("cat", [err], { encoding: "utf8" }).stdout).toBe("");
  });

  it("2 with no path when /etc/keepalived/keepalived.conf is absent", () => {
    // The test machine may have keepalived's default config; only check the message when it does not.
    const r = runCli([], { cwd: dir });
    if (r.code === 2) expect(r.stderr).toContain("/etc/keepalived/keepalived.conf does not exist");
    else expect([0, 1]).toContain(r.code);
  });

  it("3 for an internal error (test hook), with no stack unless KEEPALIVED_LINT_DEBUG is set", () => {
    const r = runCli(["clean.conf"], { cwd: dir, env: { KEEPALIVED_LINT_INTERNAL_ERROR_TEST: "1" } });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^keepalived-lint: internal error: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const debug = runCli(["clean.conf"], { cwd: dir, env: { KEEPALIVED_LINT_INTERNAL_ERROR_TEST: "1", KEEPALIVED_LINT_DEBUG: "1" } });
    expect(debug.code).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at /);
    // The bundle's identifiers are minified; the debug run's stack names the real function and module.
    expect(debug.stderr).toMatch(/\n\s+at lintCommand \(.*commands[\\/]lint\.js:\d+:\d+\)/);
  });

  it("0 for --help, which shows examples", () => {
    const r = runCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Examples:");
    expect(r.stdout).toContain("--fix-dry-run");
  });
});
