// The server's message encoder (src/lsp/diagnostics-encoder.ts) writes a
// publishDiagnostics notification from each diagnostic's kept JSON: its
// bytes must be what the protocol library's own encoder writes
// (JSON.stringify of the message), for every message, also when a
// diagnostic object comes back or a field is undefined.
import { describe, expect, it } from "vitest";
import { diagnosticsEncoder } from "../../src/lsp/diagnostics-encoder.js";

const options = { charset: "utf-8" as const };

async function encoded(encoder: ReturnType<typeof diagnosticsEncoder>, msg: object): Promise<string> {
  if (!("encode" in encoder)) throw new Error("not a function encoder");
  return Buffer.from(await encoder.encode(msg as never, options)).toString("utf-8");
}

const diagnostic = (line: number, message: string) => ({
  range: { start: { line, character: 2 }, end: { line, character: 9 } },
  severity: 2,
  source: "keepalived-lint",
  code: "deprecated-keyword",
  message,
});

const publish = (params: object) => ({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params });

describe("diagnostics encoder", () => {
  it("writes each message as JSON.stringify does", async () => {
    const encoder = diagnosticsEncoder();
    const messages = [
      publish({ uri: "file:///etc/keepalived/keepalived.conf", diagnostics: [diagnostic(1, "a"), diagnostic(2, 'quote " and \\ and é and 😀\nnext line')] }),
      publish({ uri: "file:///a.conf", version: 7, diagnostics: [] }),
      publish({ uri: "file:///a.conf", version: undefined, diagnostics: [{ ...diagnostic(0, "x"), tags: [2], relatedInformation: undefined }] }),
      publish({ diagnostics: [diagnostic(3, "keys in another order")], uri: "file:///b.conf" }),
      { jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: "file:///c.conf", diagnostics: [] }, extra: 1 },
      { jsonrpc: "2.0", id: 4, result: { contents: { kind: "markdown", value: "**priority**" } } },
      { jsonrpc: "2.0", method: "window/logMessage", params: { type: 3, message: "hello" } },
    ];
    for (const msg of messages) expect(await encoded(encoder, msg)).toBe(JSON.stringify(msg));
  });

  it("writes an object published again as it is now kept, and another object with its own content", async () => {
    const encoder = diagnosticsEncoder();
    const kept = diagnostic(5, "kept");
    const first = publish({ uri: "file:///a.conf", diagnostics: [kept, diagnostic(6, "first")] });
    expect(await encoded(encoder, first)).toBe(JSON.stringify(first));
    // The same object again beside a new one with equal keys and other values.
    const second = publish({ uri: "file:///a.conf", diagnostics: [diagnostic(6, "second"), kept] });
    expect(await encoded(encoder, second)).toBe(JSON.stringify(second));
    expect(JSON.parse(await encoded(encoder, second)).params.diagnostics.map((d: { message: string }) => d.message)).toEqual(["second", "kept"]);
  });

  it("honours toJSON wherever it is, and writes what is not an object in the list as JSON.stringify does", async () => {
    const encoder = diagnosticsEncoder();
    const asJson = () => ({ message: "as JSON" });
    const cases = [
      publish({ uri: "file:///a.conf", diagnostics: [{ ...diagnostic(1, "a"), toJSON: asJson }] }),
      publish({ uri: "file:///a.conf", diagnostics: [diagnostic(1, "a")], toJSON: () => ({ uri: "file:///from-toJSON", diagnostics: [] }) }),
      { ...publish({ uri: "file:///a.conf", diagnostics: [diagnostic(1, "a")] }), toJSON: () => ({ jsonrpc: "2.0", method: "other" }) },
      publish({ uri: "file:///a.conf", diagnostics: [[1, 2], undefined, null, 3] }),
    ];
    for (const msg of cases) expect(await encoded(encoder, msg)).toBe(JSON.stringify(msg));
  });
});
