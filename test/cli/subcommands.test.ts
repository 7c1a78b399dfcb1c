import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, runCli, tempTree } from "./helpers.js";

describe("subcommands", () => {
  it("rules: a table row per rule with severity, category, fixable", () => {
    const r = runCli(["rules"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id\s+severity\s+category\s+fixable\s+keepalived\s+description$/);
    // One row per rule of the same build (rules --json lists its metadata).
    const metas = JSON.parse(runCli(["rules", "--json"]).stdout) as { id: string }[];
    expect(metas.length).toBeGreaterThanOrEqual(20);
    expect(lines.slice(1).map((l) => l.split(" ")[0])).toEqual(metas.map((m) => m.id));
    const row = lines.find((l) => l.startsWith("nopreempt-weighted-tracking "));
    // "some": a weight that counts while the check succeeds gets only a suggestion (issue 17).
    expect(row?.split(/\s{2,}/).slice(0, 5)).toEqual(["nopreempt-weighted-tracking", "error", "ha", "some", "every release"]);
  });

  it("rules --target-version lists the rules that run for that release, with their ranges", () => {
    const all = runCli(["rules"]).stdout;
    expect(all.split("\n").find((l) => l.startsWith("script-path-through-symlink "))?.split(/\s{2,}/)[4]).toBe("2.3.0 and newer");
    const old = runCli(["rules", "--target-version", "2.2.7"]);
    expect(old.code).toBe(0);
    expect(old.stdout).not.toContain("script-path-through-symlink");
    expect(old.stdout).toContain("nopreempt-weighted-tracking");
    expect(runCli(["rules", "--target-version", "2.3"]).stdout).toContain("script-path-through-symlink");
    expect(runCli(["rules", "--target-version", "1.2"]).code).toBe(2);
  });

  it("explain names the releases a rule runs for, and the version rule lists what came when", () => {
    expect(runCli(["explain", "script-path-through-symlink"]).stdout).toContain("Runs for keepalived 2.3.0 and newer.");
    const v = runCli(["explain", "unsupported-in-target-version"]).stdout;
    expect(v).toMatch(/- added in 2\.4\.0: .*`vrrp_delay_after_boot` \(global_defs\)/);
    expect(v).toMatch(/- added in 2\.3\.0: .*`use_symlink_paths` \(global_defs\)/);
    expect(v).toContain("- 2.2.8 and newer: umask written with symbolic names");
  });

  it("explain: prints the rule's docs page", () => {
    const r = runCli(["explain", "nopreempt-weighted-tracking"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(repoRoot, "docs/rules/nopreempt-weighted-tracking.md"), "utf8"));
  });

  it("explain works from any working directory (docs are found from the package)", () => {
    const r = runCli(["explain", "nopreempt-state-master"], { cwd: "/" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# nopreempt-state-master\n/);
  });

  it("explain: unknown rule is a usage error", () => {
    const r = runCli(["explain", "no-such-rule"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('keepalived-lint: unknown rule "no-such-rule" (list them with: keepalived-lint rules)\n');
  });

  it("parse --json: nodes with name, kind, args with positions, children, file; no parent links", () => {
    const dir = tempTree({
      "k.conf": "global_defs {\n  router_id lb1\n}\ninclude extra.conf\n",
      "extra.conf": 'vrrp_script chk {\n  script "/bin/true"\n}\n}\n',
    });
    const r = runCli(["parse", "--json", "k.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.roots).toEqual([join(dir, "k.conf")]);
    const [global, script] = out.children;
    expect(global).toMatchObject({ name: "global_defs", kind: "keyword", file: join(dir, "k.conf"), line: 1, column: 1 });
    expect(global.children[0]).toMatchObject({ name: "router_id", line: 2, column: 3, args: [{ text: "lb1", quoted: false, line: 2, column: 13 }] });
    expect(script).toMatchObject({ name: "vrrp_script", file: join(dir, "extra.conf"), args: [{ text: "chk", line: 1, column: 13 }] });
    expect(script.children[0].args[0]).toMatchObject({ text: "/bin/true", quoted: true });
    expect(r.stdout).not.toContain('"parent"');
    expect(out.diagnostics).toEqual([expect.objectContaining({ file: join(dir, "extra.conf"), ruleId: "unbalanced-brace", line: 4, column: 1 })]);
  });

  it("parse --json: streamed in JSON.stringify's two-space layout, with synthetic words, blocks and empty lists", () => {
    const dir = tempTree({
      "k.conf": '$IF=eth0\nvrrp_instance "VI 1" {\n  interface $IF\n  track_script {\n  }\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\nvrrp_script chk {\n',
    });
    const r = runCli(["parse", "--json", "k.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.children[0].children[0].args[0]).toMatchObject({ text: "eth0", synthetic: true });
    expect(out.children[1].block).toEqual({ kind: "keywords", childContext: "vrrp_script", closed: false });
    expect(r.stdout).toBe(JSON.stringify(out, null, 2) + "\n");
  });

  it("parse without --json prints an outline", () => {
    const dir = tempTree({ "k.conf": "global_defs {\n  router_id lb1\n}\n" });
    const r = runCli(["parse", "k.conf"], { cwd: dir });
    expect(r.stdout).toBe("global_defs  k.conf:1:1\n  router_id lb1  k.conf:2:3\n");
  });

  it("parse reads @id lines with the config id lint would use: --config-id, else the settings file's", () => {
    const dir = tempTree({ "k.conf": "global_defs {\n@lb1 router_id one\n@lb2 router_id two\n}\n", ".keepalived-lint.json": JSON.stringify({ configId: "lb2" }) });
    expect(runCli(["parse", "k.conf"], { cwd: dir }).stdout).toBe("global_defs  k.conf:1:1\n  router_id two  k.conf:3:6\n");
    expect(runCli(["parse", "--config-id", "lb1", "k.conf"], { cwd: dir }).stdout).toBe("global_defs  k.conf:1:1\n  router_id one  k.conf:2:6\n");
  });

  it("parse reads /etc/keepalived/ includes from the checkout's copy, as lint does", () => {
    const dir = tempTree({ ".git/HEAD": "", "keepalived/keepalived.conf": "include /etc/keepalived/conf.d/*.conf\n", "keepalived/conf.d/a.conf": "global_defs {\n  router_id lb1\n}\n" });
    const r = runCli(["parse", "keepalived/keepalived.conf"], { cwd: dir });
    expect(r.stdout).toBe("global_defs  keepalived/conf.d/a.conf:1:1\n  router_id lb1  keepalived/conf.d/a.conf:2:3\n");
  });

  it("parse keeps the quotes of quoted words: keepalived reads script \"a b\" as one word", () => {
    const dir = tempTree({ "k.conf": 'vrrp_script chk {\n  script "/usr/bin/killall -0 haproxy"\n}\n' });
    const r = runCli(["parse", "k.conf"], { cwd: dir });
    expect(r.stdout).toContain('  script "/usr/bin/killall -0 haproxy"  k.conf:2:3\n');
  });

  it("--version prints the package version and the keepalived versions the schema knows", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));
    const r = runCli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`keepalived-lint ${pkg.version}\nkeepalived versions known to the schema: 2.0.19 to 2.4.3 (every release), and HEAD\n`);
  });

  // Subcommands are loaded only when the command line names one (or asks for help): both paths must agree.
  it("--help lists every subcommand; a subcommand runs after main options too", () => {
    const help = runCli(["--help"]).stdout;
    const commands = help.slice(help.indexOf("Commands:")).split("\n\n")[0].split("\n").slice(1).filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim().split(" ")[0]);
    expect(commands).toEqual(["rules", "explain", "parse", "cluster", "format", "lsp"]);
    const r = runCli(["--no-color", "rules", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)[0]).toHaveProperty("id");
  });
});
