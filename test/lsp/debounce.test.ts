/**
 * Debounced diagnostics: a burst of edits gives one lint of the last text
 * (earlier, stale results are never published), and closing a configuration
 * clears what it published.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClient, type TestClient } from "./client.js";

let dir: string;
let client: TestClient;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kl-lsp-debounce-"));
  client = await startClient({ initializationOptions: { debounceMs: 400 } });
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("debounced diagnostics", () => {
  it("publishes once for a burst of edits, for the last text", async () => {
    const file = join(dir, "burst.conf");
    const uri = `file://${file}`;
    writeFileSync(file, "");
    await client.open(uri, "vrrp_instance V {\n  state BACKUP\n}\n");
    const first = await client.diagnostics(uri);
    const countBefore = client.published.filter((p) => p.uri === uri).length;
    // Five edits in a row, each adding an unknown keyword; the last one fixes them all.
    for (let v = 2; v <= 6; v++) {
      const text = v < 6 ? `vrrp_instance V {\n  state BACKUP\n  bogus_${v}\n}\n` : "vrrp_instance V {\n  state BACKUP\n}\n";
      await client.notify("textDocument/didChange", { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    }
    const last = await client.diagnostics(uri);
    await new Promise((r) => setTimeout(r, 600));
    const published = client.published.filter((p) => p.uri === uri).slice(countBefore);
    expect(published).toHaveLength(1);
    expect(last.map((d) => d.code)).not.toContain("unknown-keyword");
    expect(last).toEqual(first);
  });

  it("with no delay (debounceMs 0), every edit is linted and the last publication is the last text's", async () => {
    const eager = await startClient({ initializationOptions: { debounceMs: 0 } });
    try {
      const file = join(dir, "eager.conf");
      const uri = `file://${file}`;
      writeFileSync(file, "");
      await eager.open(uri, "vrrp_instance V {\n  state BACKUP\n}\n");
      const unknown = (ds: { code?: unknown; message: string }[]) => ds.filter((d) => d.code === "unknown-keyword").map((d) => /"[^"]*"/.exec(d.message)?.[0]);
      expect(unknown(await eager.diagnostics(uri))).toEqual([]);
      const countBefore = eager.published.filter((p) => p.uri === uri).length;
      for (let v = 2; v <= 4; v++) {
        const text = `vrrp_instance V {\n  state BACKUP\n  bogus_${v}\n}\n`;
        await eager.notify("textDocument/didChange", { textDocument: { uri, version: v }, contentChanges: [{ text }] });
        // Each edit answered before the next one is sent: nothing waits for a quiet spell.
        const ds = await eager.diagnostics(uri, (d) => d.some((x) => x.message.includes(`bogus_${v}`)));
        expect(unknown(ds)).toEqual([`"bogus_${v}"`]);
      }
      expect(eager.published.filter((p) => p.uri === uri).length - countBefore).toBe(3);
    } finally {
      await eager.close();
    }
  });

  it("clears a main file's diagnostics when it is closed", async () => {
    const file = join(dir, "closed.conf");
    const uri = `file://${file}`;
    writeFileSync(file, "");
    await client.open(uri, "vrrp_instance V {\n  bogus\n}\n");
    await client.diagnostics(uri, (ds) => ds.some((d) => d.code === "unknown-keyword"));
    const cleared = client.diagnostics(uri, (ds) => ds.length === 0);
    await client.notify("textDocument/didClose", { textDocument: { uri } });
    expect(await cleared).toEqual([]);
  });
});
