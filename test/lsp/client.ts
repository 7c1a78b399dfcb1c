/**
 * A minimal LSP client for tests: spawns the built server
 * (`node dist/src/lsp/bin.js --stdio`) and speaks JSON-RPC over its stdio.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { resolve } from "node:path";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-languageserver/node.js";
import type { Diagnostic, PublishDiagnosticsParams } from "vscode-languageserver/node.js";

export const repoRoot = resolve(import.meta.dirname, "../..");
export const serverBin = resolve(repoRoot, "dist/src/lsp/bin.js");

export interface TestClient {
  conn: MessageConnection;
  proc: ChildProcessWithoutNullStreams;
  stderr: () => string;
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[];
  /** window/logMessage texts the server sent. */
  logs: () => string[];
  request<R = unknown>(method: string, params: unknown): Promise<R>;
  notify(method: string, params: unknown): Promise<void>;
  open(uri: string, text: string, version?: number): Promise<void>;
  /** The next diagnostics for `uri` satisfying `until` (default: any). */
  diagnostics(uri: string, until?: (ds: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

export async function startClient(options: { initializationOptions?: unknown; env?: Record<string, string>; args?: string[]; bin?: string } = {}): Promise<TestClient> {
  const proc = spawn(process.execPath, [options.bin ?? serverBin, ...(options.args ?? ["--stdio"])], {
    cwd: repoRoot,
    env: { ...process.env, KEEPALIVED_LINT_KEEPALIVED: "none", ...options.env },
  });
  let err = "";
  proc.stderr.on("data", (b: Buffer) => (err += b.toString()));
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const latest = new Map<string, Diagnostic[]>();
  const published: PublishDiagnosticsParams[] = [];
  const waiters: { uri: string; until: (ds: Diagnostic[]) => boolean; resolve: (ds: Diagnostic[]) => void }[] = [];
  conn.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p.diagnostics);
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.until(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  const logs: string[] = [];
  conn.onNotification("window/logMessage", (p: { message: string }) => logs.push(p.message));
  conn.onRequest(() => null);
  conn.listen();
  // If the server dies before answering (a broken build), fail with what it printed instead of hanging.
  const died = new Promise<never>((_, rej) => proc.on("exit", (code) => rej(new Error(`server exited with ${code} before initialize:\n${err}`))));
  died.catch(() => undefined);
  await Promise.race([died, conn.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    capabilities: { textDocument: { hover: { contentFormat: ["markdown"] }, publishDiagnostics: { relatedInformation: true } } },
    initializationOptions: options.initializationOptions,
  })]);
  await conn.sendNotification("initialized", {});
  return {
    conn,
    proc,
    stderr: () => err,
    logs: () => logs,
    published,
    request: (method, params) => conn.sendRequest(method, params),
    notify: (method, params) => conn.sendNotification(method, params),
    open: (uri, text, version = 1) => conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "keepalived", version, text } }),
    diagnostics(uri, until = () => true, timeoutMs = 10_000) {
      return new Promise((res, rej) => {
        const timer = setTimeout(() => rej(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(latest.get(uri))}\nstderr: ${err}`)), timeoutMs);
        waiters.push({ uri, until, resolve: (ds) => (clearTimeout(timer), res(ds)) });
      });
    },
    async close() {
      try {
        await Promise.race([conn.sendRequest("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
        await conn.sendNotification("exit");
      } catch {
        // The server may already be gone; the kill below settles it.
      }
      conn.dispose();
      proc.kill();
    },
  };
}
