// A command line of paths alone is linted without building commander's program (start-up,
// issue 21): it must mean exactly what the same paths mean with the options at their defaults.
import { describe, expect, it } from "vitest";
import { CLEAN, examples, runCli, STATE_MASTER, tempTree } from "./helpers.js";

describe("a command line of paths alone", () => {
  const dir = tempTree({ "clean.conf": CLEAN, "master.conf": STATE_MASTER, "sub/master.conf": STATE_MASTER });

  it.each([
    [["master.conf"]],
    [["clean.conf", "master.conf"]],
    [["sub"]],
    [["*.conf"]],
  ])("%j reports what it reports with --format stylish spelled out", (paths) => {
    const plain = runCli(paths, { cwd: dir });
    const spelled = runCli(["--format", "stylish", ...paths], { cwd: dir });
    expect(plain.code).toBe(spelled.code);
    expect(plain.stdout).toBe(spelled.stdout);
    expect(plain.stderr).toBe(spelled.stderr);
  });

  it("uses the default format and severities", () => {
    const r = runCli(["master.conf"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("master.conf\n  3:3  error");
    expect(r.stdout).toContain("nopreempt-state-master");
  });

  it("a missing file is a usage error, as through the option parser", () => {
    const r = runCli(["missing.conf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing.conf: no such file or directory");
    expect(r.stdout).toBe("");
  });

  it("a subcommand name still runs the subcommand", () => {
    const r = runCli(["rules"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("nopreempt-weighted-tracking");
  });

  it("an option anywhere goes through the option parser", () => {
    const r = runCli([`${examples}/node1.conf`, "-f", "compact"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/node1\.conf:35:5: error: .*\[nopreempt-weighted-tracking\]/);
  });
});
