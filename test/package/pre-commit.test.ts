// The pre-commit hooks with the real `pre-commit` (Debian's 3.0.4): it clones
// this repository, runs npm install (the postinstall build) and npm pack, installs
// the tarball and runs the hook. Slow (a minute or more), so one environment is
// shared by all cases through PRE_COMMIT_HOME.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, onTestFinished, test } from "vitest";
import { REPO_MAIN, repoFragment } from "../repository-layout.js";

const ROOT = resolve(import.meta.dirname, "../..");
const hasPreCommit = spawnSync("pre-commit", ["--version"]).status === 0;
const home = mkdtempSync(join(tmpdir(), "kl-pc-home-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

function gitRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kl-pc-repo-"));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  const git = (...args: string[]) => spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd: dir });
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "configs");
  // Made inside a test: a hook for the test, since an afterAll registered while a test runs never runs.
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function preCommit(dir: string, args: string[]) {
  const r = spawnSync("pre-commit", [...args, "--color", "never"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: "1" },
    timeout: 12 * 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** `pre-commit try-repo` builds a fresh environment every time (about a minute): used once. */
const tryRepo = (dir: string, hook: string) => preCommit(dir, ["try-repo", ROOT, hook, "--all-files"]);

/** `pre-commit run` with this repository pinned at HEAD reuses one environment in PRE_COMMIT_HOME. */
function runHooks(dir: string, hooks: string[]) {
  const rev = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  writeFileSync(join(dir, ".pre-commit-config.yaml"), `repos:\n  - repo: ${ROOT}\n    rev: ${rev}\n    hooks:\n${hooks.map((h) => `      - id: ${h}\n`).join("")}`);
  // pre-commit refuses an unstaged configuration.
  spawnSync("git", ["add", ".pre-commit-config.yaml"], { cwd: dir });
  return preCommit(dir, ["run", "--all-files"]);
}

/** Installs the hooks into the repository's .git/hooks, as `pre-commit install` does for a user. */
function installHooks(dir: string, hooks: string[]) {
  const rev = spawnSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, encoding: "utf8" }).stdout.trim();
  writeFileSync(join(dir, ".pre-commit-config.yaml"), `repos:\n  - repo: ${ROOT}\n    rev: ${rev}\n    hooks:\n${hooks.map((h) => `      - id: ${h}\n`).join("")}`);
  const r = preCommit(dir, ["install"]);
  expect(r.code, r.out).toBe(0);
}

/** `git commit` of `files` (the installed hook runs on what is staged). */
function commit(dir: string, files: Record<string, string>) {
  for (const [p, text] of Object.entries(files)) writeFileSync(join(dir, p), text);
  spawnSync("git", ["add", "-A"], { cwd: dir });
  const r = spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-qm", "change"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, PRE_COMMIT_HOME: home, NO_COLOR: "1", PRE_COMMIT_COLOR: "never" },
    timeout: 12 * 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** keepalived.conf defines the tracked script and includes its fragments by their host path. */
const MAIN = REPO_MAIN;
const fragment = repoFragment;

const broken = readFileSync(join(ROOT, "examples/memcached-three-nodes/node1.conf"), "utf8");
const clean = "global_defs {\n  router_id lb1\n}\n";

describe.skipIf(!hasPreCommit)("pre-commit hooks (real pre-commit)", () => {
  test("try-repo keepalived-lint fails on the broken config and names its finding", () => {
    const both = gitRepo({ "keepalived/keepalived.conf": broken, "keepalived/clean.conf": clean, "README.md": "not a config\n" });
    const r = tryRepo(both, "keepalived-lint");
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/keepalived-lint\.+Failed/);
    expect(r.out).toContain("keepalived/keepalived.conf");
    expect(r.out).toContain("nopreempt-weighted-tracking");
    expect(r.out).not.toContain("README.md");
  }, 15 * 60_000);

  test("with only a clean config the hook passes", () => {
    const onlyClean = gitRepo({ "keepalived/keepalived.conf": clean });
    const ok = runHooks(onlyClean, ["keepalived-lint"]);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/keepalived-lint\.+Passed/);
  }, 15 * 60_000);

  test("keepalived-lint-fix repairs a fixable config", () => {
    const dir = gitRepo({ "etc/keepalived/keepalived.conf": broken });
    const r = runHooks(dir, ["keepalived-lint-fix"]);
    // pre-commit fails a hook that modified files; the file must now be fixed.
    expect(r.code, r.out).toBe(1);
    const fixed = readFileSync(join(dir, "etc/keepalived/keepalived.conf"), "utf8");
    // The safe fix sets weight 0 on the instance's own tracker line, never in the shared vrrp_script.
    expect(fixed).toContain("    chk_memcached weight 0\n");
    expect(fixed.replace("    chk_memcached weight 0\n", "    chk_memcached\n")).toBe(broken);
    const again = runHooks(dir, ["keepalived-lint-fix"]);
    expect(again.code, again.out).toBe(0);
  }, 15 * 60_000);

  test("keepalived-format rewrites a config into the canonical layout, then passes", () => {
    const messy = "global_defs{\nrouter_id   lb1\n}\n";
    const dir = gitRepo({ "keepalived.conf": messy });
    const r = runHooks(dir, ["keepalived-format"]);
    expect(r.code, r.out).toBe(1);
    const formatted = readFileSync(join(dir, "keepalived.conf"), "utf8");
    expect(formatted).toBe("global_defs {\n    router_id lb1\n}\n");
    const again = runHooks(dir, ["keepalived-format"]);
    expect(again.code, again.out).toBe(0);
  }, 15 * 60_000);

  test("a commit touching only a fragment: clean passes, a real mistake fails on the fragment's line", () => {
    const dir = gitRepo({ "keepalived/keepalived.conf": MAIN, "keepalived/conf.d/10-web.conf": fragment(100) });
    installHooks(dir, ["keepalived-lint"]);
    // The fragment tracks a script only keepalived.conf defines: linted alone it would fail (undefined-tracked-object).
    const clean = commit(dir, { "keepalived/conf.d/10-web.conf": fragment(110) });
    expect(clean.code, clean.out).toBe(0);
    expect(clean.out).toMatch(/keepalived-lint\.+Passed/);
    const bad = commit(dir, { "keepalived/conf.d/10-web.conf": fragment(300) });
    expect(bad.code, bad.out).toBe(1);
    expect(bad.out).toMatch(/keepalived-lint\.+Failed/);
    expect(bad.out).toContain("keepalived/conf.d/10-web.conf\n  5:12  error");
    expect(bad.out).toContain('"priority" value "300" is outside 1..255');
    expect(bad.out).not.toContain("undefined-tracked-object");
  }, 15 * 60_000);
});
