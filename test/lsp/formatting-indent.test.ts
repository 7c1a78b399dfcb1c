/**
 * Editor formatting gives the layout `keepalived-lint format --check`
 * accepts: the project's "format" settings, else the indent the user set for
 * the server (initializationOptions.format.indent), else 4 spaces — never
 * the tab size the editor sends with each request.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startClient } from "./client.js";

const MESSY = "global_defs {\nrouter_id a\n}\n";
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function formatted(project: object | undefined, init: object | undefined): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "kl-lsp-fmt-"));
  dirs.push(dir);
  if (project) writeFileSync(join(dir, ".keepalived-lint.json"), JSON.stringify(project));
  const file = join(dir, "keepalived.conf");
  writeFileSync(file, MESSY);
  const client = await startClient({ initializationOptions: { debounceMs: 0, ...init } });
  try {
    await client.open(`file://${file}`, MESSY);
    const edits = await client.request<{ newText: string }[]>("textDocument/formatting", {
      textDocument: { uri: `file://${file}` },
      options: { tabSize: 3, insertSpaces: false },
    });
    return edits[0]?.newText ?? MESSY;
  } finally {
    await client.close();
  }
}

describe("editor formatting indent", () => {
  it("defaults to 4 spaces whatever the editor's tab settings", async () => {
    expect(await formatted(undefined, undefined)).toBe("global_defs {\n    router_id a\n}\n");
  });

  it("follows the user's server setting when the project sets none", async () => {
    expect(await formatted(undefined, { format: { indent: 2 } })).toBe("global_defs {\n  router_id a\n}\n");
  });

  it("the project's settings win over the user's", async () => {
    expect(await formatted({ format: { indent: "tab" } }, { format: { indent: 2 } })).toBe("global_defs {\n\trouter_id a\n}\n");
  });
});
