// The language server picks the target keepalived like the command line: the editor's
// targetVersion option, else .keepalived-lint.json, else the installed keepalived, else the newest release.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { startClient } from "./client.js";

const dir = mkdtempSync(join(tmpdir(), "kl-lsp-target-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fake = join(dir, "keepalived");
writeFileSync(fake, '#!/bin/sh\necho "Keepalived v2.2.7 (01/16,2022)" >&2\n');
chmodSync(fake, 0o755);
const file = join(dir, "keepalived.conf");
const text = "global_defs {\n  use_symlink_paths\n}\n";
writeFileSync(file, text);
const uri = pathToFileURL(file).href;

async function findingsAndHover(options: Parameters<typeof startClient>[0]) {
  const client = await startClient(options);
  try {
    client.open(uri, text);
    const ds = await client.diagnostics(uri);
    const h = await client.request<{ contents: { value: string } }>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 4 } });
    return { messages: ds.map((d) => d.message), hover: h.contents.value };
  } finally {
    await client.close();
  }
}

describe("language server: target keepalived version", () => {
  it("follows the installed keepalived, in findings and hover", async () => {
    const r = await findingsAndHover({ env: { KEEPALIVED_LINT_KEEPALIVED: fake } });
    expect(r.messages.some((m) => m.includes("not known to keepalived 2.2.7 (added in 2.3.0)"))).toBe(true);
    expect(r.hover).toContain("keepalived 2.3.0 and newer");
    expect(r.hover).toContain("**not in 2.2.7** (the target): added in 2.3.0");
  });

  it("the editor's targetVersion wins", async () => {
    const r = await findingsAndHover({ env: { KEEPALIVED_LINT_KEEPALIVED: fake }, initializationOptions: { targetVersion: "2.3" } });
    expect(r.messages.some((m) => m.includes("use_symlink_paths"))).toBe(false);
    expect(r.hover).toContain("known to 2.3.4 (the target)");
  });
});
