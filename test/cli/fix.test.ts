import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { utf8Bytes } from "../../src/node/write.js";
import { copyExamples, runCli, STATE_MASTER, tempTree } from "./helpers.js";

describe("--fix", () => {
  it("fixes node1.conf of the example in place, changing only the fixed word", () => {
    const dir = copyExamples();
    const before = readFileSync(join(dir, "node1.conf"), "utf8");
    const node2 = readFileSync(join(dir, "node2.conf"), "utf8");
    const r = runCli(["--fix", "node1.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const after = readFileSync(join(dir, "node1.conf"), "utf8");
    // Issue 17: on the instance's tracker line; the vrrp_script other instances may share keeps its weight.
    expect(after).toBe(before.replace("    chk_memcached\n", "    chk_memcached weight 0\n"));
    // Untouched files stay untouched.
    expect(readFileSync(join(dir, "node2.conf"), "utf8")).toBe(node2);
  });

  it("keeps CRLF line ends, a BOM and comments byte for byte", () => {
    // keepalived reads a BOM as a word of its own (reported, not fixed); it must survive the fix of another line.
    const text = "\uFEFF# primary\n" + STATE_MASTER.replace("  state MASTER\n", "  state MASTER # was primary\n").replace(/\n/g, "\r\n");
    const dir = tempTree({ "m.conf": text });
    runCli(["--no-config", "--fix", "m.conf"], { cwd: dir });
    expect(readFileSync(join(dir, "m.conf"), "utf8")).toBe(text.replace("  nopreempt\r\n", ""));
  });

  it("fixes inside included files and reports what is left under the included file", () => {
    const dir = tempTree({
      "main.conf": "include inst/*.conf\n",
      "inst/a.conf": STATE_MASTER,
    });
    const r = runCli(["--no-config", "--fix", "-f", "compact", "main.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "inst/a.conf"), "utf8")).toBe(STATE_MASTER.replace("  nopreempt\n", ""));
    expect(readFileSync(join(dir, "main.conf"), "utf8")).toBe("include inst/*.conf\n");
  });

  it("does not write files that are not valid UTF-8 (bytes would change)", () => {
    const dir = tempTree({});
    const bytes = Buffer.concat([Buffer.from("# caf\xe9\n", "latin1"), Buffer.from(STATE_MASTER)]);
    writeFileSync(join(dir, "latin1.conf"), bytes);
    const r = runCli(["--no-config", "--fix", "latin1.conf"], { cwd: dir });
    expect(readFileSync(join(dir, "latin1.conf")).equals(bytes)).toBe(true);
    expect(r.stderr).toContain("not fixed");
  });
});

describe("the bytes --fix writes and compares (utf8Bytes)", () => {
  it("are the text's UTF-8, whether it is ASCII (copied as it is) or not", () => {
    const cases = ["", "vrrp_instance VI_1 {\n  state BACKUP\n}\n", "# caf\u00e9\n", "\u0080", "\u00ff", "# \u20ac\n", "\ud834\udd1e", "lone \ud800 surrogate", "x".repeat(100_000) + "\u00e9"];
    for (const text of cases) expect([...utf8Bytes(text)], JSON.stringify(text.slice(-20))).toEqual([...Buffer.from(text, "utf8")]);
    // Read by hand: an e with an acute accent is two bytes.
    expect([...utf8Bytes("\u00e9")]).toEqual([0xc3, 0xa9]);
  });
});

describe("--fix-dry-run", () => {
  it("prints a unified diff and changes nothing; exit status is for what would remain", () => {
    const dir = copyExamples();
    const before = readFileSync(join(dir, "node1.conf"), "utf8");
    const r = runCli(["--fix-dry-run", "node1.conf"], { cwd: dir });
    expect(r.stdout).toMatch(/^--- a\/node1\.conf\n\+\+\+ b\/node1\.conf\n@@ -32,6 \+32,6 @@\n/);
    expect(r.stdout).toContain("   track_script {\n-    chk_memcached\n+    chk_memcached weight 0\n   }\n");
    expect(r.stdout).not.toContain("weight -20");
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "node1.conf"), "utf8")).toBe(before);
  });

  it("sends the report of what would remain to stderr so stdout stays a patch", () => {
    // VI_2's unquoted notify arguments have only a suggestion (quoting changes which user runs it): it remains after VI_1 is fixed.
    const notify = STATE_MASTER.replace("VI_1", "VI_2").replace("  nopreempt\n", "  notify_master /bin/echo hello\n").replace("router_id 51", "router_id 52");
    const dir = tempTree({ "two.conf": STATE_MASTER + notify });
    const r = runCli(["--no-config", "-f", "compact", "--fix-dry-run", "two.conf"], { cwd: dir });
    expect(r.stdout).toBe("--- a/two.conf\n+++ b/two.conf\n@@ -1,6 +1,5 @@\n vrrp_instance VI_1 {\n   state MASTER\n-  nopreempt\n   interface eth0\n   virtual_router_id 51\n   priority 100\n");
    expect(r.stderr).toMatch(/^two\.conf:12:27: error: notify_master runs "\/bin\/echo" as user "hello".*\[script-arguments-unquoted\]$/m);
    expect(r.code).toBe(1);
  });
});

describe("--fix with stdin", () => {
  it("prints the fixed text on stdout and the remaining findings on stderr", () => {
    const r = runCli(["--no-config", "--fix", "-f", "compact", "-"], { input: STATE_MASTER });
    expect(r.stdout).toBe(STATE_MASTER.replace("  nopreempt\n", ""));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("--unsafe-fixes", () => {
  it("also applies suggestions (here state BACKUP, which switches nopreempt on); plain --fix never does", () => {
    const dir = tempTree({ "safe.conf": STATE_MASTER, "unsafe.conf": STATE_MASTER });
    expect(runCli(["--no-config", "--fix", "safe.conf"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "safe.conf"), "utf8")).toBe(STATE_MASTER.replace("  nopreempt\n", ""));
    // The safe fix wins where a finding has both; a suggestion applies where there is no safe fix.
    const notify = STATE_MASTER.replace("  nopreempt\n", "  notify_master /bin/echo hello\n");
    writeFileSync(join(dir, "unsafe.conf"), notify);
    runCli(["--no-config", "--fix", "--unsafe-fixes", "unsafe.conf"], { cwd: dir });
    expect(readFileSync(join(dir, "unsafe.conf"), "utf8")).toBe(notify.replace("/bin/echo hello", '"/bin/echo hello"'));
  });

  it("is a usage error without --fix or --fix-dry-run", () => {
    const dir = tempTree({ "m.conf": STATE_MASTER });
    expect(runCli(["--no-config", "--unsafe-fixes", "m.conf"], { cwd: dir }).code).toBe(2);
  });
});
