/**
 * "Fix all" over the protocol: the safe fixes of a document's findings and
 * never a suggestion (which changes behaviour on purpose), also when the
 * suggestion would edit an included file. (Fixes that edit another file are
 * put in whole into the edit: test/service/fix-all.test.ts; no built-in rule's
 * safe fix edits another file today.)
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startClient, type TestClient } from "./client.js";

let dir: string;
let client: TestClient;
const uri = (p: string) => `file://${p}`;

// The finding is on nopreempt in the main file: its safe fix removes that line; its suggestion changes "state MASTER" in the included file.
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
  "    auth_pass 1234", //         9
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
  it("applies the safe fixes of the document's findings and no suggestion, even one in an included file", async () => {
    await client.diagnostics(uri(MAIN), (d) => d.some((x) => x.code === "nopreempt-state-master") && d.some((x) => x.code === "unknown-keyword"));
    const actions = await client.request<{ kind: string; edit: { changes: Record<string, TextEdit[]> } }[]>("textDocument/codeAction", {
      textDocument: { uri: uri(MAIN) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source.fixAll"] },
    });
    expect(actions.map((a) => a.kind)).toEqual(["source.fixAll.keepalived-lint"]);
    const changes = actions[0].edit.changes;
    // "state MASTER" → "state BACKUP" in state.inc changes failover: a suggestion, left to the user.
    expect(Object.keys(changes)).toEqual([uri(MAIN)]);
    const main = applied(MAIN_TEXT, changes[uri(MAIN)]);
    expect(main).toContain("  advert_int 1\n");
    expect(main).not.toContain("nopreempt");
    expect(main).toContain("  include state.inc\n");
  });
});
