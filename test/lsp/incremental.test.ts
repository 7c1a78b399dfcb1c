// Issue 21: the language server re-reads only the top-level blocks an edit
// touches. Through the protocol: after every incremental didChange (ranges,
// several per notification, seeded), the diagnostics it publishes equal those
// of a second server that opens the same text fresh; hover and completion
// answer on the edited text before it is linted.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRng } from "../oracle/mutants.js";
import { startClient, type TestClient } from "./client.js";

let dir: string;
let edited: TestClient;
let fresh: TestClient;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kl-lsp-incremental-"));
  [edited, fresh] = await Promise.all([startClient({ env: { KEEPALIVED_LSP_DEBOUNCE_MS: "0" } }), startClient({ env: { KEEPALIVED_LSP_DEBOUNCE_MS: "0" } })]);
});
afterAll(async () => {
  await Promise.all([edited?.close(), fresh?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

function generated(blocks: number): string {
  const out = ["global_defs {", "  router_id lsp", "}"];
  for (let i = 0; i < blocks; i++) {
    out.push(
      `vrrp_script chk_${i} {`, `  script "/usr/local/bin/check ${i}"`, "  interval 2", "}",
      `vrrp_instance VI_${i} {`, "  state BACKUP", "  interface eth0", `  virtual_router_id ${i + 1}`, `  priority ${i % 3 === 0 ? 300 : 100 + i}`,
      "  virtual_ipaddress {", `    10.0.${i}.1/24`, "  }", "  track_script {", `    chk_${i}`, "  }", "}",
    );
  }
  return out.join("\n") + "\n";
}

/** LSP position of an offset. */
function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  const line = before.split("\n").length - 1;
  return { line, character: offset - (before.lastIndexOf("\n") + 1) };
}

const PIECES = ["  priority 256\n", "  nopreempt\n", "x", "1", "\n", "  garbage 1\n", "# c\n", "  interface\n", "  state MASTER\n", "vrrp_instance VI_X {\n  state BACKUP\n}\n", "}", "{"];

/** Fresh diagnostics for `text`: a new document in the other server. */
async function freshDiagnostics(uri: string, text: string) {
  const published = fresh.diagnostics(uri);
  await fresh.open(uri, text);
  const ds = await published;
  // Closing clears what it published: wait for that, or it could answer the next open's wait.
  const cleared = ds.length > 0 ? fresh.diagnostics(uri, (d) => d.length === 0) : undefined;
  await fresh.notify("textDocument/didClose", { textDocument: { uri } });
  await cleared;
  return ds;
}

describe("incremental didChange (issue 21)", () => {
  it("publishes what a fresh open of the same text publishes, after each of 40 seeded edits", async () => {
    const uri = pathToFileURL(join(dir, "keepalived.conf")).href;
    let text = generated(10);
    let published = edited.diagnostics(uri);
    await edited.open(uri, text);
    expect(await published).toEqual(await freshDiagnostics(uri, text));
    const rng = createRng(21);
    for (let version = 2; version < 42; version++) {
      // One to three changes per notification, each on the text the one before left.
      const changes = [];
      for (let k = Math.floor(rng() * 3); k >= 0; k--) {
        const start = Math.floor(rng() * text.length);
        const end = rng() < 0.5 ? start : Math.min(text.length, start + Math.floor(rng() * 6));
        const piece = rng() < 0.7 ? PIECES[Math.floor(rng() * PIECES.length)] : "";
        changes.push({ range: { start: positionOf(text, start), end: positionOf(text, end) }, text: piece });
        text = text.slice(0, start) + piece + text.slice(end);
      }
      published = edited.diagnostics(uri);
      await edited.notify("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes });
      const got = await published;
      expect(got, `after edit ${version}:\n${text}`).toEqual(await freshDiagnostics(uri, text));
    }
  });

  // The server publishes the same diagnostic objects again while their ranges stay, and keeps their JSON
  // (src/service/diagnostics.ts, src/lsp/diagnostics-encoder.ts): kept findings moved by lines above them,
  // and a line break that replaces a character (every offset the same, later lines one further down).
  it("publishes moved findings where they are now, also when their offsets stay and their lines do not", async () => {
    const uri = pathToFileURL(join(dir, "moved.conf")).href;
    let text = "global_defs {\n  router_id lsp # a b\n}\n" + "virtual_server 10.0.0.1 80 {\n  lb_algo rr\n  protocol TCP\n  real_server 10.0.0.2 80 {\n    weight 1\n  }\n}\n".repeat(3).replace(/10\.0\.0\.1 80/g, (m, at) => `10.0.${at}.1 80`);
    let published = edited.diagnostics(uri);
    await edited.open(uri, text);
    const first = await published;
    expect(first.filter((d: { code?: unknown }) => d.code === "deprecated-keyword").length).toBe(3);
    const edits: [string, string][] = [
      ["  router_id lsp # a b\n", "  router_id lsp # a b\n# one more\n"],
      ["# a b", "# a\nb"],
      ["# a\nb", "# a b"],
      ["# one more\n", "# one line more\n"],
    ];
    for (const [version, [from, to]] of edits.entries()) {
      const at = text.indexOf(from);
      expect(at).toBeGreaterThanOrEqual(0);
      published = edited.diagnostics(uri);
      await edited.notify("textDocument/didChange", {
        textDocument: { uri, version: version + 2 },
        contentChanges: [{ range: { start: positionOf(text, at), end: positionOf(text, at + from.length) }, text: to }],
      });
      text = text.slice(0, at) + to + text.slice(at + from.length);
      expect(await published, `after ${JSON.stringify(to)}`).toEqual(await freshDiagnostics(uri, text));
    }
  });

  // The debounce is a minute, so no lint has run since the edit: both read the buffer's tree (bench/lsp-latency.mjs times them).
  it("answers hover and completion on the edited text before it is linted", async () => {
    const client = await startClient({ initializationOptions: { debounceMs: 60_000 } });
    try {
      const uri = pathToFileURL(join(dir, "hover.conf")).href;
      const text = generated(3);
      await client.open(uri, text);
      // A new line at the top moves everything; hover on the moved "priority" and complete in the new block.
      await client.notify("textDocument/didChange", {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "vrrp_instance VI_NEW {\n  adv\n}\n" }],
      });
      const edited = "vrrp_instance VI_NEW {\n  adv\n}\n" + text;
      const priority = positionOf(edited, edited.indexOf("  priority") + 3);
      const hover = await client.request<{ contents: { value: string } } | null>("textDocument/hover", { textDocument: { uri }, position: priority });
      expect(hover?.contents.value).toMatch(/priority/);
      const items = await client.request<{ label: string }[] | { items: { label: string }[] }>("textDocument/completion", { textDocument: { uri }, position: { line: 1, character: 5 } });
      const labels = (Array.isArray(items) ? items : items.items).map((i) => i.label);
      expect(labels).toContain("advert_int");
    } finally {
      await client.close();
    }
  });
});
