// --write-baseline / --baseline / --prune-baseline: adopting the linter on configs that already have findings.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, STATE_MASTER, tempTree } from "./helpers.js";

const findings = (out: string) => out.trim().split("\n").filter((l) => l !== "");
const entries = (file: string) => JSON.parse(readFileSync(file, "utf8")).findings as { file: string; rule: string; block: string; text: string; count: number }[];

/** Two copies of one unknown keyword in one block: one entry with count 2. */
const TWICE = `vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority 100
  virtual_ipaddress {
    10.0.0.1
  }
  made_up_keyword 1
  made_up_keyword 1
}
`;

describe("baseline", () => {
  it("records today's findings by file, rule, block and line text, then reports nothing until something new appears", () => {
    const dir = tempTree({ "nodes/master.conf": STATE_MASTER });
    const written = runCli(["--write-baseline", "baseline.json", "nodes/master.conf"], { cwd: dir });
    expect(written.code).toBe(0);
    expect(written.stdout).toBe("");
    expect(written.stderr).toContain("recorded 1 finding in baseline.json");
    expect(entries(join(dir, "baseline.json"))).toEqual([
      { file: "nodes/master.conf", rule: "nopreempt-state-master", block: "vrrp_instance VI_1", text: "nopreempt", count: 1 },
    ]);

    const again = runCli(["-f", "compact", "--baseline", "baseline.json", "nodes/master.conf"], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("");

    // Lines move and indentation changes: still the same finding.
    writeFileSync(join(dir, "nodes/master.conf"), "# moved down\n\n" + STATE_MASTER.replace("  nopreempt", "      nopreempt"));
    expect(runCli(["-f", "compact", "--baseline", "baseline.json", "nodes/master.conf"], { cwd: dir }).stdout).toBe("");

    // The same mistake in another instance is new.
    writeFileSync(join(dir, "nodes/master.conf"), STATE_MASTER + STATE_MASTER.replace("VI_1", "VI_2").replace("51", "52").replace("10.0.0.1", "10.0.0.2"));
    const fresh = runCli(["-f", "compact", "--baseline", "baseline.json", "nodes/master.conf"], { cwd: dir });
    expect(fresh.code).toBe(1);
    expect(findings(fresh.stdout)).toEqual([expect.stringMatching(/^nodes\/master\.conf:13:3: error: .*\[nopreempt-state-master\]$/)]);
  });

  it("the block path names every enclosing block, and quoted or commented braces do not count", () => {
    const text = `vrrp_script "chk {x" {\n  script "/bin/true"   # a } in a comment\n}\nvrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  authentication {\n    auth_type PASS\n    made_up   1\n  }\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n`;
    const dir = tempTree({ "n.conf": text });
    runCli(["--write-baseline", "b.json", "n.conf"], { cwd: dir });
    expect(entries(join(dir, "b.json"))).toContainEqual({ file: "n.conf", rule: "unknown-keyword", block: "vrrp_instance VI_1 > authentication", text: "made_up 1", count: 1 });
  });

  it("paths are relative to the baseline file, so it works from any directory", () => {
    const dir = tempTree({ "etc/keepalived.conf": STATE_MASTER });
    expect(runCli(["--write-baseline", join(dir, "etc/baseline.json"), join(dir, "etc/keepalived.conf")]).code).toBe(0);
    expect(entries(join(dir, "etc/baseline.json"))[0].file).toBe("keepalived.conf");
    const r = runCli(["--baseline", "baseline.json", "keepalived.conf"], { cwd: join(dir, "etc") });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
  });

  it("an entry absorbs at most as many findings as it recorded", () => {
    const dir = tempTree({ "a.conf": TWICE });
    runCli(["--write-baseline", "b.json", "a.conf"], { cwd: dir });
    expect(entries(join(dir, "b.json")).filter((e) => e.rule === "unknown-keyword")).toEqual([
      { file: "a.conf", rule: "unknown-keyword", block: "vrrp_instance VI_1", text: "made_up_keyword 1", count: 2 },
    ]);
    writeFileSync(join(dir, "a.conf"), TWICE.replace("  made_up_keyword 1\n", "  made_up_keyword 1\n  made_up_keyword 1\n"));
    const r = runCli(["-f", "compact", "--baseline", "b.json", "a.conf"], { cwd: dir });
    expect(findings(r.stdout)).toHaveLength(1);
    expect(r.stdout).toContain("[unknown-keyword]");
  });

  it("says when recorded findings are gone, and --prune-baseline drops them from the file", () => {
    const dir = tempTree({ "a.conf": TWICE, "m.conf": STATE_MASTER });
    runCli(["--write-baseline", "b.json", "a.conf", "m.conf"], { cwd: dir });
    writeFileSync(join(dir, "m.conf"), STATE_MASTER.replace("MASTER", "BACKUP"));
    writeFileSync(join(dir, "a.conf"), TWICE.replace("  made_up_keyword 1\n", ""));

    const noted = runCli(["--baseline", "b.json", "a.conf", "m.conf"], { cwd: dir });
    expect(noted.code).toBe(0);
    expect(noted.stderr).toContain("2 findings in b.json no longer occur (drop them with --prune-baseline)");
    expect(entries(join(dir, "b.json")).map((e) => e.rule).sort()).toEqual(["nopreempt-state-master", "unknown-keyword"]);

    const pruned = runCli(["--baseline", "b.json", "--prune-baseline", "a.conf", "m.conf"], { cwd: dir });
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toContain("pruned 2 findings");
    expect(entries(join(dir, "b.json"))).toEqual([{ file: "a.conf", rule: "unknown-keyword", block: "vrrp_instance VI_1", text: "made_up_keyword 1", count: 1 }]);
    expect(runCli(["--baseline", "b.json", "a.conf", "m.conf"], { cwd: dir }).stderr).toBe("");
  });

  it("wrong use is a usage error with one line", () => {
    const dir = tempTree({ "m.conf": STATE_MASTER, "bad.json": "{\"findings\": 3}" });
    const cases: [string[], RegExp][] = [
      [["--prune-baseline", "m.conf"], /--prune-baseline needs a baseline file: give one with --baseline, or set "baseline" in \.keepalived-lint\.json/],
      [["--baseline", "missing.json", "m.conf"], /cannot read baseline missing\.json: no such file \(create it with --write-baseline\)/],
      [["--baseline", "bad.json", "m.conf"], /baseline bad\.json: expected \{"version": 1/],
      [["--baseline", "bad.json", "--write-baseline", "x.json", "m.conf"], /--write-baseline records every finding anew/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args, { cwd: dir });
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("the \"baseline\" setting names the file (relative to the settings file); --no-baseline reports everything", () => {
    const dir = tempTree({ ".keepalived-lint.json": '{ "baseline": "keepalived-lint-baseline.json", }', "etc/m.conf": STATE_MASTER });
    expect(runCli(["m.conf", "--write-baseline"], { cwd: join(dir, "etc") }).code).toBe(0);
    expect(entries(join(dir, "keepalived-lint-baseline.json"))).toEqual([expect.objectContaining({ file: "etc/m.conf", rule: "nopreempt-state-master" })]);
    expect(runCli(["etc/m.conf"], { cwd: dir }).stdout).toBe("");
    const all = runCli(["-f", "compact", "--no-baseline", "etc/m.conf"], { cwd: dir });
    expect(all.code).toBe(1);
    expect(all.stdout).toContain("[nopreempt-state-master]");
  });

  it("--write-baseline never overwrites a config taken for the baseline's name", () => {
    const dir = tempTree({ "m.conf": STATE_MASTER, "n.conf": STATE_MASTER });
    const r = runCli(["--write-baseline", "m.conf", "n.conf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/m\.conf exists and is not a baseline; not overwriting it/);
    expect(readFileSync(join(dir, "m.conf"), "utf8")).toBe(STATE_MASTER);
  });
});
