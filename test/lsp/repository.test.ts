/**
 * The editor in a repository shaped like infrastructure code: keepalived.conf
 * includes /etc/keepalived/conf.d/*.conf, and the checkout holds that
 * directory under keepalived/. The server reads host paths from the checkout
 * as the command line's repository mode does, so a fragment opened in the
 * editor gets what `keepalived-lint <fragment>` reports.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_MAIN, repoFragment } from "../repository-layout.js";
import { repoRoot, startClient, type TestClient } from "./client.js";

const MAIN = REPO_MAIN;
// priority 300 is out of range.
const WEB = repoFragment(300);

let dir: string;
let client: TestClient;
let main: string;
let web: string;
const uri = (p: string) => `file://${p}`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kl-lsp-repo-"));
  // A directory holding .git is what marks a checkout.
  mkdirSync(join(dir, ".git"));
  mkdirSync(join(dir, "keepalived", "conf.d"), { recursive: true });
  main = join(dir, "keepalived", "keepalived.conf");
  web = join(dir, "keepalived", "conf.d", "10-web.conf");
  writeFileSync(main, MAIN);
  writeFileSync(web, WEB);
  client = await startClient({ initializationOptions: { debounceMs: 0 } });
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a fragment included through /etc/keepalived/ from the checkout", () => {
  it("is linted through the main file: its tracked script is found, its own mistake is reported where it is", async () => {
    await client.open(uri(web), WEB);
    const ds = await client.diagnostics(uri(web), (x) => x.some((d) => d.code === "invalid-value"));
    expect(ds.map((d) => [d.code, d.range.start.line + 1])).toEqual([["invalid-value", 5]]);
    // What the command line says of the same file.
    const cli = spawnSync(process.execPath, [join(repoRoot, "dist/cli/main.cjs"), "-f", "json", web], { cwd: dir, encoding: "utf8", env: { ...process.env, KEEPALIVED_LINT_KEEPALIVED: "none" } });
    const [report] = JSON.parse(cli.stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(report.messages.map((m) => [m.ruleId, m.line])).toEqual([["invalid-value", 5]]);
  });

  it("definition and hover in the fragment find the main file's script", async () => {
    const at = { textDocument: { uri: uri(web) }, position: { line: 10, character: 6 } };
    const defs = await client.request<{ uri: string; range: { start: { line: number } } }[]>("textDocument/definition", at);
    expect(defs.map((d) => [d.uri, d.range.start.line])).toEqual([[uri(main), 5]]);
    const hover = await client.request<{ contents: { value: string } }>("textDocument/hover", at);
    expect(hover.contents.value).toContain(`defined at \`${main}:6\``);
  });

  it("an edit of the fragment is linted through the main file too", async () => {
    const fixed = WEB.replace("priority 300", "priority 100").replace("chk_haproxy", "chk_missing");
    await client.notify("textDocument/didChange", { textDocument: { uri: uri(web), version: 2 }, contentChanges: [{ text: fixed }] });
    const ds = await client.diagnostics(uri(web), (x) => !x.some((d) => d.code === "invalid-value"));
    // chk_missing is defined nowhere, and the main file was read: the hard error, not the softened fragment warning.
    expect(ds.map((d) => [d.code, d.severity, d.range.start.line + 1])).toEqual([["undefined-tracked-object", 1, 11]]);
  });

  it("with the main file open and edited (its incremental lint), the fragment is still read from the checkout", async () => {
    await client.open(uri(main), MAIN);
    const renamed = MAIN.replace("vrrp_script chk_haproxy", "vrrp_script chk_missing");
    await client.notify("textDocument/didChange", { textDocument: { uri: uri(main), version: 2 }, contentChanges: [{ text: renamed }] });
    // The fragment's buffer tracks chk_missing, which the edited main file now defines.
    const ds = await client.diagnostics(uri(web), (x) => x.length === 0);
    expect(ds).toEqual([]);
    // chk_missing is tracked (by the fragment), so the main file has nothing to say: the last list it got is empty.
    const forMain = client.published.filter((p) => p.uri === uri(main));
    expect(forMain.at(-1)?.diagnostics ?? []).toEqual([]);
  });
});

describe("the main file's references into a fragment read from the checkout", () => {
  it("definition names the checkout's file, not the host path", async () => {
    const repo = mkdtempSync(join(tmpdir(), "kl-lsp-repo2-"));
    try {
      mkdirSync(join(repo, ".git"));
      mkdirSync(join(repo, "keepalived", "conf.d"), { recursive: true });
      const main2 = join(repo, "keepalived", "keepalived.conf");
      const frag = join(repo, "keepalived", "conf.d", "checks.conf");
      const text = "include /etc/keepalived/conf.d/*.conf\nvrrp_instance V {\n  state BACKUP\n  interface eth0\n  virtual_router_id 7\n  priority 100\n  track_script {\n    chk_frag\n  }\n}\n";
      writeFileSync(main2, text);
      writeFileSync(frag, 'vrrp_script chk_frag {\n  script "/usr/bin/true"\n}\n');
      await client.open(uri(main2), text);
      const defs = await client.request<{ uri: string; range: { start: { line: number; character: number } } }[]>("textDocument/definition", { textDocument: { uri: uri(main2) }, position: { line: 7, character: 6 } });
      expect(defs.map((d) => [d.uri, d.range.start])).toEqual([[uri(frag), { line: 0, character: 12 }]]);
      await client.notify("textDocument/didClose", { textDocument: { uri: uri(main2) } });
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe("the \"root\" setting outside a git checkout", () => {
  it("maps /etc/keepalived onto the directory it names, for the open main file's lint", async () => {
    const repo = mkdtempSync(join(tmpdir(), "kl-lsp-root-"));
    try {
      mkdirSync(join(repo, "deploy", "conf.d"), { recursive: true });
      writeFileSync(join(repo, ".keepalived-lint.json"), JSON.stringify({ root: { "/etc/keepalived": "deploy" } }));
      const main3 = join(repo, "keepalived.conf");
      const frag = join(repo, "deploy", "conf.d", "checks.conf");
      const text = "include /etc/keepalived/conf.d/*.conf\nvrrp_instance V {\n  state BACKUP\n  interface eth0\n  virtual_router_id 7\n  priority 100\n  track_script {\n    chk_frag\n  }\n}\n";
      writeFileSync(frag, 'vrrp_script chk_frag {\n  script "/usr/bin/true"\n  weight 300\n}\n');
      await client.open(uri(main3), text);
      // weight 300 is out of range: found in the fragment, through the main file, under the checkout's path.
      const ds = await client.diagnostics(uri(frag), (x) => x.some((d) => d.code === "invalid-value"));
      expect(ds.filter((d) => d.code === "invalid-value").map((d) => d.range.start.line + 1)).toEqual([3]);
      await client.notify("textDocument/didClose", { textDocument: { uri: uri(main3) } });
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
