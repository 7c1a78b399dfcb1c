import * as fs from "node:fs";
import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import {
  canIsolateNetwork,
  KEEPALIVED_BIN,
  keepalivedAvailable,
  runKeepalived,
  runPool,
  type OracleMessage,
} from "./keepalived.js";
import { removeTrees, writeTree } from "./tempdir.js";

const available = keepalivedAvailable();
const title = available
  ? `keepalived oracle (${KEEPALIVED_BIN})`
  : `keepalived oracle — SKIPPED: ${KEEPALIVED_BIN} not found (apt-get install keepalived)`;

afterAll(removeTrees);

/** global_defs that keeps VRRP validation independent of this host's interfaces. */
const DYNAMIC = "global_defs {\n  dynamic_interfaces\n}\n";

function instance(body: string): string {
  return `vrrp_instance VI_1 {\n  interface eth0\n${body}  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n`;
}

/** A killed process may linger as a zombie when PID 1 does not reap; that counts as gone. */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^\d+ \(.*\) [ZX]/.test(stat);
  } catch {
    return false;
  }
}

const pick = (ms: OracleMessage[]) => ms.map(({ file, line, text, kind }) => ({ file, line, text, kind }));

describe.skipIf(!available)(title, () => {
  test("a clean configuration gives exit 0 and no messages", () => {
    const dir = writeTree({ "k.conf": DYNAMIC + instance("  virtual_router_id 51\n  priority 100\n") });
    const r = runKeepalived(path.join(dir, "k.conf"));
    expect(r.exitCode).toBe(0);
    expect(r.messages).toEqual([]);
    expect(r.timedOut).toBe(false);
  });

  test("a misspelled keyword is one unknown-keyword message at its line, de-duplicated", () => {
    // lines 1-3 global_defs, 4 vrrp_instance, 5 interface, 6 the misspelled keyword
    const dir = writeTree({ "k.conf": DYNAMIC + instance("  virtual_router_idd 51\n") });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    expect(r.exitCode).toBe(5);
    const unknown = r.messages.filter((m) => m.kind === "unknown-keyword");
    expect(pick(unknown)).toEqual([
      { file, line: 6, text: "Unknown keyword 'virtual_router_idd'", kind: "unknown-keyword" },
    ]);
    // the missing VRID is reported by validation, without a location
    expect(r.messages).toContainEqual({
      file,
      line: null,
      text: "(VI_1) the virtual router id must be set",
      kind: "other",
      hostDependent: false,
    });
  });

  test("root-level problems printed by every parse collapse into one message", () => {
    const dir = writeTree({ "k.conf": "bogus_root 1\n" });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    // parent prints (Line 1), the three children (<file>: Line 1)
    expect(r.raw.split("Unknown keyword 'bogus_root'").length - 1).toBe(4);
    expect(pick(r.messages)).toEqual([{ file, line: 1, text: "Unknown keyword 'bogus_root'", kind: "unknown-keyword" }]);
  });

  test("errors in nested relative includes carry the included file's absolute path", () => {
    const dir = writeTree({
      "main.conf": DYNAMIC + "include sub/b.conf\n",
      "sub/b.conf": "vrrp_script chk {\n  script /bin/true\n}\ninclude deep/*.conf\n",
      "sub/deep/c.conf": "# comment\nbad_c 1\n",
    });
    // cwd elsewhere: names must still resolve relative to the including file
    const r = runKeepalived(path.join(dir, "main.conf"), { cwd: "/" });
    expect(pick(r.messages)).toEqual([
      { file: path.join(dir, "sub/deep/c.conf"), line: 2, text: "Unknown keyword 'bad_c'", kind: "unknown-keyword" },
    ]);
    expect(r.messages[0].hostDependent).toBe(false);
  });

  test("an extra } is extra-brace plus the unknown keyword '}' at the same line", () => {
    const dir = writeTree({ "k.conf": DYNAMIC + instance("  virtual_router_id 51\n") + "}\n" });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    expect(r.exitCode).toBe(5);
    expect(pick(r.messages)).toEqual([
      { file, line: 11, text: "Extra '}' found", kind: "extra-brace" },
      { file, line: 11, text: "Unknown keyword '}'", kind: "unknown-keyword" },
    ]);
  });

  test("priority 300 gives the generic range message and the handler's own, both 'value'", () => {
    const dir = writeTree({ "k.conf": DYNAMIC + instance("  virtual_router_id 51\n  priority 300\n") });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    expect(r.exitCode).toBe(5);
    expect(pick(r.messages)).toEqual([
      { file, line: 7, text: "number '300' outside range [1, 255]", kind: "value" },
      { file, line: 7, text: "(VI_1) Priority not valid! must be between 1 & 255. Using default 100", kind: "value" },
    ]);
  });

  test("a bad boolean and a malformed number are 'value'", () => {
    const dir = writeTree({
      "k.conf": "global_defs {\n  dynamic_interfaces\n  smtp_alert 1\n}\n" + instance("  virtual_router_id 0x10\n"),
    });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    const at = (line: number) => r.messages.filter((m) => m.line === line).map((m) => [m.kind, m.text]);
    expect(at(3)).toEqual([["value", "Invalid value '1' for global smtp_alert specified"]]);
    expect(at(7)).toEqual([
      ["value", "invalid number '0x10'"],
      ["value", "(VI_1): VRID '0x10' not valid - must be between 1 & 255"],
    ]);
  });

  test("a keyword without its argument stops keepalived with exit 2", () => {
    const dir = writeTree({ "k.conf": DYNAMIC + instance("  virtual_router_id 51\n  priority\n") + "later_bad 1\n" });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    expect(r.exitCode).toBe(2);
    const missing = r.messages.filter((m) => m.kind === "missing-argument");
    expect(missing.map((m) => [m.file, m.line])).toEqual([[file, 7]]);
    expect(missing[0].text).toContain("`priority`");
  });

  test("block and brace structure messages", () => {
    const dir = writeTree({
      "k.conf": [
        "global_defs {", // 1
        "  dynamic_interfaces", // 2
        "}", // 3
        "vrrp_instance VI_1 {", // 4
        "  interface eth0", // 5
        "  virtual_router_id 51", // 6
        "  track_interface eth0 weight 10", // 7
        "  virtual_ipaddress {", // 8
        "    10.0.0.1/24", // 9
        "  }", // 10
        "  not_a_keyword {", // 11
        "  }", // 12
        "}", // 13
        "vrrp_instance VI_2", // 14
        "  priority 100", // 15
        "}", // 16
        "",
      ].join("\n"),
    });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    const found = pick(r.messages).filter((m) => m.line !== null && m.line >= 7);
    expect(found).toContainEqual({
      file,
      line: 7,
      text: "Block track_interface has extra parameters eth0 ...",
      kind: "extra-parameters",
    });
    expect(found).toContainEqual({ file, line: 11, text: "Unknown keyword 'not_a_keyword'", kind: "unknown-keyword" });
    expect(found).toContainEqual({ file, line: 11, text: "Unexpected '{' - ignoring", kind: "unexpected-brace" });
    expect(found).toContainEqual({
      file,
      line: 15,
      text: "Missing '{' at beginning of configuration block",
      kind: "missing-brace",
    });
    expect(found).toContainEqual({ file, line: 16, text: "Extra '}' found", kind: "extra-brace" });
  });

  test("quotes and a missing closing brace", () => {
    const dir = writeTree({ "k.conf": 'global_defs {\n  router_id "abc\n' });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    expect(r.exitCode).toBe(5);
    const kinds = r.messages.map((m) => [m.line, m.kind]);
    expect(kinds).toContainEqual([2, "quote"]);
    expect(r.messages).toContainEqual({
      file,
      line: null,
      text: "There are 1 missing '}'s or extra '{'s",
      kind: "missing-close-brace",
      hostDependent: false,
    });
  });

  test("includem of a missing file is an include error with exit 6", () => {
    const dir = writeTree({ "k.conf": "includem nothere.conf\n" });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    expect(r.exitCode).toBe(6);
    expect(r.messages).toEqual([
      { file, line: 1, text: "Config files missing 'nothere.conf'.", kind: "include", hostDependent: false },
    ]);
  });

  test("a missing interface is host-dependent and hides VRRP validation", () => {
    const dir = writeTree({
      "k.conf": "vrrp_instance VI_1 {\n  interface ka-oracle-none\n  virtual_router_id 51\n" +
        "  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n",
    });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    expect(r.vrrpValidationSkipped).toBe(true);
    expect(r.messages.map((m) => [m.line, m.hostDependent])).toEqual([
      [2, true],
      [null, true],
    ]);
  });

  test("the config id selects @-lines; the default is fixed, not the host name", () => {
    const dir = writeTree({ "k.conf": "@lint-test bad_for_default 1\n@other bad_for_other 1\n" });
    const file = path.join(dir, "k.conf");
    expect(runKeepalived(file).messages.map((m) => m.text)).toEqual(["Unknown keyword 'bad_for_default'"]);
    expect(runKeepalived(file, { configId: "other" }).messages.map((m) => m.text)).toEqual([
      "Unknown keyword 'bad_for_other'",
    ]);
  });

  test("parallel runs in a pool give the same results as single runs", async () => {
    const files = Array.from({ length: 6 }, (_, i) => {
      const dir = writeTree({ "k.conf": `${"\n".repeat(i)}bad_${i} 1\n` });
      return path.join(dir, "k.conf");
    });
    const results = await runPool(files, 3);
    expect(results.map((r) => r.messages.map((m) => [m.file, m.line, m.text]))).toEqual(
      files.map((f, i) => [[f, i + 1, `Unknown keyword 'bad_${i}'`]]),
    );
    expect(results.every((r) => r.exitCode === 5)).toBe(true);
  });

  test("a missing main file is an include message and, as in keepalived, exit 0", () => {
    const dir = writeTree({});
    const file = path.join(dir, "none.conf");
    const r = runKeepalived(file);
    expect(r.exitCode).toBe(0);
    expect(r.messages).toEqual([
      { file, line: null, text: `Config files missing '${file}'.`, kind: "include", hostDependent: false },
    ]);
  });

  test("configurations that would make keepalived write to the host are refused", async () => {
    const dir = writeTree({
      "k.conf": "# config_save_dir in a comment is fine\ninclude more.conf\n",
      "more.conf": `global_defs {\n  config_save_dir ${"${DIR}"}/saved\n}\n`,
    });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file);
    expect(r.refused).toBe(`${path.join(dir, "more.conf")}:2: config_save_dir would make keepalived write files`);
    expect(r.exitCode).toBeNull();
    expect((await runPool([file]))[0].refused).toBe(r.refused);
    expect(fs.existsSync(path.join(dir, "saved"))).toBe(false);
    const commented = writeTree({ "k.conf": "global_defs {\n  # config_save_dir /x\n}\n" });
    expect(runKeepalived(path.join(commented, "k.conf")).refused).toBeUndefined();
  });

  test.skipIf(!canIsolateNetwork())("isolateNetwork runs without the host's interfaces", () => {
    const dir = writeTree({ "k.conf": instance("  virtual_router_id 51\n") });
    const file = path.join(dir, "k.conf");
    const r = runKeepalived(file, { isolateNetwork: true });
    expect(r.vrrpValidationSkipped).toBe(true);
    expect(r.messages).toContainEqual({
      file,
      line: 2,
      text: "WARNING - interface eth0 for vrrp_instance VI_1 doesn't exist",
      kind: "other",
      hostDependent: true,
    });
  });

  test("death by a signal is reported as a crash, not as a result", () => {
    const dir = writeTree({ "abort.sh": "#!/bin/sh\necho 'free(): invalid pointer' >&2\nkill -ABRT $$\n", "k.conf": "" });
    fs.chmodSync(path.join(dir, "abort.sh"), 0o755);
    const r = runKeepalived(path.join(dir, "k.conf"), { bin: path.join(dir, "abort.sh") });
    expect(r).toMatchObject({ crashed: true, timedOut: false, exitCode: 134 });
  });

  test("a hung process and its children are killed at the timeout", () => {
    // stand-in binary: a shell that starts a grandchild and waits forever
    const dir = writeTree({
      "hang.sh": '#!/bin/sh\nsleep 60 &\necho $! > "$(dirname "$0")/child.pid"\nwait\n',
      "k.conf": "",
    });
    fs.chmodSync(path.join(dir, "hang.sh"), 0o755);
    const started = Date.now();
    const r = runKeepalived(path.join(dir, "k.conf"), { timeoutMs: 1000, bin: path.join(dir, "hang.sh") });
    expect(Date.now() - started).toBeLessThan(6000);
    expect(r.timedOut).toBe(true);
    expect(r.exitCode).toBeNull();
    const child = Number(fs.readFileSync(path.join(dir, "child.pid"), "utf8"));
    expect(isRunning(child)).toBe(false);
  });
});
