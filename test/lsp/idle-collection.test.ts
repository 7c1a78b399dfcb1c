// The server's scavenge after a published lint (src/lsp/idle-collection.ts) and
// the gc it uses (src/node/gc.ts): one scavenge per turn of the event loop,
// after the work. test/cli/bundle.test.ts checks that taking gc leaves V8's
// flags as they were (the code caches still accepted).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-languageserver/node.js";
import { describe, expect, inject, it } from "vitest";
import { idleCollector } from "../../src/lsp/idle-collection.js";
import { startServer } from "../../src/lsp/server.js";
import { exposedGc, type GcFunction } from "../../src/node/gc.js";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("idle collection", () => {
  it("scavenges once on the next turn, however many lints asked in this one", async () => {
    const calls: unknown[] = [];
    const collectSoon = idleCollector(((options) => calls.push(options)) as GcFunction);
    collectSoon();
    collectSoon();
    collectSoon();
    expect(calls).toEqual([]);
    await nextTurn();
    expect(calls).toEqual([{ type: "minor" }]);
    collectSoon();
    await nextTurn();
    expect(calls).toEqual([{ type: "minor" }, { type: "minor" }]);
  });

  it("does nothing without a gc", async () => {
    const collectSoon = idleCollector(undefined);
    expect(() => collectSoon()).not.toThrow();
    await nextTurn();
  });

  it("uses the gc a process was started with (--expose-gc), leaving the user's flags alone", () => {
    const gcModule = join(inject("builtRoot"), "src/node/gc.js");
    const code = `const { exposedGc } = await import(${JSON.stringify(gcModule)}); console.log(String(exposedGc() === globalThis.gc));`;
    const r = spawnSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", code], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("true");
  });

  it("has V8's gc to scavenge with (the same function every time)", () => {
    const gc = exposedGc();
    expect(typeof gc).toBe("function");
    expect(() => gc!({ type: "minor" })).not.toThrow();
    expect(exposedGc()).toBe(gc);
  });
});

describe("the language server's scavenge after publishing", () => {
  it("asks for one minor collection after a lint's diagnostics are written, and none before", async () => {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    // How many publishDiagnostics messages the server had written when it asked for a collection.
    let publishesWritten = 0;
    const write = fromServer.write.bind(fromServer) as (chunk: unknown, ...rest: unknown[]) => boolean;
    fromServer.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (String(chunk).includes("textDocument/publishDiagnostics")) publishesWritten++;
      return write(chunk, ...rest);
    }) as typeof fromServer.write;
    const calls: { options: unknown; publishesWritten: number }[] = [];
    const server = startServer({ input: toServer, output: fromServer, guardProcess: false, debounceMs: 0, hostName: "lb1", gc: (options) => calls.push({ options, publishesWritten }) });
    const client = createMessageConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
    const published: unknown[] = [];
    const publishedOnce = new Promise<void>((resolve) =>
      client.onNotification("textDocument/publishDiagnostics", (p) => {
        published.push(p);
        resolve();
      }),
    );
    client.listen();
    try {
      await client.sendRequest("initialize", { processId: null, rootUri: null, capabilities: {} });
      await client.sendNotification("initialized", {});
      expect(calls).toEqual([]);
      await client.sendNotification("textDocument/didOpen", {
        textDocument: { uri: "untitled:idle-collection", languageId: "keepalived", version: 1, text: "vrrp_instance V {\n  state BACKUP\n  bogus\n}\n" },
      });
      await publishedOnce;
      await nextTurn();
      await nextTurn();
      expect(published).toHaveLength(1);
      expect(calls).toEqual([{ options: { type: "minor" }, publishesWritten: 1 }]);
    } finally {
      client.dispose();
      server.dispose();
    }
  });
});
