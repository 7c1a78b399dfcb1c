// npm packaging: the tarball holds what a user needs, installs into an empty
// folder, and both bins and a typed import of the API work from there.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "kl-pack-"));
const app = join(work, "app");
let tarball = "";
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(cmd: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", input, timeout: 10 * 60_000, env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Writes an ES module of `lines` into the app, runs it, expects exit 0 and returns the JSON it printed. */
function runModule(name: string, lines: string[]): unknown {
  writeFileSync(join(app, name), lines.join("\n") + "\n");
  const out = run(process.execPath, [join(app, name)], app);
  expect(out.code, out.err).toBe(0);
  return JSON.parse(out.out);
}

beforeAll(() => {
  const pack = run("npm", ["pack", "--pack-destination", work], ROOT);
  expect(pack.code, pack.err).toBe(0);
  tarball = join(work, pack.out.trim().split("\n").pop()!);
  writeFileSync(join(work, "package.json"), "{}");
  spawnSync("mkdir", ["-p", app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  const inst = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", tarball], app);
  expect(inst.code, inst.err).toBe(0);
}, 10 * 60_000);

describe("npm package", () => {
  test("the tarball holds dist/, docs/rules/, README and LICENSE, and no sources or tests", () => {
    const list = run("tar", ["-tzf", tarball], work).out.split("\n");
    expect(list).toContain("package/README.md");
    expect(list).toContain("package/LICENSE");
    expect(list).toContain("package/dist/cli/main.cjs");
    expect(list).toContain("package/dist/cli/THIRD-PARTY-LICENSES.txt");
    expect(list).toContain("package/dist/src/lsp/bin.js");
    expect(list).toContain("package/dist/src/index.d.ts");
    expect(list).toContain("package/dist/lib/index.js");
    expect(list).toContain("package/dist/lib/reader.js");
    expect(list).toContain("package/dist/lib/node.js");
    expect(list).toContain("package/docs/rules/nopreempt-weighted-tracking.md");
    expect(list.filter((f) => f.startsWith("package/test/") || f.endsWith(".test.js"))).toEqual([]);
    expect(list.filter((f) => /^package\/(src|grammar|rules)\//.test(f))).toEqual([]);
  });
  test("the keepalived-lint bin runs from the installed package", () => {
    const v = run(join(app, "node_modules/.bin/keepalived-lint"), ["--version"], app);
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^keepalived-lint \d+\.\d+\.\d+/);
    writeFileSync(join(app, "keepalived.conf"), "vrrp_instance V {\n  state MASTER\n  nopreempt\n  priority 100\n}\n");
    const lint = run(join(app, "node_modules/.bin/keepalived-lint"), ["-f", "compact", "keepalived.conf"], app);
    expect(lint.code).toBe(1);
    expect(lint.out).toContain("[nopreempt-state-master]");
    const explain = run(join(app, "node_modules/.bin/keepalived-lint"), ["explain", "nopreempt-state-master"], app);
    expect(explain.code).toBe(0);
    expect(explain.out).toContain("state BACKUP");
    // KEEPALIVED_LINT_DEBUG runs the installed unbundled modules (their imports resolve from the app's node_modules).
    const env = { ...process.env, NO_COLOR: "1", KEEPALIVED_LINT_DEBUG: "1", KEEPALIVED_LINT_INTERNAL_ERROR_TEST: "1" };
    const debug = spawnSync(join(app, "node_modules/.bin/keepalived-lint"), ["keepalived.conf"], { cwd: app, encoding: "utf8", env });
    expect(debug.status).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at lintCommand \(.*node_modules[\\/]keepalived-lint[\\/]dist[\\/]src[\\/]cli[\\/]commands[\\/]lint\.js:/);
  });
  test("the keepalived-language-server bin answers initialize over stdio", async () => {
    const msg = (o: object) => {
      const b = JSON.stringify(o);
      return `Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`;
    };
    const child = spawn(join(app, "node_modules/.bin/keepalived-language-server"), ["--stdio"], { cwd: app });
    let out = "";
    const answered = new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no answer; got: ${out}`)), 30_000);
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        if (out.includes('"id":1')) {
          clearTimeout(timer);
          done();
        }
      });
    });
    // stdin stays open until the answer: a language server stops when its input ends.
    child.stdin.write(msg({ jsonrpc: "2.0", id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } }));
    await answered;
    child.stdin.end(msg({ jsonrpc: "2.0", method: "exit" }));
    expect(out).toContain("capabilities");
    expect(out).toContain("hoverProvider");
  });
  test("a typed import of the API compiles and runs", () => {
    writeFileSync(join(app, "use.ts"), [
      'import { parseText, lintText, type ParseResult, type Diagnostic } from "keepalived-lint";',
      'const parsed: ParseResult = parseText("vrrp_instance V {\\n  state BACKUP\\n}\\n");',
      "const names: string[] = parsed.ast.children.map((n) => n.name);",
      'const found: Diagnostic[] = lintText("vrrp_instance V {\\n  state MASTER\\n  nopreempt\\n}\\n").diagnostics;',
      "console.log(JSON.stringify({ names, rules: found.map((d) => d.ruleId) }));",
      "",
    ].join("\n"));
    writeFileSync(join(app, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", strict: true, outDir: "out", skipLibCheck: false, types: [] }, files: ["use.ts"] }));
    const tsc = run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."], app);
    expect(tsc.code, tsc.out + tsc.err).toBe(0);
    const out = run(process.execPath, [join(app, "out/use.js")], app);
    expect(out.code, out.err).toBe(0);
    const data = JSON.parse(out.out);
    expect(data.names).toEqual(["vrrp_instance"]);
    expect(data.rules).toContain("nopreempt-state-master");
  });
  test("keepalived-lint/reader parses alone, and its objects are the main entry's classes", () => {
    // The entries are bundles that share a chunk: a SourceFile from one is a SourceFile of the other.
    const out = runModule("reader.mjs", [
      'import * as reader from "keepalived-lint/reader";',
      'import * as main from "keepalived-lint";',
      'const r = reader.parseText("$N=V1\\nvrrp_instance $N {\\n  state BACKUP\\n}\\n");',
      'const file = [...r.files.values()][0];',
      "console.log(JSON.stringify({ name: r.ast.children[0].args[0].text, shared: file instanceof main.SourceFile, same: reader.readConfig === main.readConfig }));",
    ]);
    expect(out).toEqual({ name: "V1", shared: true, same: true });
  });
  test("keepalived-lint/node reads configs and their includes from disk", () => {
    writeFileSync(join(app, "main.conf"), "include sub.conf\nvrrp_instance V {\n}\n");
    writeFileSync(join(app, "sub.conf"), "global_defs {\n  router_id R1\n}\n");
    const out = runModule("disk.mjs", [
      'import { readConfig } from "keepalived-lint/reader";',
      'import { nodeFiles } from "keepalived-lint/node";',
      'const r = readConfig(nodeFiles(), ["main.conf"]);',
      "console.log(JSON.stringify({ names: r.ast.children.map((n) => n.name), files: [...r.files.keys()].sort() }));",
    ]);
    // The include is resolved next to the file that names it, as keepalived does.
    expect(out).toEqual({ names: ["global_defs", "vrrp_instance"], files: [join(app, "sub.conf"), "main.conf"].sort() });
  });
});

