/**
 * The built server over stdio, one test per capability. The workspace is a
 * temporary directory with a main file, an included file and a project config.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClient, type TestClient } from "./client.js";

let dir: string;
let client: TestClient;
const uri = (p: string) => `file://${p}`;
let MAIN: string;
let SCRIPTS: string;

const MAIN_TEXT = [
  "include conf.d/*.conf", //      0
  "vrrp_instance VI_1 {", //       1
  "  state MASTER", //             2
  "  nopreempt", //                3
  "  interface eth0", //           4
  "  virtual_router_id 51", //     5
  "  priority 100", //             6
  "  track_script {", //           7
  "    chk_web", //                8
  "  }", //                        9
  "}", //                          10
  "",
].join("\n");

const SCRIPTS_TEXT = [
  "vrrp_script chk_web {", //      0
  "  scirpt /bin/true", //         1  (typo: unknown keyword, and the script is then missing)
  "  weight 0", //                 2
  "}", //                          3
  "",
].join("\n");

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kl-lsp-"));
  mkdirSync(join(dir, "conf.d"));
  MAIN = join(dir, "keepalived.conf");
  SCRIPTS = join(dir, "conf.d", "scripts.conf");
  writeFileSync(MAIN, MAIN_TEXT);
  writeFileSync(SCRIPTS, SCRIPTS_TEXT);
  // nopreempt-state-master is an error by default; the project makes it a warning.
  writeFileSync(join(dir, ".keepalived-lint.json"), JSON.stringify({ rules: { "nopreempt-state-master": "warning" } }));
  client = await startClient({ initializationOptions: { debounceMs: 20 } });
  await client.open(uri(MAIN), MAIN_TEXT);
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pos = (line: number, character: number) => ({ line, character });
const doc = (p: string) => ({ uri: uri(p) });

describe("keepalived-language-server over stdio", () => {
  it("publishes diagnostics per file: included-file findings on the included file, project config honoured", async () => {
    const [main, scripts] = await Promise.all([
      client.diagnostics(uri(MAIN), (ds) => ds.length > 0),
      client.diagnostics(uri(SCRIPTS), (ds) => ds.length > 0),
    ]);
    const nsm = main.find((d) => d.code === "nopreempt-state-master");
    expect(nsm?.severity).toBe(2);
    expect(nsm?.range).toEqual({ start: pos(3, 2), end: pos(3, 11) });
    expect(nsm?.source).toBe("keepalived-lint");
    const unknown = scripts.find((d) => d.code === "unknown-keyword");
    expect(unknown?.range).toEqual({ start: pos(1, 2), end: pos(1, 8) });
    expect(unknown?.severity).toBe(1);
  });

  it("re-lints after an incremental edit, and an open buffer overrides the disk", async () => {
    await client.open(uri(SCRIPTS), SCRIPTS_TEXT);
    await client.notify("textDocument/didChange", {
      textDocument: { uri: uri(SCRIPTS), version: 2 },
      contentChanges: [{ range: { start: pos(1, 2), end: pos(1, 8) }, text: "script" }],
    });
    const scripts = await client.diagnostics(uri(SCRIPTS), (ds) => !ds.some((d) => d.code === "unknown-keyword"));
    expect(scripts.map((d) => d.code)).not.toContain("missing-required");
    // the disk still has the typo
    expect(readFileSync(SCRIPTS, "utf8")).toContain("scirpt");
  });

  it("lints an included file opened on its own as part of the keepalived.conf that includes it", async () => {
    const d2 = mkdtempSync(join(tmpdir(), "kl-lsp-main-"));
    try {
      mkdirSync(join(d2, "conf.d"));
      const main = join(d2, "keepalived.conf");
      const inc = join(d2, "conf.d", "checks.conf");
      writeFileSync(main, "include conf.d/*.conf\nvrrp_instance V {\n  state BACKUP\n  interface eth0\n  virtual_router_id 7\n  priority 100\n  track_script {\n    chk_used\n  }\n}\n");
      const incText = "vrrp_script chk_used {\n  script /bin/true\n}\nvrrp_script chk_unused {\n  script /bin/true\n}\n";
      writeFileSync(inc, incText);
      await client.open(uri(inc), incText);
      const ds = await client.diagnostics(uri(inc), (x) => x.some((d) => d.code === "unused-vrrp-script"));
      // Alone, both scripts would be unused; in the configuration only chk_unused is.
      const unused = ds.filter((d) => d.code === "unused-vrrp-script");
      expect(unused.map((d) => d.range.start)).toEqual([pos(3, 12)]);
      await client.notify("textDocument/didClose", { textDocument: doc(inc) });
    } finally {
      rmSync(d2, { recursive: true, force: true });
    }
  });

  it("hover", async () => {
    const h = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: doc(MAIN), position: pos(5, 4) });
    expect(h.contents.value).toContain("**virtual_router_id** `<uint 1..255>`");
    const t = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: doc(MAIN), position: pos(8, 6) });
    expect(t.contents.value).toContain("**vrrp_script chk_web** defined at");
    expect(t.contents.value).toContain("effective weight on vrrp_instance VI_1: **0**");
  });

  it("completion", async () => {
    const items = await client.request<{ label: string }[]>("textDocument/completion", { textDocument: doc(MAIN), position: pos(2, 8) });
    expect(items.map((i) => i.label).sort()).toEqual(["BACKUP", "MASTER"]);
  });

  it("definition", async () => {
    const locs = await client.request("textDocument/definition", { textDocument: doc(MAIN), position: pos(8, 5) });
    expect(locs).toEqual([{ uri: uri(SCRIPTS), range: { start: pos(0, 12), end: pos(0, 19) } }]);
  });

  it("references", async () => {
    const locs = await client.request("textDocument/references", { textDocument: doc(SCRIPTS), position: pos(0, 13), context: { includeDeclaration: true } });
    expect(locs).toEqual([
      { uri: uri(SCRIPTS), range: { start: pos(0, 12), end: pos(0, 19) } },
      { uri: uri(MAIN), range: { start: pos(8, 4), end: pos(8, 11) } },
    ]);
  });

  it("rename", async () => {
    const edit = await client.request("textDocument/rename", { textDocument: doc(MAIN), position: pos(8, 5), newName: "chk_http" });
    expect(edit).toEqual({
      changes: {
        [uri(SCRIPTS)]: [{ range: { start: pos(0, 12), end: pos(0, 19) }, newText: "chk_http" }],
        [uri(MAIN)]: [{ range: { start: pos(8, 4), end: pos(8, 11) }, newText: "chk_http" }],
      },
    });
  });

  it("prepareRename", async () => {
    expect(await client.request("textDocument/prepareRename", { textDocument: doc(MAIN), position: pos(1, 16) })).toEqual({
      range: { start: pos(1, 14), end: pos(1, 18) },
      placeholder: "VI_1",
    });
    expect(await client.request("textDocument/prepareRename", { textDocument: doc(MAIN), position: pos(2, 3) })).toBeNull();
  });

  it("document symbols", async () => {
    const symbols = await client.request<{ name: string; range: unknown }[]>("textDocument/documentSymbol", { textDocument: doc(MAIN) });
    expect(symbols.map((s) => s.name)).toEqual(["vrrp_instance VI_1"]);
    expect(symbols[0].range).toEqual({ start: pos(1, 0), end: pos(10, 1) });
  });

  it("folding ranges", async () => {
    const ranges = await client.request("textDocument/foldingRange", { textDocument: doc(MAIN) });
    expect(ranges).toEqual([
      { startLine: 1, endLine: 9 },
      { startLine: 7, endLine: 8 },
    ]);
  });

  it("code action", async () => {
    const actions = await client.request<{ title: string; edit: unknown }[]>("textDocument/codeAction", {
      textDocument: doc(MAIN),
      range: { start: pos(3, 2), end: pos(3, 2) },
      context: { diagnostics: [] },
    });
    const titles = actions.map((a) => a.title);
    expect(titles).toContain("Disable nopreempt-state-master for this line");
    const disable = actions.find((a) => a.title === "Disable nopreempt-state-master for this line");
    expect(disable?.edit).toEqual({
      changes: { [uri(MAIN)]: [{ range: { start: pos(3, 0), end: pos(3, 0) }, newText: "  # keepalived-lint disable-next-line nopreempt-state-master\n" }] },
    });
  });

  it("formatting uses the documented default, not the editor's tab size (format --check agrees)", async () => {
    const messy = "vrrp_script s {\nscript /bin/true\n      interval 2 }\n";
    const p = join(dir, "messy.conf");
    await client.open(uri(p), messy);
    const edits = await client.request<{ newText: string }[]>("textDocument/formatting", { textDocument: doc(p), options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toHaveLength(1);
    expect(edits[0].newText).toBe("vrrp_script s {\n    script /bin/true\n    interval 2\n}\n");
  });

  it("range formatting", async () => {
    const messy = "global_defs {\nrouter_id a\n      script_user b\n}\n";
    const p = join(dir, "range.conf");
    await client.open(uri(p), messy);
    type Edit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    const edits = await client.request<Edit[]>("textDocument/rangeFormatting", {
      textDocument: doc(p),
      range: { start: pos(2, 0), end: pos(2, 5) },
      options: { tabSize: 4, insertSpaces: true },
    });
    const lines = messy.split("\n");
    const offset = (q: { line: number; character: number }) => lines.slice(0, q.line).reduce((n, l) => n + l.length + 1, 0) + q.character;
    let out = messy;
    for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
      out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
    }
    // only the touched line is re-indented; line 1 stays as written
    expect(out).toBe("global_defs {\nrouter_id a\n    script_user b\n}\n");
  });

  it("survives garbage: bad requests get errors, bad text still gets answers, the process stays up", async () => {
    // A request for a document that was never opened gets an empty answer.
    expect(await client.request("textDocument/hover", { textDocument: { uri: "file:///nowhere.conf" }, position: pos(0, 0) })).toBeNull();
    // Malformed params (no position) are answered with an error, not a crash; so is an unknown method.
    await expect(client.request("textDocument/hover", { textDocument: doc(MAIN) })).rejects.toThrow(/hover failed/);
    await expect(client.request("keepalived/noSuchMethod", {})).rejects.toThrow();
    expect(client.logs().some((m) => m.includes("hover failed"))).toBe(true);
    // Binary junk and unbalanced braces as a document.
    const junk = join(dir, "junk.conf");
    const text = "\0\0}}}{{{ \"unterminated\n vrrp_instance { { state\n\u00ff\ufffd include /dev/zero\n$X=\n~SEQ(i,1,\n";
    await client.open(uri(junk), text);
    await client.diagnostics(uri(junk), (ds) => ds.length > 0);
    const items = await client.request<unknown[]>("textDocument/completion", { textDocument: doc(junk), position: pos(2, 3) });
    expect(Array.isArray(items)).toBe(true);
    // Raw bytes that are not JSON-RPC at all on the server's stdin.
    client.proc.stdin.write("Content-Length: 5\r\n\r\n{{{{{");
    client.proc.stdin.write("Content-Length: 14\r\n\r\n[1,2,3,4,5,6]\n");
    const h = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: doc(MAIN), position: pos(6, 3) });
    expect(h.contents.value).toContain("**priority**");
    expect(client.proc.exitCode).toBeNull();
  });

  it("re-lints when the project config changes on disk", async () => {
    writeFileSync(join(dir, ".keepalived-lint.json"), JSON.stringify({ rules: { "nopreempt-state-master": "off" } }));
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(join(dir, ".keepalived-lint.json")), type: 2 }] });
    const main = await client.diagnostics(uri(MAIN), (ds) => !ds.some((d) => d.code === "nopreempt-state-master"));
    expect(main.map((d) => d.code)).not.toContain("nopreempt-state-master");
  });
});

