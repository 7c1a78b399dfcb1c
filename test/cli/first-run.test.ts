// What a newcomer meets first: every bin answers --help and --version, a
// command with nothing to read says what it expects instead of waiting, and
// npm prints its normal output while `npm pack` still prints only the
// tarball's name (pre-commit reads that name from pack's standard output).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { cliPath, repoRoot } from "./helpers.js";

const serverPath = join(inject("builtRoot"), "src/lsp/bin.js");
const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("every bin answers --help and --version", () => {
  it("keepalived-language-server --help prints its usage and exits 0", () => {
    const r = spawnSync(process.execPath, [serverPath, "--help"], { encoding: "utf8", timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: keepalived-language-server/);
    expect(r.stdout).toContain("--stdio");
  });

  it("keepalived-language-server --version prints the package's version", () => {
    const r = spawnSync(process.execPath, [serverPath, "--version"], { encoding: "utf8", timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it("keepalived-lint --version names the package's version", () => {
    const r = spawnSync(process.execPath, [cliPath, "--version"], { encoding: "utf8", timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(version);
  });
});

describe("a command with nothing to read says so", () => {
  it.skipIf(!hasScript)("format with no path and a terminal on stdin is a usage error, not a wait", () => {
    // script(1) gives the command a pty as stdin; the timeout would fire if it waited for input.
    const r = spawnSync("script", ["-qec", `"${process.execPath}" "${cliPath}" format; echo "exit=$?"`, "/dev/null"], {
      encoding: "utf8",
      timeout: 30_000,
      input: "",
    });
    expect(r.signal).toBeNull();
    expect(r.stdout).toContain("format: no input");
    expect(r.stdout).toContain("exit=2");
  });

  it("format with no path reads a piped stdin as before", () => {
    const r = spawnSync(process.execPath, [cliPath, "format"], { encoding: "utf8", input: "global_defs {\nrouter_id a\n}\n", timeout: 20_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("global_defs {\n    router_id a\n}\n");
  });
});

describe("npm speaks normally in this repository", () => {
  it("npm pack prints only the tarball's name on standard output", () => {
    const dest = mkdtempSync(join(tmpdir(), "kl-pack-"));
    try {
      const r = spawnSync("npm", ["pack", "--pack-destination", dest], { cwd: repoRoot, encoding: "utf8", timeout: 120_000 });
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(`keepalived-lint-${version}.tgz`);
    } finally {
      rmSync(dest, { recursive: true, force: true });
    }
  });

  it("a missing npm script is reported, not swallowed", () => {
    const r = spawnSync("npm", ["run", "no-such-script"], { cwd: repoRoot, encoding: "utf8", timeout: 60_000 });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("Missing script");
  });
});
