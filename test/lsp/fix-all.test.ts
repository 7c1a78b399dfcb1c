/**
 * "Fix all" over the protocol: the safe fixes of a document's findings,
 * including edits they make in an included file (as `--fix` does), and never
 * a suggestion (which changes behaviour on purpose).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClient, type TestClient } from "./client.js";

let dir: string;
let client: TestClient;
const uri = (p: string) => `file://${p}`;

// The finding is on nopreempt in the main file; its fix changes "state MASTER" in the included file.
const MAIN_TEXT = [
  "vrrp_instance VI_1 {", //       0
  "  include state.inc", //        1
  "  nopreempt", //                2
  "  interface eth0", //           3
  "  virtual_router_id 51", //     4
  "  priority 100", //             5
  "  Advert_Int 1", //             6  (a case slip: safe fix)
  "  authentication {", //         7
  "    auth_type PASS", //         8
  "    auth_pass 123456789", //    9  (too long: only a suggestion)
  "  }", //                        10
  "  virtual_ipaddress {", //      11
  "    10.0.0.1", //               12
  "  }", //                        13
  "}", //                          14
  "",
].join("\n");
const STATE_TEXT = "  state MASTER\n";

let MAIN: string;
let STATE: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kl-lsp-fixall-"));
  MAIN = join(dir, "keepalived.conf");
  STATE = join(dir, "state.inc");
  writeFileSync(MAIN, MAIN_TEXT);
  writeFileSync(STATE, STATE_TEXT);
  client = await startClient({ initializationOptions: { debounceMs: 20 } });
  await client.open(uri(MAIN), MAIN_TEXT);
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type TextEdit = { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };

function applied(text: string, edits: TextEdit[]): string {
  const lines = text.split("\n");
  const offset = (q: { line: number; character: number }) => lines.slice(0, q.line).reduce((n, l) => n + l.length + 1, 0) + q.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start)).reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

describe("source.fixAll", () => {
  it("changes every file its findings' safe fixes edit, and applies no suggestion", async () => {
    const ds = await client.diagnostics(uri(MAIN), (d) => d.some((x) => x.code === "nopreempt-state-master") && d.some((x) => x.code === "auth-pass-too-long"));
    expect(ds.map((d) => d.code)).toEqual(expect.arrayContaining(["nopreempt-state-master", "auth-pass-too-long"]));
    const actions = await client.request<{ kind: string; edit: { changes: Record<string, TextEdit[]> } }[]>("textDocument/codeAction", {
      textDocument: { uri: uri(MAIN) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll"] },
    });
    expect(actions.map((a) => a.kind)).toEqual(["source.fixAll.keepalived-lint"]);
    const changes = actions[0].edit.changes;
    expect(Object.keys(changes).sort()).toEqual([uri(MAIN), uri(STATE)].sort());
    expect(applied(STATE_TEXT, changes[uri(STATE)])).toBe("  state BACKUP\n");
    const main = applied(MAIN_TEXT, changes[uri(MAIN)]);
    expect(main).toContain("  advert_int 1\n");
    // The suggestion (shorten the password, which changes what peers must send) is left to the user.
    expect(main).toContain("    auth_pass 123456789\n");
  });
});
