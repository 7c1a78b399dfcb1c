// The target keepalived version: --target-version, then .keepalived-lint.json, then the
// keepalived installed on the machine (`keepalived --version`), then the newest release.
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempTree } from "./helpers.js";

// keepalived writes its banner to stderr.
const fakeKeepalived = (version: string) => `#!/bin/sh\necho "Keepalived v${version} (01/16,2022)" >&2\necho >&2\necho "Copyright(C) 2001-2022 Alexandre Cassen" >&2\n`;

describe("--target-version and its default", () => {
  const dir = tempTree({
    "bin/keepalived": fakeKeepalived("2.2.7"),
    "old/keepalived": fakeKeepalived("1.3.5"),
    "a.conf": "global_defs {\n  use_symlink_paths\n  vrrp_delay_after_boot 10\n}\n",
    "pinned/.keepalived-lint.json": JSON.stringify({ targetVersion: "2.3" }),
    "pinned/a.conf": "global_defs {\n  use_symlink_paths\n  vrrp_delay_after_boot 10\n}\n",
  });
  chmodSync(join(dir, "bin/keepalived"), 0o755);
  chmodSync(join(dir, "old/keepalived"), 0o755);
  const installed = { KEEPALIVED_LINT_KEEPALIVED: join(dir, "bin/keepalived") };
  const onPath = { KEEPALIVED_LINT_KEEPALIVED: undefined, PATH: `${join(dir, "bin")}:/usr/bin:/bin` };

  it("follows the installed keepalived: 2.2.7 knows neither use_symlink_paths nor vrrp_delay_after_boot", () => {
    const r = runCli(["-f", "compact", "a.conf"], { cwd: dir, env: installed });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('"use_symlink_paths" in global_defs is not known to keepalived 2.2.7 (added in 2.3.0)');
    expect(r.stdout).toContain('"vrrp_delay_after_boot" in global_defs is not known to keepalived 2.2.7 (added in 2.4.0)');
    // Detection is said in --print-config, not on every lint.
    expect(r.stderr).toBe("");
  });

  it("finds keepalived on PATH", () => {
    const c = JSON.parse(runCli(["--print-config", "a.conf"], { cwd: dir, env: onPath }).stdout);
    expect(c.targetVersion).toBe("2.2.7");
    // The banner is in the file's bytes (as in every keepalived binary): read, not run.
    expect(c.targetVersionFrom).toBe(`${join(dir, "bin/keepalived")} (its version banner): Keepalived v2.2.7 (01/16,2022)`);
  });

  it("reads the banner from the binary without running it, and asks --version when the bytes do not hold it", () => {
    const tree = tempTree({
      // Run, this prints nothing: a version can only come from its bytes.
      "silent/keepalived": "#!/bin/sh\nexit 1\n# Keepalived v2.2.4 (08/21,2021)\n",
      // Its banner is assembled when run: only asking finds it.
      "built/keepalived": '#!/bin/sh\nv=2.2.8\necho "Keepa""lived v$v (05/31,2023)" >&2\n',
      "a.conf": "global_defs {\n}\n",
    });
    chmodSync(join(tree, "silent/keepalived"), 0o755);
    chmodSync(join(tree, "built/keepalived"), 0o755);
    const config = (bin: string) => JSON.parse(runCli(["--print-config", "a.conf"], { cwd: tree, env: { KEEPALIVED_LINT_KEEPALIVED: join(tree, bin) } }).stdout);
    const silent = config("silent/keepalived");
    expect(silent.targetVersion).toBe("2.2.4");
    expect(silent.targetVersionFrom).toBe(`${join(tree, "silent/keepalived")} (its version banner): Keepalived v2.2.4 (08/21,2021)`);
    const built = config("built/keepalived");
    expect(built.targetVersion).toBe("2.2.8");
    expect(built.targetVersionFrom).toBe(`${join(tree, "built/keepalived")} --version: Keepalived v2.2.8 (05/31,2023)`);
  });

  it("the settings file wins over the installed keepalived, and says so", () => {
    const c = JSON.parse(runCli(["--print-config", "pinned/a.conf"], { cwd: dir, env: installed }).stdout);
    expect(c.targetVersion).toBe("2.3.4");
    expect(c.targetVersionFrom).toBe(join(dir, "pinned/.keepalived-lint.json"));
    const r = runCli(["-f", "compact", "pinned/a.conf"], { cwd: dir, env: installed });
    expect(r.stdout).not.toContain("use_symlink_paths");
    expect(r.stdout).toContain("(added in 2.4.0)");
  });

  it("--target-version wins over both", () => {
    const c = JSON.parse(runCli(["--print-config", "pinned/a.conf", "--target-version", "v2.4.0"], { cwd: dir, env: installed }).stdout);
    expect(c.targetVersion).toBe("2.4.0");
    expect(c.targetVersionFrom).toBe("--target-version");
    expect(runCli(["-f", "compact", "--target-version", "2.4.0", "a.conf"], { cwd: dir, env: installed }).code).toBe(0);
  });

  it("without a keepalived it is the newest release; a keepalived older than the schema counts as none", () => {
    const none = JSON.parse(runCli(["--print-config", "a.conf"], { cwd: dir }).stdout);
    expect(none.targetVersion).toBe("2.4.3");
    expect(none.targetVersionFrom).toBe("the newest release (no keepalived found to ask)");
    const old = JSON.parse(runCli(["--print-config", "a.conf"], { cwd: dir, env: { KEEPALIVED_LINT_KEEPALIVED: join(dir, "old/keepalived") } }).stdout);
    expect(old.targetVersion).toBe("2.4.3");
  });

  it("accepts every release from 2.0.19 and refuses the rest with the range", () => {
    for (const v of ["2.0.19", "2.1.5", "2.2.4", "2.3.1", "2.4.3", "HEAD", "newest"]) {
      expect(runCli(["-f", "compact", "--target-version", v, "--no-config", "--print-config", "a.conf"], { cwd: dir }).code, v).toBe(0);
    }
    const r = runCli(["--target-version", "2.0.18", "a.conf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--target-version must be a keepalived release from 2.0.19 to 2.4.3 (X.Y or X.Y.Z), HEAD or newest (got "2.0.18")');
  });

  it("a settings file with an unknown version is a configuration error", () => {
    const bad = tempTree({ ".keepalived-lint.json": JSON.stringify({ targetVersion: "1.4" }), "a.conf": "global_defs {\n}\n" });
    const r = runCli(["a.conf"], { cwd: bad });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"targetVersion" must be a keepalived release from 2.0.19');
  });
});
