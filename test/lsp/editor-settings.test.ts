/**
 * Editor settings (VS Code's `keepalived.*`): as initializationOptions, pushed
 * with workspace/didChangeConfiguration, or pulled with workspace/configuration;
 * always under the project's `.keepalived-lint.json`. Unit cases for the
 * mapping, then the built server over stdio.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type Diagnostic } from "vscode-languageserver/node.js";
import { editorSettings } from "../../src/lsp/editor-settings.js";
import { serverBin, startClient } from "./client.js";

describe("editorSettings()", () => {
  it("reads the section or { keepalived: section }", () => {
    const section = { targetVersion: "2.2.7", rules: { "unknown-keyword": "off" }, debounceMs: 50, templateEngine: "jinja" };
    // templateEngine is the lint's template engine (under the project's "template").
    const expected = { lint: { targetVersion: "2.2.7", rules: { "unknown-keyword": "off" }, template: "jinja" }, debounceMs: 50, templateEngine: "jinja", problems: [] };
    expect(editorSettings(section)).toEqual(expected);
    expect(editorSettings({ keepalived: section })).toEqual(expected);
  });

  it("a templateEngine that is no engine is reported and not used", () => {
    const s = editorSettings({ templateEngine: "twig" });
    expect(s.lint.template).toBeUndefined();
    expect(s.problems).toEqual([expect.stringContaining('"template" must be one of')]);
  });

  it("ignores what it does not know and what is unset", () => {
    expect(editorSettings({ trace: { server: "off" }, rules: {}, targetVersion: "", futureSetting: 1 })).toEqual({ lint: {}, problems: [] });
    expect(editorSettings(null)).toEqual({ lint: {}, problems: [] });
    expect(editorSettings("debounceMs=5")).toEqual({ lint: {}, problems: [] });
  });

  it("reports a bad value and keeps the good ones", () => {
    const s = editorSettings({ targetVersion: "1.3", rules: { "unknown-keyword": "loud" }, debounceMs: -1, configId: "lb1" });
    expect(s.lint).toEqual({ configId: "lb1" });
    expect(s.debounceMs).toBeUndefined();
    expect(s.problems).toHaveLength(3);
    expect(s.problems[0]).toMatch(/"targetVersion" must be/);
    expect(s.problems[1]).toMatch(/rule "unknown-keyword" in "rules" must be/);
    expect(s.problems[2]).toMatch(/"debounceMs"/);
  });
});

const TEXT = ["vrrp_instance VI_1 {", "  state MASTER", "  nopreempt", "  interface eth0", "  virtual_router_id 51", "  priority 100", "  scirpt x", "}", ""].join("\n");
const codes = (ds: Diagnostic[]) => ds.map((d) => `${d.code}:${d.severity}`).sort();
const ERROR = 1;
const WARNING = 2;

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kl-settings-"));
  file = join(dir, "keepalived.conf");
  writeFileSync(file, TEXT);
  // The project turns one rule into a warning; the editor cannot override that.
  writeFileSync(join(dir, ".keepalived-lint.json"), JSON.stringify({ rules: { "nopreempt-state-master": "warning" } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("settings in the server", () => {
  it("initializationOptions and pushed changes (VS Code's configurationSection)", async () => {
    const client = await startClient({ initializationOptions: { debounceMs: 10, rules: { "unknown-keyword": "off", "nopreempt-state-master": "off" } } });
    try {
      const uri = `file://${file}`;
      await client.open(uri, TEXT);
      const first = await client.diagnostics(uri, (ds) => ds.length > 0);
      expect(codes(first)).toContain(`nopreempt-state-master:${WARNING}`);
      expect(codes(first).filter((c) => c.startsWith("unknown-keyword"))).toEqual([]);
      await client.notify("workspace/didChangeConfiguration", { settings: { keepalived: { rules: {}, debounceMs: 10 } } });
      const after = await client.diagnostics(uri, (ds) => ds.some((d) => d.code === "unknown-keyword"));
      expect(codes(after)).toContain(`unknown-keyword:${ERROR}`);
      await client.notify("workspace/didChangeConfiguration", { settings: { keepalived: { targetVersion: "1.3" } } });
      await expect.poll(() => client.logs().join("\n")).toMatch(/"targetVersion" must be .*; ignored/);
    } finally {
      await client.close();
    }
  });

  it("pulls the keepalived section from a client that answers workspace/configuration", async () => {
    const proc = spawn(process.execPath, [serverBin, "--stdio"], { env: { ...process.env, KEEPALIVED_LSP_DEBOUNCE_MS: "10" } });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    let section: unknown = { rules: { "unknown-keyword": "off" } };
    const asked: unknown[] = [];
    conn.onRequest("workspace/configuration", (p: { items: unknown[] }) => {
      asked.push(p.items);
      return [section];
    });
    conn.onRequest(() => null);
    const latest: Diagnostic[][] = [];
    conn.onNotification("textDocument/publishDiagnostics", (p: { diagnostics: Diagnostic[] }) => latest.push(p.diagnostics));
    conn.listen();
    try {
      await conn.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } } });
      await conn.sendNotification("initialized", {});
      await expect.poll(() => asked.length).toBe(1);
      expect(asked[0]).toEqual([{ section: "keepalived" }]);
      await conn.sendNotification("textDocument/didOpen", { textDocument: { uri: `file://${file}`, languageId: "keepalived", version: 1, text: TEXT } });
      // The pulled answer may land after the first lint: the server then lints again with it.
      await expect.poll(() => latest.length > 0 && !latest.at(-1)!.some((d) => d.code === "unknown-keyword")).toBe(true);
      // A client that only says "changed" is asked again.
      section = {};
      await conn.sendNotification("workspace/didChangeConfiguration", { settings: null });
      await expect.poll(() => latest.at(-1)!.map((d) => d.code)).toContain("unknown-keyword");
      expect(asked).toHaveLength(2);
    } finally {
      conn.dispose();
      proc.kill();
    }
  });
});
