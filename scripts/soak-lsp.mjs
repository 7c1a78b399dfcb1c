#!/usr/bin/env node
// npm run soak-lsp -- [--edits N] [--seed N]
//
// A soak of the built language server (npm run build first): two documents
// edited at random (one by incremental changes, one by full-text changes),
// random requests at random positions, and garbage messages (broken JSON,
// unknown methods, missing parameters, positions far outside the text).
// Checks that the server stays up, answers every request, and that its
// memory stays flat. test/hardening/soak.test.ts runs a short fixed-seed slice.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { prng } from "./fuzz-lib.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const PIECES = ["{", "}", " ", "\n", "\r\n", "\t", "\"", "#", "!", "$X", "$X=a \\\n", "~SEQ(i,1,3) ", "@id ", "include x.conf\n", "vrrp_instance VI_1 {\n",
  "state MASTER\n", "nopreempt\n", "priority 100\n", "track_script {\n chk weight -20\n}\n", "virtual_ipaddress {\n 10.0.0.1\n}\n", "vrrp_script chk {\n script /bin/true\n}\n", "é", "\0"];
const REQUESTS = ["textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references", "textDocument/prepareRename",
  "textDocument/rename", "textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/codeAction", "textDocument/formatting", "textDocument/rangeFormatting"];

/** LSP positions: lines end at \r\n, \n or \r; characters are UTF-16 units (JavaScript's own). */
function positionOf(text, offset) {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function soak({ edits = 10_000, seed = 24, bin = resolve(repoRoot, "dist/src/lsp/bin.js"), timeoutMs = 30_000, log = () => {} } = {}) {
  const random = prng(seed);
  const pick = (n) => Math.floor(random() * n);
  const proc = spawn(process.execPath, [bin, "--stdio"], { cwd: repoRoot, stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  proc.stderr.on("data", (b) => (stderr += b));
  let exited = null;
  proc.on("exit", (code, signal) => (exited = { code, signal }));
  const pending = new Map();
  let nextId = 1;
  let buf = Buffer.alloc(0);
  const stats = { requests: 0, answered: 0, errors: 0, garbage: 0, edits: 0 };
  proc.stdout.on("data", (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      const head = buf.indexOf("\r\n\r\n");
      if (head < 0) return;
      const m = /Content-Length: (\d+)/i.exec(buf.subarray(0, head).toString());
      const len = Number(m?.[1]);
      if (buf.length < head + 4 + len) return;
      const msg = JSON.parse(buf.subarray(head + 4, head + 4 + len).toString("utf8"));
      buf = buf.subarray(head + 4 + len);
      if (msg.method && msg.id !== undefined) send({ jsonrpc: "2.0", id: msg.id, result: null }); // the server asks the client something
      else if (msg.id !== undefined && pending.has(msg.id)) {
        const p = pending.get(msg.id);
        pending.delete(msg.id);
        stats.answered++;
        if (msg.error) stats.errors++;
        p(msg);
      }
    }
  });
  const raw = (body) => proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  const send = (obj) => raw(JSON.stringify(obj));
  const request = (method, params) => {
    const id = nextId++;
    stats.requests++;
    const answer = new Promise((res) => pending.set(id, res));
    send({ jsonrpc: "2.0", id, method, params });
    return answer;
  };
  const notify = (method, params) => send({ jsonrpc: "2.0", method, params });

  const base = readFileSync(resolve(repoRoot, "examples/memcached-three-nodes/node1.conf"), "utf8");
  const docs = [
    { uri: pathToFileURL(resolve(repoRoot, "soak/incremental.conf")).href, text: base, version: 1, full: false },
    { uri: pathToFileURL(resolve(repoRoot, "soak/full.conf")).href, text: base, version: 1, full: true },
  ];
  await request("initialize", { processId: process.pid, rootUri: pathToFileURL(repoRoot).href, capabilities: {} });
  notify("initialized", {});
  for (const d of docs) notify("textDocument/didOpen", { textDocument: { uri: d.uri, languageId: "keepalived", version: 1, text: d.text } });

  const inFlight = [];
  const garbage = () => {
    stats.garbage++;
    switch (pick(7)) {
      case 0: return raw("{ this is not json");
      case 1: return raw(JSON.stringify({ hello: "world" }));
      case 2: return inFlight.push(request("keepalived/noSuchMethod", { x: 1 }));
      case 3: return inFlight.push(request("textDocument/hover", {}));
      case 4: return inFlight.push(request("textDocument/hover", { textDocument: { uri: docs[0].uri }, position: { line: 1e6, character: 1e6 } }));
      case 5: return notify("textDocument/didChange", { textDocument: { uri: "file:///nowhere.conf", version: 2 }, contentChanges: [{ text: "x" }] });
      default: return inFlight.push(request("textDocument/completion", { textDocument: { uri: "file:///not-open.conf" }, position: { line: 0, character: 0 } }));
    }
  };
  let warmRss;
  let peakRss = 0;
  for (let i = 0; i < edits; i++) {
    const d = docs[pick(2)];
    const at = pick(d.text.length + 1);
    const del = pick(4) === 0 ? pick(Math.min(200, d.text.length - at) + 1) : 0;
    const ins = pick(3) === 0 ? "" : PIECES[pick(PIECES.length)];
    const start = positionOf(d.text, at);
    const end = positionOf(d.text, at + del);
    d.text = d.text.slice(0, at) + ins + d.text.slice(at + del);
    if (d.text.length > 20_000) d.text = d.text.slice(0, 5_000);
    d.version++;
    const change = d.full || d.text.length === 5_000 ? { text: d.text } : { range: { start, end }, text: ins };
    notify("textDocument/didChange", { textDocument: { uri: d.uri, version: d.version }, contentChanges: [change] });
    stats.edits++;
    if (pick(3) === 0) {
      const method = REQUESTS[pick(REQUESTS.length)];
      const a = positionOf(d.text, pick(d.text.length + 1));
      const b = positionOf(d.text, pick(d.text.length + 1));
      const range = a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
      const params = { textDocument: { uri: d.uri }, position: a, range, newName: "chk_renamed", context: { includeDeclaration: true, diagnostics: [] }, options: { tabSize: 4, insertSpaces: true } };
      inFlight.push(request(method, params));
    }
    if (pick(100) === 0) garbage();
    // Answers are awaited in batches: the server works while the client keeps typing, as in an editor.
    if (inFlight.length >= 20 || i === edits - 1) {
      const all = Promise.all(inFlight.splice(0));
      const timedOut = await Promise.race([all.then(() => false), new Promise((r) => setTimeout(() => r(true), timeoutMs))]);
      if (timedOut) throw new Error(`soak: requests unanswered for ${timeoutMs} ms after edit ${i}${exited ? ` (server exited: ${JSON.stringify(exited)})` : ""}\n${stderr.slice(-2000)}`);
      const rss = rssMb(proc.pid);
      if (rss !== undefined) {
        peakRss = Math.max(peakRss, rss);
        if (warmRss === undefined && i >= edits / 5) warmRss = rss;
      }
    }
    if (i % 1000 === 999) log(`soak: ${i + 1} edits, ${stats.answered}/${stats.requests} answered, rss ${rssMb(proc.pid)?.toFixed(0)} MB`);
  }
  const endRss = rssMb(proc.pid);
  const alive = exited === null;
  await request("shutdown", null);
  notify("exit", null);
  await new Promise((r) => (exited ? r() : proc.on("exit", r)));
  return { ...stats, alive, exit: exited, warmRss, endRss, peakRss, unanswered: pending.size, stderr };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : dflt);
  const t0 = Date.now();
  const r = await soak({ edits: opt("--edits", 10_000), seed: opt("--seed", 24), log: console.log });
  const flat = r.warmRss === undefined || r.endRss === undefined || r.endRss <= r.warmRss * 1.5 + 64;
  console.log(`soak: ${r.edits} edits, ${r.requests} requests (${r.errors} error answers), ${r.garbage} garbage messages in ${((Date.now() - t0) / 1000).toFixed(0)} s; ` +
    `server ${r.alive ? "up" : "DOWN"}, ${r.unanswered} unanswered, rss ${r.warmRss?.toFixed(0)} MB after warm-up, ${r.endRss?.toFixed(0)} MB at the end (peak ${r.peakRss.toFixed(0)} MB)`);
  process.exit(r.alive && r.unanswered === 0 && flat && r.exit?.code === 0 ? 0 : 1);
}
