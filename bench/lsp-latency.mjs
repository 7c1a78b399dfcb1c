// LSP latency benchmark (issue 6): time from a one-character didChange to the
// publishDiagnostics that answers it, on a generated 5,000-line config.
// The server runs with debounce 0 (KEEPALIVED_LSP_DEBOUNCE_MS=0), so the number
// is the work itself; editors add the 200 ms debounce on top.
// Usage: npm run build && node bench/lsp-latency.mjs [lines] [edits]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import lsp from "vscode-languageserver/node.js";

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = lsp;
const targetLines = Number(process.argv[2] ?? 5000);
const edits = Number(process.argv[3] ?? 40);
const TARGET_MS = 25;

/** VRRP instances with tracking, scripts and virtual servers, until `lines` lines. */
function generate(lines) {
  const out = ["global_defs {", "  router_id bench", "  enable_script_security", "  script_user root", "}"];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `vrrp_script chk_${i} {`, `  script "/usr/local/bin/check ${i}"`, "  interval 2", "  fall 2", "  rise 2", `  weight -${(i % 50) + 1}`, "}",
      `vrrp_instance VI_${i} {`, "  state BACKUP", "  interface eth0", `  virtual_router_id ${(i % 255) + 1}`, `  priority ${100 + (i % 50)}`,
      "  advert_int 1", "  virtual_ipaddress {", `    10.${(i >> 8) & 255}.${i & 255}.1/24 dev eth0`, "  }",
      "  track_script {", `    chk_${i}`, "  }", "}",
      `virtual_server 10.${(i >> 8) & 255}.${i & 255}.2 80 {`, "  delay_loop 6", "  lb_algo rr", "  lb_kind NAT", "  protocol TCP",
      `  real_server 10.${(i >> 8) & 255}.${i & 255}.3 80 {`, "    weight 1", "    TCP_CHECK {", "      connect_timeout 3", "    }", "  }", "}",
    );
  }
  return out.slice(0, lines).join("\n") + "\n";
}

const dir = mkdtempSync(join(tmpdir(), "kl-lsp-bench-"));
const file = join(dir, "keepalived.conf");
let text = generate(targetLines);
// keep the cut-off tail balanced: close whatever is open
const depth = [...text].reduce((d, c) => d + (c === "{") - (c === "}"), 0);
text += "}\n".repeat(Math.max(0, depth));
writeFileSync(file, text);
const uri = `file://${file}`;

const server = fileURLToPath(new URL("../dist/src/lsp/bin.js", import.meta.url));
const proc = spawn(process.execPath, [server, "--stdio"], { env: { ...process.env, KEEPALIVED_LSP_DEBOUNCE_MS: "0" }, stdio: ["pipe", "pipe", "inherit"] });
const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
let waiting;
conn.onNotification("textDocument/publishDiagnostics", (p) => {
  if (p.uri === uri && waiting) {
    const w = waiting;
    waiting = undefined;
    w(p.diagnostics.length);
  }
});
conn.onNotification("window/logMessage", (p) => console.error(p.message));
conn.listen();
await conn.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
await conn.sendNotification("initialized", {});

const published = () => new Promise((resolve) => (waiting = resolve));
let p = published();
await conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "keepalived", version: 1, text } });
const firstCount = await p;

// The edit: one digit of the first instance's priority, toggled back and forth.
const lines = text.split("\n");
const line = lines.findIndex((l) => l.startsWith("  priority "));
const character = lines[line].length - 1;
const times = [];
for (let i = 0; i < edits; i++) {
  const digit = String(i % 2 === 0 ? 1 : 0);
  p = published();
  const t0 = process.hrtime.bigint();
  await conn.sendNotification("textDocument/didChange", {
    textDocument: { uri, version: i + 2 },
    contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: digit }],
  });
  await p;
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
// The same work in this process, without the protocol: what the server does per edit (wall and CPU time).
const { analyze, diagnosticsByFile } = await import(new URL("../dist/src/service/index.js", import.meta.url).href);
const { nodeFiles } = await import(new URL("../dist/src/node/files.js", import.meta.url).href);
const disk = nodeFiles();
const inWall = [];
const inCpu = [];
for (let i = 0; i < Math.max(10, Math.floor(edits / 2)); i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  diagnosticsByFile(analyze(disk, file, { overrides: new Map([[file, text]]) }));
  const c = process.cpuUsage(c0);
  inWall.push(performance.now() - t0);
  inCpu.push((c.user + c.system) / 1000);
}
await conn.sendRequest("shutdown");
await conn.sendNotification("exit");
conn.dispose();
proc.kill();
rmSync(dir, { recursive: true, force: true });

const sorted = [...times].sort((a, b) => a - b);
const q = (f) => sorted[Math.min(sorted.length - 1, Math.floor(f * sorted.length))];
const lineCount = text.split("\n").length - 1;
console.log(`config: ${lineCount} lines, ${firstCount} diagnostics; ${edits} one-character edits, debounce 0`);
console.log(`didChange → publishDiagnostics: median ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`);
const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`in-process lint + conversion of the same config: median ${med(inWall).toFixed(1)} ms wall, ${med(inCpu).toFixed(1)} ms CPU`);
console.log(`target ≤ ${TARGET_MS} ms median: ${q(0.5) <= TARGET_MS ? "met" : "NOT met"}`);
