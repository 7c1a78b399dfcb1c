// The command line and the language server give the same findings for every
// keepalived sample and corpus config, under the same settings file: both go
// through the workspace, so a setting or default (the host name as config id)
// cannot reach one front end and miss the other. One CLI run over all files,
// one server with every file open.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, expect, test } from "vitest";
import { readConfig } from "../../grammar/reader.js";
import { nodeFiles } from "../../src/node/files.js";
import { hostName } from "../../src/node/host.js";
import { runCli } from "../cli/helpers.js";
import { repoRoot, startClient } from "./client.js";

const SAMPLES = "/usr/share/doc/keepalived/samples";
const CORPUS = resolve(repoRoot, "../shared/corpus/keepalived-devel-tools/configs");

/** Files below `dir`, following the links to the samples and the corpus. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const p = join(dir, name);
      const st = statSync(p);
      return st.isDirectory() ? filesUnder(p) : st.isFile() ? [p] : [];
    })
    .sort();
}

/** The case: `@<host> nopreempt` with a weighted tracker is nopreempt-weighted-tracking on this host. */
const HOST_CONFIG = `vrrp_script chk {
  script "/usr/bin/test -f /tmp/ok"
  interval 1
}
vrrp_instance VI {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority 100
  @${hostName()} nopreempt
  virtual_ipaddress {
    10.0.0.100/24
  }
  track_script {
    chk weight -20
  }
}
`;

// The samples and the corpus are linked (never copied) under a directory holding the settings file.
const dir = mkdtempSync(join(tmpdir(), "kl-parity-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, ".keepalived-lint.json"), JSON.stringify({ targetVersion: "2.2.7", rules: { "script-security-disabled": "off", "deprecated-keyword": "error" } }));
writeFileSync(join(dir, "host.conf"), HOST_CONFIG);
if (existsSync(SAMPLES)) symlinkSync(SAMPLES, join(dir, "samples"));
if (existsSync(CORPUS)) symlinkSync(CORPUS, join(dir, "corpus"));
const files = filesUnder(dir).filter((f) => !f.endsWith(".keepalived-lint.json"));

/**
 * Files another config includes are checked as part of it (and the editor
 * lints them in their owner's context): their findings depend on which
 * configuration is looked at, so the comparison is over the others.
 */
function includedByOthers(): Set<string> {
  const fs = nodeFiles();
  const out = new Set<string>();
  for (const f of files) {
    if (!/^\s*@?\S*\s*include\b/m.test(readFileSync(f, "latin1"))) continue;
    for (const p of readConfig(fs, [f]).files.keys()) if (p !== f) out.add(p);
  }
  return out;
}

type Finding = string;
const key = (ruleId: unknown, severity: 1 | 2, line: number, column: number, endLine: number, endColumn: number, message: string): Finding =>
  `${line}:${column}-${endLine}:${endColumn} ${ruleId} ${severity} ${message.split("\n")[0]}`;

test("CLI and language server agree on every sample and corpus file, settings and host name included", async () => {
  expect(files.length).toBeGreaterThan(1);
  const compared = new Set(files);
  for (const f of includedByOthers()) compared.delete(f);

  const report = join(dir, "report.json");
  const cli = runCli(["-f", "json", "-o", report, ...files.map((f) => relative(dir, f))], { cwd: dir });
  expect(cli.stderr).toBe("");
  const byCli = new Map<string, Finding[]>();
  for (const r of JSON.parse(readFileSync(report, "utf8")) as { filePath: string; messages: { ruleId: string; severity: 1 | 2; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[]) {
    if (!compared.has(r.filePath)) continue;
    byCli.set(r.filePath, r.messages.map((m) => key(m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn, m.message)).sort());
  }

  const client = await startClient({ initializationOptions: { debounceMs: 0 } });
  const byLsp = new Map<string, Finding[]>();
  try {
    const uris = new Map(files.map((f) => [pathToFileURL(f).href, f]));
    const waiting = new Set([...uris.keys()].filter((u) => compared.has(uris.get(u)!)));
    const allIn = new Promise<void>((done) => {
      client.conn.onNotification("textDocument/publishDiagnostics", (p: { uri: string; diagnostics: { code?: unknown; severity?: number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; message: string }[] }) => {
        const f = uris.get(p.uri);
        if (!f || !compared.has(f)) return;
        // The command line names files in messages relative to the repository root (no machine paths in CI
        // output); the editor keeps them absolute, as it shows them to the user on that machine.
        const relativeMessage = (m: string) => m.split(`${dir}/`).join("");
        byLsp.set(f, p.diagnostics.map((d) => key(d.code, d.severity === 1 ? 2 : 1, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, relativeMessage(d.message))).sort());
        waiting.delete(p.uri);
        if (waiting.size === 0) done();
      });
    });
    for (const [uri, f] of uris) await client.open(uri, readFileSync(f, "utf8"));
    await allIn;
    // Later publications of a root (another file taking an include in) say the same; let them land.
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    await client.close();
  }

  // The host's @ line counts in both.
  const host = join(dir, "host.conf");
  expect(byCli.get(host)?.some((f) => f.includes("nopreempt-weighted-tracking"))).toBe(true);
  expect(byCli.get(host)?.some((f) => f.includes("script-security-disabled"))).toBe(false);
  const differ = [...compared].filter((f) => JSON.stringify(byCli.get(f) ?? []) !== JSON.stringify(byLsp.get(f) ?? []));
  expect(differ.map((f) => ({ file: relative(dir, f), cli: byCli.get(f), lsp: byLsp.get(f) })).slice(0, 3)).toEqual([]);
}, 240_000);
