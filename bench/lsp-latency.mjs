// LSP latency benchmark (issues 6 and 21): on generated configs of 5,000 and
// 50,000 lines, the time from a one-character didChange to the
// publishDiagnostics that answers it, and of hover and completion right after
// an edit (before any lint of it). The server runs with debounce 0
// (KEEPALIVED_LSP_DEBOUNCE_MS=0), so the number is the work itself; editors add
// the 200 ms debounce on top. Beside each edit, in this process, a full
// re-lint of the same text (what the server did per edit before issue 21),
// so the ratio holds on a loaded machine.
// The first WARMUP edits (default 20) are timed apart: V8 compiles the server's hot
// paths during them (a fresh server's first edits take several times the later
// ones), and an editor's server is warm after a minute of typing. Both are printed.
// Usage: npm run build && node bench/lsp-latency.mjs [lines,lines…] [edits]
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import lsp from "vscode-languageserver/node.js";

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = lsp;
const sizes = (process.argv[2] ?? "5000,50000").split(",").map(Number);
const edits = Number(process.argv[3] ?? 40);
const WARMUP = Number(process.env.WARMUP ?? 20);
const TARGETS = { 5000: 10, 50000: 25 };
const QUERY_TARGET_MS = 10;

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
  const text = out.slice(0, lines).join("\n") + "\n";
  // keep the cut-off tail balanced: close whatever is open
  const depth = [...text].reduce((d, c) => d + (c === "{") - (c === "}"), 0);
  return text + "}\n".repeat(Math.max(0, depth));
}

const serverBin = fileURLToPath(new URL("../dist/src/lsp/bin.js", import.meta.url));
const { analyze, diagnosticsByFile } = await import(new URL("../dist/src/service/index.js", import.meta.url).href);
const { nodeFiles } = await import(new URL("../dist/src/node/files.js", import.meta.url).href);

/** A server on stdio; `debounce` ms between an edit and its lint. */
async function startServer(debounce) {
  const proc = spawn(process.execPath, [serverBin, "--stdio"], { env: { ...process.env, KEEPALIVED_LSP_DEBOUNCE_MS: String(debounce) }, stdio: ["pipe", "pipe", "inherit"] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  let waiting;
  conn.onNotification("textDocument/publishDiagnostics", (p) => {
    if (waiting && p.uri === waiting.uri) {
      const w = waiting;
      waiting = undefined;
      w.resolve(p.diagnostics.length);
    }
  });
  conn.onNotification("window/logMessage", (p) => console.error(p.message));
  conn.listen();
  await conn.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
  await conn.sendNotification("initialized", {});
  return {
    conn,
    published: (uri) => new Promise((resolve) => (waiting = { uri, resolve })),
    async stop() {
      await conn.sendRequest("shutdown");
      await conn.sendNotification("exit");
      conn.dispose();
      proc.kill();
    },
  };
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const quantile = (xs, f) => sorted(xs)[Math.min(xs.length - 1, Math.floor(f * xs.length))];
const ms = (x) => `${x.toFixed(1)} ms`;
const summary = (xs) => `median ${ms(quantile(xs, 0.5))}, p90 ${ms(quantile(xs, 0.9))} (p90/median ${(quantile(xs, 0.9) / quantile(xs, 0.5)).toFixed(2)}), min ${ms(sorted(xs)[0])}, max ${ms(sorted(xs)[xs.length - 1])}`;
const timed = async (f) => {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

const dir = mkdtempSync(join(tmpdir(), "kl-lsp-bench-"));
let allMet = true;
try {
  for (const size of sizes) {
    const file = join(dir, `keepalived-${size}.conf`);
    let text = generate(size);
    writeFileSync(file, text);
    const uri = `file://${file}`;
    const linting = await startServer(0);
    // A server that never lints during the run: hover and completion read an edited buffer.
    const reading = await startServer(600_000);
    let p = linting.published(uri);
    await linting.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "keepalived", version: 1, text } });
    const firstCount = await p;
    await reading.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "keepalived", version: 1, text } });

    // The edits: at the first instance's priority, typing a digit, deleting it, and changing the last digit back and forth.
    const lines = text.split("\n");
    const line = lines.findIndex((l) => l.startsWith("  priority "));
    const end = lines[line].length;
    const kinds = [
      { range: { start: { line, character: end }, end: { line, character: end } }, text: "7" },
      { range: { start: { line, character: end }, end: { line, character: end + 1 } }, text: "" },
      { range: { start: { line, character: end - 1 }, end: { line, character: end } }, text: "9" },
      { range: { start: { line, character: end - 1 }, end: { line, character: end } }, text: lines[line].slice(-1) },
    ];
    const apply = (t, change) => {
      const ls = t.split("\n");
      const l = ls[change.range.start.line];
      ls[change.range.start.line] = l.slice(0, change.range.start.character) + change.text + l.slice(change.range.end.character);
      return ls.join("\n");
    };
    const disk = nodeFiles();
    let edit = [];
    // The timed edits again by kind: typing or deleting a digit moves every later block's findings, changing one does not.
    let byKind = kinds.map(() => []);
    let full = [];
    let hovers = [];
    let completions = [];
    let warm;
    for (let i = 0; i < WARMUP + edits; i++) {
      if (i === WARMUP) {
        warm = { edit, hovers, completions };
        edit = [];
        byKind = kinds.map(() => []);
        full = [];
        hovers = [];
        completions = [];
      }
      const change = kinds[i % kinds.length];
      text = apply(text, change);
      p = linting.published(uri);
      edit.push(await timed(async () => {
        await linting.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: i + 2 }, contentChanges: [change] });
        await p;
      }));
      byKind[i % kinds.length].push(edit[edit.length - 1]);
      // The same text linted whole in this process, as the server did per edit before (wall time).
      full.push(await timed(() => diagnosticsByFile(analyze(disk, file, { overrides: new Map([[file, text]]) }))));
      // Hover on the edited line, completion at the line's start, each right after an edit.
      await reading.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 * i + 2 }, contentChanges: [change] });
      hovers.push(await timed(() => reading.conn.sendRequest("textDocument/hover", { textDocument: { uri }, position: { line, character: 3 } })));
      await reading.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version: 2 * i + 3 }, contentChanges: [{ range: { start: { line: line + 1, character: 0 }, end: { line: line + 1, character: 0 } }, text: "" }] });
      completions.push(await timed(() => reading.conn.sendRequest("textDocument/completion", { textDocument: { uri }, position: { line, character: 2 } })));
    }
    await linting.stop();
    await reading.stop();

    const target = TARGETS[size];
    const med = quantile(edit, 0.5);
    const met = (target === undefined || med <= target) && quantile(edit, 0.9) <= 2 * med;
    const queriesMet = size < 50000 || (quantile(hovers, 0.5) <= QUERY_TARGET_MS && quantile(completions, 0.5) <= QUERY_TARGET_MS);
    allMet &&= met && queriesMet;
    console.log(`\n${size} lines, ${firstCount} diagnostics; ${edits} one-character edits after ${WARMUP} to warm up, debounce 0`);
    if (WARMUP > 0) console.log(`  the ${WARMUP} warm-up edits: didChange → publishDiagnostics median ${ms(quantile(warm.edit, 0.5))}, p90 ${ms(quantile(warm.edit, 0.9))}; hover median ${ms(quantile(warm.hovers, 0.5))}`);
    console.log(`  didChange → publishDiagnostics: ${summary(edit)}`);
    console.log(`    medians by edit: typing a digit ${ms(quantile(byKind[0], 0.5))}, deleting it ${ms(quantile(byKind[1], 0.5))} (the text's length changes); changing it ${ms(quantile(byKind[2], 0.5))} and back ${ms(quantile(byKind[3], 0.5))}`);
    console.log(`  full re-lint of the same text, in process: median ${ms(quantile(full, 0.5))}; ratio of medians ${(med / quantile(full, 0.5)).toFixed(2)}`);
    console.log(`  hover after an edit: ${summary(hovers)}`);
    console.log(`  completion after an edit: ${summary(completions)}`);
    if (target !== undefined) console.log(`  target: median ≤ ${target} ms, p90 ≤ 2× median: ${met ? "met" : "NOT met"}`);
    if (size >= 50000) console.log(`  target: hover and completion ≤ ${QUERY_TARGET_MS} ms: ${queriesMet ? "met" : "NOT met"}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = allMet ? 0 : 1;
