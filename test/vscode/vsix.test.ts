/**
 * `npm run package:vscode`'s .vsix, unpacked: the manifest, grammars, icon and
 * licence are in it, the bundles need nothing but Node and VS Code, and the
 * bundled language server starts from the unpacked extension (no
 * node_modules anywhere above it) and answers over stdio and over node IPC,
 * the transport the extension asks VS Code for.
 */
import { execFileSync, fork } from "node:child_process";
import { builtinModules } from "node:module";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessageConnection, IPCMessageReader, IPCMessageWriter } from "vscode-languageserver/node.js";
import { repoRoot, startClient } from "../lsp/client.js";
import { manifest as sourceManifest } from "./textmate.js";

let dir: string;
let ext: string;
let manifest: typeof sourceManifest;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kl-vsix-"));
  const vsix = join(dir, "keepalived-lint.vsix");
  execFileSync(process.execPath, [resolve(repoRoot, "editors/vscode/scripts/package.mjs"), "--out", vsix], { cwd: repoRoot, stdio: "pipe" });
  execFileSync("unzip", ["-q", vsix, "-d", join(dir, "unpacked")]);
  ext = join(dir, "unpacked/extension");
  manifest = JSON.parse(readFileSync(join(ext, "package.json"), "utf8"));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the .vsix", () => {
  it("declares the keepalived language, its template variants and their grammars, all present", () => {
    const ids = manifest.contributes.languages.map((l) => l.id);
    expect(ids).toEqual(["keepalived", "keepalived-jinja", "keepalived-gotmpl", "keepalived-erb", "keepalived-tftpl"]);
    const grammars = manifest.contributes.grammars;
    expect(grammars.find((g) => g.language === "keepalived")?.scopeName).toBe("source.keepalived");
    expect(grammars.filter((g) => g.injectTo).map((g) => g.injectTo![0])).toEqual(["source.keepalived.jinja", "source.keepalived.gotmpl", "source.keepalived.erb", "source.keepalived.tftpl"]);
    for (const g of grammars) {
      const grammar = JSON.parse(readFileSync(join(ext, g.path), "utf8"));
      expect(grammar.scopeName, g.path).toBe(g.scopeName);
    }
    expect(existsSync(join(ext, "language-configuration.json"))).toBe(true);
  });

  it("exposes the server's settings with descriptions", () => {
    const props = manifest.contributes.configuration.properties;
    for (const key of ["keepalived.targetVersion", "keepalived.rules", "keepalived.debounceMs", "keepalived.templateEngine"]) {
      expect(props[key], key).toBeDefined();
      expect((props[key]!.markdownDescription ?? props[key]!.description ?? "").length, key).toBeGreaterThan(20);
    }
    expect(props["keepalived.debounceMs"]!.default).toBe(200);
    expect(props["keepalived.targetVersion"]!.enum).toEqual(["newest", "2.2.7"]);
  });

  it("has the version of the keepalived-lint whose server it carries", () => {
    expect(manifest.version).toBe(JSON.parse(readFileSync(resolve(repoRoot, "package.json"), "utf8")).version);
  });

  it("has its entry point, icon, readme, changelog and the project's licence", () => {
    expect(existsSync(join(ext, (manifest.main as string).replace(/^\.\//, "")))).toBe(true);
    const icon = readFileSync(join(ext, manifest.icon as string));
    expect(icon.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(128); // width from IHDR (the marketplace wants 128 px or more)
    expect(readFileSync(join(ext, "LICENSE.txt"), "utf8")).toBe(readFileSync(resolve(repoRoot, "LICENSE"), "utf8"));
    expect(readFileSync(join(ext, "readme.md"), "utf8")).toMatch(/code --install-extension/);
    expect(existsSync(join(ext, "changelog.md"))).toBe(true);
    const notices = readFileSync(join(ext, "dist/THIRD-PARTY-LICENSES.txt"), "utf8");
    for (const pkg of ["vscode-languageclient", "vscode-languageserver", "chevrotain"]) expect(notices).toContain(`${pkg} `);
  });

  it("needs no node_modules: the bundles require only Node's modules (and `vscode`, VS Code's own)", () => {
    expect(existsSync(join(ext, "node_modules"))).toBe(false);
    const node = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const [file, allowed] of [["dist/extension.js", ["vscode"]], ["dist/server.js", []]] as const) {
      const required = [...readFileSync(join(ext, file), "utf8").matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!);
      expect(required.length, file).toBeGreaterThan(0);
      expect(required.filter((r) => !node.has(r) && !(allowed as readonly string[]).includes(r)), file).toEqual([]);
    }
  });

  it("the bundled server answers initialize and lints over stdio", async () => {
    const client = await startClient({ bin: join(ext, "dist/server.js"), initializationOptions: { debounceMs: 10 } });
    try {
      const uri = `file://${join(dir, "keepalived.conf")}`;
      // `$` sends the line through the chevrotain lexer: the bundle must carry it.
      await client.open(uri, "$IF=eth0\nvrrp_instance VI_1 {\n    interface $IF\n    scirpt x\n}\n");
      const ds = await client.diagnostics(uri, (d) => d.length > 0);
      expect(ds.map((d) => d.code)).toContain("unknown-keyword");
      expect(client.stderr()).toBe("");
    } finally {
      await client.close();
    }
  });

  it("activate(), under a stand-in for VS Code's API, starts the bundled server with the settings and shows its findings", () => {
    // test/vscode/fake-vscode.cjs: the real bundled vscode-languageclient; only `vscode` is a stand-in.
    const file = join(dir, "keepalived.conf");
    writeFileSync(file, "vrrp_instance VI_1 {\n    state MASTER\n    nopreempt\n    scirpt x\n}\n");
    const settings = { rules: { "unknown-keyword": "off" }, debounceMs: 10 };
    const out = execFileSync(process.execPath, [resolve(import.meta.dirname, "fake-vscode.cjs"), ext, file, JSON.stringify(settings)], { cwd: dir, encoding: "utf8", timeout: 30_000 });
    const result = JSON.parse(out) as { error?: string; called: string[]; diagnostics: { uri: string; items: { code: string; line: number }[] }[] };
    expect(result.error).toBeUndefined();
    // The client registered providers for what the server announced in its initialize answer.
    expect(result.called).toEqual(expect.arrayContaining(["vscode.languages.registerHoverProvider", "vscode.languages.registerCompletionItemProvider", "vscode.languages.registerCodeActionsProvider"]));
    // Findings for the keepalived file and its Jinja template, both sent; unknown-keyword is off by the setting.
    expect([...new Set(result.diagnostics.map((d) => d.uri))].sort()).toEqual([pathToFileURL(file).href, pathToFileURL(`${file}.j2`).href].sort());
    for (const published of result.diagnostics) {
      const found = published.items.map((d) => `${d.code}@${d.line}`);
      expect(found).toContain("nopreempt-state-master@2");
      expect(found.filter((f) => f.startsWith("unknown-keyword"))).toEqual([]);
    }
  });

  it("the bundled server answers initialize over node IPC (TransportKind.ipc)", async () => {
    const child = fork(join(ext, "dist/server.js"), ["--node-ipc"], { cwd: dir, stdio: ["ignore", "ignore", "pipe", "ipc"] });
    const conn = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    conn.listen();
    try {
      const result = await conn.sendRequest<{ serverInfo: { name: string }; capabilities: Record<string, unknown> }>("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
      expect(result.serverInfo.name).toBe("keepalived-language-server");
      expect(result.capabilities.hoverProvider).toBe(true);
    } finally {
      conn.dispose();
      child.kill();
    }
  });
});
