/**
 * Repository mode (issue 19), through the built command line in temporary git
 * repositories shaped like infrastructure code: fragments linted through the
 * configurations that include them, /etc paths read from the checkout,
 * recursive trees, and CI outputs relative to the repository root.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { REPO_MAIN, repoFragment } from "../repository-layout.js";
import { repoRoot, runCli, tempTree } from "./helpers.js";

type Json = Record<string, any>;

/** A temporary git repository (git init only: the top is found by its .git). */
function gitTree(files: Record<string, string>): string {
  const dir = tempTree(files);
  expect(spawnSync("git", ["init", "-q"], { cwd: dir }).status).toBe(0);
  return dir;
}

const MAIN = REPO_MAIN;
/** Tracks chk_haproxy, which only the main file defines. */
const WEB = repoFragment();

const compact = (out: string) => out.trim().split("\n").filter((l) => l !== "");
const lint = (args: string[], cwd: string, input?: string) => runCli(["-f", "compact", ...args], { cwd, input });

describe("fragments are linted through the configurations that include them", () => {
  const dir = gitTree({
    "keepalived/keepalived.conf": MAIN,
    "keepalived/conf.d/10-web.conf": WEB,
    "keepalived/conf.d/20-bad.conf": WEB.replace("VI_WEB", "VI_BAD").replace("virtual_router_id 51", "virtual_router_id 52").replace("priority 100", "priority 300"),
    "orphans/web.conf": WEB,
  });

  it("a clean fragment passes: its tracked script is defined in the main file, read through /etc/keepalived/conf.d", () => {
    const r = lint(["keepalived/conf.d/10-web.conf"], dir);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('keepalived-lint: reading /etc/keepalived/… from keepalived/ (detected in the checkout; set --root or "root" in .keepalived-lint.json to choose)\n');
  });

  it("a fragment linted in one command with its main file is still read through it (the main file is read once, for both)", () => {
    const r = lint(["keepalived/keepalived.conf", "keepalived/conf.d/10-web.conf"], dir);
    expect(compact(r.stdout).filter((l) => !l.startsWith("keepalived/conf.d/20-bad.conf"))).toEqual([]);
    expect(r.stdout).not.toContain("chk_haproxy");
  });

  it("a fragment with a real mistake fails on its own line, and only its findings are reported", () => {
    const r = lint(["keepalived/conf.d/20-bad.conf"], dir);
    expect(compact(r.stdout)).toEqual(['keepalived/conf.d/20-bad.conf:5:12: error: "priority" value "300" is outside 1..255 [invalid-value]']);
    expect(r.code).toBe(1);
  });

  it("standard input with --stdin-filename of a fragment gives the same findings as the file", () => {
    const path = "keepalived/conf.d/20-bad.conf";
    const fromFile = runCli(["-f", "json", path], { cwd: dir });
    const fromStdin = runCli(["-f", "json", "-", "--stdin-filename", path], { cwd: dir, input: readFileSync(join(dir, path), "utf8") });
    const messages = (out: string) => (JSON.parse(out) as Json[]).map((f) => [f.filePath, f.messages]);
    expect(messages(fromStdin.stdout)).toEqual(messages(fromFile.stdout));
    expect(fromStdin.code).toBe(1);
    // The buffer, not the disk, is what is linted.
    const fixedText = readFileSync(join(dir, path), "utf8").replace("priority 300", "priority 90");
    const edited = runCli(["-f", "compact", "-", "--stdin-filename", path], { cwd: dir, input: fixedText });
    expect(edited.stdout).toBe("");
    expect(edited.code).toBe(0);
  });

  it("--fix through the owner edits the fragment only", () => {
    const fixable = tempTree({});
    const files = {
      "keepalived/keepalived.conf": MAIN.replace("include /etc/keepalived/conf.d/*.conf", "include conf.d/*.conf"),
      "keepalived/conf.d/10-web.conf": WEB.replace("state BACKUP", "state MASTER\n  nopreempt"),
    };
    for (const [p, text] of Object.entries(files)) {
      spawnSync("mkdir", ["-p", join(fixable, p, "..")]);
      writeFileSync(join(fixable, p), text);
    }
    const r = runCli(["--fix", "-f", "compact", "keepalived/conf.d/10-web.conf"], { cwd: fixable });
    // The safe fix deletes the nopreempt keepalived ignores under state MASTER (state BACKUP is only a suggestion).
    expect(readFileSync(join(fixable, "keepalived/conf.d/10-web.conf"), "utf8")).toBe(WEB.replace("state BACKUP", "state MASTER"));
    expect(readFileSync(join(fixable, "keepalived/keepalived.conf"), "utf8")).toBe(files["keepalived/keepalived.conf"]);
    expect(r.stdout).not.toContain("nopreempt-state-master");
  });

  it("--fix and --fix-dry-run edit a fragment read through /etc/keepalived/ from the checkout", () => {
    const web = WEB.replace("state BACKUP", "state MASTER\n  nopreempt");
    const mapped = gitTree({ "keepalived/keepalived.conf": MAIN, "keepalived/conf.d/10-web.conf": web });
    const fragment = "keepalived/conf.d/10-web.conf";
    const dry = runCli(["--fix-dry-run", fragment], { cwd: mapped });
    expect(dry.stdout).toContain(`--- a/${fragment}\n+++ b/${fragment}\n`);
    expect(dry.stdout).toContain("-  nopreempt\n");
    expect(readFileSync(join(mapped, fragment), "utf8")).toBe(web);
    const r = lint(["--fix", fragment], mapped);
    expect(readFileSync(join(mapped, fragment), "utf8")).toBe(WEB.replace("state BACKUP", "state MASTER"));
    expect(readFileSync(join(mapped, "keepalived/keepalived.conf"), "utf8")).toBe(MAIN);
    expect(r.stdout).not.toContain("nopreempt-state-master");
    expect(r.code).toBe(0);
  });

  it("a code frame hides the secret of a fragment read through /etc/keepalived/ from the checkout", () => {
    const web = WEB.replace("  virtual_ipaddress {", "  authentication {\n    auth_type PASS\n    auth_pass s3cretpassword\n  }\n  virtual_ipaddress {");
    const mapped = gitTree({ "keepalived/keepalived.conf": MAIN, "keepalived/conf.d/10-web.conf": web });
    const r = runCli(["keepalived/conf.d/10-web.conf"], { cwd: mapped });
    expect(r.stdout).toContain("auth-pass-too-long");
    expect(r.stdout).toContain(`auth_pass ${"*".repeat("s3cretpassword".length)}`);
    expect(r.stdout + r.stderr).not.toContain("s3cret");
  });

  it("a fragment no configuration includes is linted alone; its unresolved reference is a warning, not an error", () => {
    const r = lint(["orphans/web.conf"], dir);
    expect(compact(r.stdout)).toEqual(['orphans/web.conf:11:5: warning: "chk_haproxy" is not defined in this file or any configuration that includes it [undefined-tracked-object]']);
    expect(r.code).toBe(0);
  });

  it("a main file named like a fragment keeps the hard error", () => {
    const solo = tempTree({ "lb.conf": `global_defs {\n  router_id lb1\n}\n${WEB}` });
    const r = lint(["lb.conf"], solo);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error: track_script \"chk_haproxy\"");
  });
});

describe("several owners, roots, and findings a fragment causes elsewhere", () => {
  /** The shared instance tracks chk_web: lb1 defines it, lb2 does not. */
  const shared = WEB.replace("chk_haproxy", "chk_web");
  const node = (id: string, script: boolean) =>
    `global_defs {\n  router_id ${id}\n  enable_script_security\n  script_user root\n}\n${script ? 'vrrp_script chk_web {\n  script "/usr/bin/pgrep nginx"\n}\n' : ""}include ../common/vrrp.conf\n`;

  it("per-node main files: the fragment is linted through each and the findings merged", () => {
    const dir = gitTree({ "lb1/keepalived.conf": node("lb1", true), "lb2/keepalived.conf": node("lb2", false), "common/vrrp.conf": shared });
    const r = lint(["common/vrrp.conf"], dir);
    // Through lb2 the script is undefined: a hard error, because a real owner does not define it.
    expect(compact(r.stdout)).toEqual([
      'common/vrrp.conf:11:5: error: track_script "chk_web" of vrrp_instance "VI_WEB" names no vrrp_script defined in this configuration: keepalived ignores the entry and the instance runs without this check (through lb2/keepalived.conf) [undefined-tracked-object]',
    ]);
    expect(r.code).toBe(1);
  });

  it('"roots" names the main files: only they are owners', () => {
    const dir = gitTree({
      ".keepalived-lint.json": JSON.stringify({ roots: ["lb1/keepalived.conf"] }),
      "lb1/keepalived.conf": node("lb1", true),
      "lb2/keepalived.conf": node("lb2", false),
      "common/vrrp.conf": shared,
    });
    const r = lint(["common/vrrp.conf"], dir);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
  });

  it("a finding in the main file that only the fragment's text causes is reported, with a note", () => {
    // keepalived.conf: global_defs (lines 1-5), the include (6), the instance (7-19) tracking chk_web at 18:5.
    const main = `global_defs {\n  router_id lb1\n  enable_script_security\n  script_user root\n}\ninclude conf.d/*.conf\n${WEB.replace("state BACKUP", "state BACKUP\n  nopreempt").replace("chk_haproxy", "chk_web")}`;
    const dir = gitTree({
      "keepalived/keepalived.conf": main,
      // A weighted script under nopreempt: the failure never moves the VIP (reported where it is tracked).
      "keepalived/conf.d/script.conf": 'vrrp_script chk_web {\n  script "/usr/bin/pgrep nginx"\n  weight -20\n}\n',
    });
    const r = lint(["keepalived/conf.d/script.conf"], dir);
    const lines = compact(r.stdout);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^keepalived\/keepalived\.conf:18:5: error: .* \(caused by keepalived\/conf\.d\/script\.conf\) \[nopreempt-weighted-tracking\]$/);
  });

  it("messages name other files relative to the repository root, never by this machine's absolute path", () => {
    const dir = gitTree({
      "keepalived/keepalived.conf": `${WEB.replace("chk_haproxy", "chk_web")}include conf.d/*.conf\n`,
      "keepalived/conf.d/script.conf": 'vrrp_script chk_web {\n  script "/usr/bin/pgrep nginx"\n}\n',
    });
    const r = runCli(["-f", "json", "keepalived/keepalived.conf"], { cwd: dir });
    const messages = (JSON.parse(r.stdout) as Json[]).flatMap((f) => f.messages.map((m: Json) => `${m.message} ${m.hint ?? ""}`));
    const late = messages.find((m) => m.includes("defined further down"));
    expect(late).toContain("(keepalived/conf.d/script.conf)");
    expect(messages.join("\n")).not.toContain(dir);
  });
});

describe("absolute includes in a checkout", () => {
  const dir = gitTree({
    "hosts/lb1/etc/keepalived/keepalived.conf": "include /usr/local/etc/keepalived/vip.conf\n",
    "hosts/lb1/usr/local/etc/keepalived/vip.conf": WEB.replace("  track_script {\n    chk_haproxy\n  }\n", "").replace("priority 100", "priority 0"),
    "roles/keepalived/files/keepalived.conf": MAIN,
    "roles/keepalived/files/conf.d/web.conf": WEB.replace("priority 100", "priority 0"),
    ".keepalived-lint.json": JSON.stringify({ root: { "/etc/keepalived": "roles/keepalived/files" } }),
  });
  const PRIORITY_0 = ':5:12: error: "priority" value "0" is outside 1..255 [invalid-value]';

  it("without --root a host path outside /etc/keepalived is not in the checkout", () => {
    const r = runCli(["--no-config", "-f", "compact", "hosts/lb1/etc/keepalived/keepalived.conf"], { cwd: dir });
    expect(r.stdout).toContain('included file "/usr/local/etc/keepalived/vip.conf" does not exist');
  });

  it("--root DIR reads / from DIR; reports name the checkout's files", () => {
    const r = runCli(["--no-config", "-f", "compact", "--root", "hosts/lb1", "hosts/lb1/etc/keepalived/keepalived.conf"], { cwd: dir });
    expect(compact(r.stdout)).toEqual([`hosts/lb1/usr/local/etc/keepalived/vip.conf${PRIORITY_0}`]);
    expect(r.code).toBe(1);
  });

  it("--root also places the default target: /etc/keepalived/keepalived.conf of the checkout", () => {
    const r = runCli(["--no-config", "-f", "compact", "--root", "hosts/lb1"], { cwd: dir });
    expect(compact(r.stdout)).toEqual([`hosts/lb1/usr/local/etc/keepalived/vip.conf${PRIORITY_0}`]);
  });

  it('the "root" setting maps a prefix (an Ansible role\'s files/)', () => {
    const r = lint(["roles/keepalived/files/conf.d/web.conf"], dir);
    expect(compact(r.stdout)).toEqual([`roles/keepalived/files/conf.d/web.conf${PRIORITY_0}`]);
    expect(r.stderr).toBe("");
  });
});

describe("trees", () => {
  const dir = gitTree({
    ".gitignore": "build/\n*.generated.conf\n!keep.generated.conf\n/top-only.conf\n",
    "keepalived/keepalived.conf": MAIN,
    "keepalived/conf.d/10-web.conf": WEB,
    "keepalived/conf.d/20-bad.conf": WEB.replace("VI_WEB", "VI_BAD").replace("virtual_router_id 51", "virtual_router_id 52").replace("priority 100", "priority 300"),
    "keepalived/keepalived.conf.j2": "{{ not a config }}\n",
    "keepalived/conf.d/10-web.conf.bak": "junk {\n",
    "build/out.conf": "junk {\n",
    "node_modules/pkg/x.conf": "junk {\n",
    "nodes/a.generated.conf": "junk {\n",
    "nodes/keep.generated.conf": "vrrp_instance X {\n  priority 300\n}\n",
    "top-only.conf": "junk {\n",
    "nested/top-only.conf": 'vrrp_instance Y {\n  state BACKUP\n  interface eth0\n  virtual_router_id 9\n  priority 9\n  virtual_ipaddress {\n    10.0.0.9\n  }\n}\n',
  });

  it("`.` from the repository root walks subdirectories, honours .gitignore, skips templates, backups and node_modules", () => {
    const r = lint(["."], dir);
    const files = [...new Set(compact(r.stdout).map((l) => l.split(":")[0]))];
    expect(files).toEqual(["keepalived/conf.d/20-bad.conf", "nodes/keep.generated.conf"]);
    // The fragment reached through keepalived.conf is reported once.
    expect(compact(r.stdout).filter((l) => l.startsWith("keepalived/conf.d/20-bad.conf:5:12"))).toHaveLength(1);
  });

  it("SARIF from the repository root: valid 2.1.0, URIs that resolve from the root, no absolute paths in messages", () => {
    const r = runCli(["-f", "sarif", "."], { cwd: dir });
    const log = JSON.parse(r.stdout) as Json;
    expect(sarifErrors(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe(`file://${dir}/`);
    const uris = run.results.map((x: Json) => x.locations[0].physicalLocation.artifactLocation);
    expect(uris.length).toBeGreaterThan(0);
    for (const u of uris) {
      expect(u.uriBaseId).toBe("%SRCROOT%");
      expect(existsSync(join(dir, decodeURIComponent(u.uri)))).toBe(true);
    }
    for (const res of run.results) expect(res.message.text).not.toContain(dir);
    expect(run.tool.driver.rules.some((x: Json) => typeof x.helpUri === "string" && x.helpUri.startsWith("file:"))).toBe(false);
  });

  it("SARIF and annotations from a subdirectory still name files from the repository root", () => {
    const sub = join(dir, "keepalived");
    const sarif = JSON.parse(runCli(["-f", "sarif", "conf.d/20-bad.conf"], { cwd: sub }).stdout) as Json;
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe("keepalived/conf.d/20-bad.conf");
    const gh = runCli(["-f", "github", "conf.d/20-bad.conf"], { cwd: sub });
    expect(gh.stdout).toMatch(/^::error file=keepalived\/conf\.d\/20-bad\.conf,line=5,col=12,/);
  });
});

// ajv-formats is CommonJS: under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(repoRoot, "test/fixtures/sarif/sarif-schema-2.1.0.json"), "utf8")));
function sarifErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}
