import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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
    expect(after).toBe(before.replace("  weight -20\n", "  weight 0\n"));
    // Untouched files stay untouched.
    expect(readFileSync(join(dir, "node2.conf"), "utf8")).toBe(node2);
  });

  it("keeps CRLF line ends, a BOM and comments byte for byte", () => {
    // keepalived reads a BOM as a word of its own (reported, not fixed); it must survive the fix of another line.
    const text = "\uFEFF# primary\n" + STATE_MASTER.replace("  state MASTER\n", "  state MASTER # was primary\n").replace(/\n/g, "\r\n");
    const dir = tempTree({ "m.conf": text });
    runCli(["--no-config", "--fix", "m.conf"], { cwd: dir });
    expect(readFileSync(join(dir, "m.conf"), "utf8")).toBe(text.replace("state MASTER #", "state BACKUP #"));
  });

  it("fixes inside included files and reports what is left under the included file", () => {
    const dir = tempTree({
      "main.conf": "include inst/*.conf\n",
      "inst/a.conf": STATE_MASTER,
    });
    const r = runCli(["--no-config", "--fix", "-f", "compact", "main.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "inst/a.conf"), "utf8")).toBe(STATE_MASTER.replace("MASTER", "BACKUP"));
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

describe("--fix-dry-run", () => {
  it("prints a unified diff and changes nothing; exit status is for what would remain", () => {
    const dir = copyExamples();
    const before = readFileSync(join(dir, "node1.conf"), "utf8");
    const r = runCli(["--fix-dry-run", "node1.conf"], { cwd: dir });
    expect(r.stdout).toBe(
      [
        "--- a/node1.conf",
        "+++ b/node1.conf",
        "@@ -13,7 +13,7 @@",
        "   interval 2",
        "   fall 2",
        "   rise 2",
        "-  weight -20",
        "+  weight 0",
        " }",
        " ",
        " vrrp_instance VI_MEMCACHED {",
        "",
      ].join("\n"),
    );
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "node1.conf"), "utf8")).toBe(before);
  });

  it("sends the report to stderr so stdout stays a patch", () => {
    const dir = tempTree({ "both.conf": STATE_MASTER.replace("  priority 100\n", "  priority 100\n  nopreempt\n") });
    const r = runCli(["--no-config", "-f", "compact", "--fix-dry-run", "--rule", "nopreempt-state-master:error", "both.conf"], { cwd: dir });
    expect(r.stdout).toMatch(/^--- a\/both.conf\n\+\+\+ b\/both.conf\n@@ /);
    expect(r.stdout).toContain("-  state MASTER\n+  state BACKUP\n");
  });
});

describe("--fix with stdin", () => {
  it("prints the fixed text on stdout and the remaining findings on stderr", () => {
    const r = runCli(["--no-config", "--fix", "-f", "compact", "-"], { input: STATE_MASTER });
    expect(r.stdout).toBe(STATE_MASTER.replace("MASTER", "BACKUP"));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });
});
