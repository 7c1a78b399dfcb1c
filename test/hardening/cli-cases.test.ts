// Every input of issue 24 finishes within its budget, with exit 0, 1 or 2 and
// a message saying what was stopped, through the built CLI.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempTree } from "../cli/helpers.js";
import { runTimed, type TimedRun } from "./helpers.js";

/** Exit 0/1/2 within the limit, no stack trace, no V8 abort. */
function finished(r: TimedRun, limitMs: number): void {
  expect(r.signal, `killed after ${r.ms} ms`).toBeNull();
  expect([0, 1, 2]).toContain(r.code);
  expect(r.ms).toBeLessThan(limitMs);
  expect(r.stderr).not.toMatch(/\n\s+at |internal error|FATAL ERROR/);
}

/** `$L1=router_id a \` / `$L0 \` / `$L0`: each level doubles the lines. */
function doublingDefinitions(levels: number): string {
  let s = "$L0=router_id a\n\n";
  for (let i = 1; i <= levels; i++) s += `$L${i}=router_id a \\\n$L${i - 1} \\\n$L${i - 1}\n\n`;
  return `${s}global_defs {\n$L${levels}\n}\nvrrp_instanc VI_1 {\n}\n`;
}

describe("expansion bombs end in limit-exceeded, and the rest of the file is still linted", () => {
  const dir = tempTree({
    "doubling.conf": doublingDefinitions(24),
    "seq-brace.conf": "~SEQ(i,1,3000) } ~SEQ(j,1,3000) global_defs { router_id x$i$j }\nvrrp_instanc VI_1 {\n}\n",
    "seq-in-definition.conf": "$M=router_id a \\\n~SEQ(i,1,3000) ~SEQ(j,1,3000) router_id $i\n\nglobal_defs {\n$M\n}\nvrrp_instanc VI_1 {\n}\n",
    "seq.conf": "~SEQ(i,1,20) vrrp_script chk_$i { script /bin/true }\n",
  });

  it.each([
    ["doubling.conf", [], /:\d+:1: error: line \d+ expands to more than 40000 lines .*\[limit-exceeded\]/],
    // Five words a line: the words budget (three a line of the lines budget) stops it first.
    ["seq-brace.conf", [], /:1:1: error: the configuration's definitions and loops produce more than 120000 words in all; the linter stops expanding at line 1 \[limit-exceeded\]/],
    ["seq-in-definition.conf", [], /:\d+:1: error: line \d+ expands to more than 40000 lines .*\[limit-exceeded\]/],
    ["seq-in-definition.conf", ["--target-version", "2.2.7"], /:\d+:1: error: line \d+ expands to more than 40000 lines .*\[limit-exceeded\]/],
  ] as [string, string[], RegExp][])("%s %j", (file, extra, message) => {
    const r = runTimed(["-f", "compact", ...extra, file], { cwd: dir });
    finished(r, 20_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(message);
    // The line after the bomb is still read.
    expect(r.stdout).toContain('unknown keyword "vrrp_instanc"');
  });

  it("--max-expanded-lines sets the budget", () => {
    const low = runTimed(["--max-expanded-lines", "10", "seq.conf"], { cwd: dir });
    finished(low, 10_000);
    expect(low.stdout).toContain("1:1  error  ~SEQ would produce 20 lines; the linter expands at most 10 lines from one line  limit-exceeded");
    expect(low.stdout).toContain("hint: if the configuration really is this large, raise the budget with --max-expanded-lines");
    const def = runTimed(["-f", "compact", "seq.conf"], { cwd: dir });
    expect(def.stdout).not.toContain("limit-exceeded");
    const bad = runTimed(["--max-expanded-lines", "many", "seq.conf"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--max-expanded-lines expects a positive integer");
  });
});

describe("long and deep inputs take linear time", () => {
  const dir = tempTree({
    "braces.conf": "{".repeat(80_000) + "\n",
    "instances.conf": "vrrp_instance x { ".repeat(20_000) + "\n",
    "spaces.conf": "$X=1\nglobal_defs {\na $X" + " ".repeat(40_000) + "\n}\n",
    "unclosed.conf": Array.from({ length: 60_000 }, (_, i) => `b${i} {\n`).join(""),
    "crlf.conf": "foo_unknown x\r\n" + "# comment\r\n".repeat(24) + "x\r\n",
    "findings.conf": Array.from({ length: 120_000 }, (_, i) => `bogus_${i} x\n`).join(""),
    "findings-20k.conf": Array.from({ length: 20_000 }, (_, i) => `bogus_${i} x\n`).join(""),
  });

  it("a line of 80,000 '{': lint and parse --json", () => {
    // `{{` would make the file a Mustache template by its content: this case is about keepalived's own braces.
    const lint = runTimed(["-f", "compact", "--template", "off", "braces.conf"], { cwd: dir });
    finished(lint, 20_000);
    expect(lint.stdout).toMatch(/braces\.conf:1:\d+: error: 780\d\d more findings in this file are not shown/);
    const parse = runTimed(["parse", "--json", "braces.conf"], { cwd: dir });
    finished(parse, 20_000);
  });

  it("'vrrp_instance x {' 20,000 times on one line", () => {
    const r = runTimed(["-f", "compact", "instances.conf"], { cwd: dir });
    finished(r, 20_000);
    expect(r.stdout).toContain("[limit-exceeded]");
  });

  it("a definition followed by 40,000 blanks", () => {
    const r = runTimed(["-f", "compact", "spaces.conf"], { cwd: dir });
    finished(r, 10_000);
    expect(r.stdout).toContain("[line-too-long]");
  });

  it("format --check of 60,000 unclosed nested blocks", () => {
    const r = runTimed(["format", "--check", "unclosed.conf"], { cwd: dir });
    finished(r, 20_000);
    expect(r.stderr).toContain("unclosed.conf: not formatted");
  });

  it("CRLF comment lines after an unknown keyword", () => {
    const r = runTimed(["-f", "compact", "crlf.conf"], { cwd: dir });
    finished(r, 5_000);
    expect(r.stdout).toContain('unknown keyword "foo_unknown"');
  });

  it("120,000 findings: the first 2000 and a count of the rest", () => {
    // compact: the stylish code frame splits the file per finding, which issue 21 makes linear.
    const r = runTimed(["-f", "compact", "findings.conf"], { cwd: dir });
    finished(r, 30_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("findings.conf:2001:1: error: 118000 more findings in this file are not shown: the linter reports at most 2000 per file [limit-exceeded]");
    const stylish = runTimed(["findings-20k.conf"], { cwd: dir });
    finished(stylish, 30_000);
    expect(stylish.stdout).toContain("18000 more findings in this file are not shown");
  });
});

describe("includes and paths", () => {
  it("an include chain 700 files deep stops at the include-depth budget", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 700; i++) files[`f${i}.conf`] = i < 699 ? `include f${i + 1}.conf\n` : "global_defs {\n router_id x\n}\n";
    const dir = tempTree(files);
    const r = runTimed(["-f", "compact", "f0.conf"], { cwd: dir });
    finished(r, 20_000);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('f63.conf:1:1: error: include nested more than 64 files deep; the linter does not read "f64.conf"');
  });

  it("a directory with more config files than the per-run cap is refused (exit 2) before reading them", () => {
    const dir = tempTree({});
    const many = join(dir, "many");
    mkdirSync(many);
    for (let i = 0; i <= 10_000; i++) writeFileSync(join(many, `n${i}.conf`), "");
    for (const arg of ["many", "many/*.conf"]) {
      const r = runTimed([arg], { cwd: dir });
      finished(r, 20_000);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${arg}: more than 10000 config files in all`);
    }
  });

  it("include /proc/self/environ is refused without printing the environment", () => {
    const dir = tempTree({ "environ.conf": "include /proc/self/environ\n" });
    const r = runTimed(["environ.conf"], { cwd: dir, env: { KL_HARDEN_SECRET: "hunter2-do-not-print" } });
    finished(r, 5_000);
    expect(r.stdout).toContain('included path "/proc/self/environ" is not a regular file');
    expect(r.stdout + r.stderr).not.toContain("hunter2");
    const direct = runTimed(["/proc/self/environ"], { cwd: dir, env: { KL_HARDEN_SECRET: "hunter2-do-not-print" } });
    expect(direct.code).toBe(2);
    expect(direct.stdout + direct.stderr).not.toContain("hunter2");
  });

  it("a binary file is named, its content not quoted beyond the offending character", () => {
    const secret = "SECRET=hunter2";
    const dir = tempTree({ "main.conf": "include blob.bin\n", "blob.bin": `${secret}\0A=1\0B=2\0C=3\0D=4\0E=5\0` });
    for (const args of [["main.conf"], ["blob.bin"], ["-f", "json", "blob.bin"]]) {
      const r = runTimed(args, { cwd: dir });
      finished(r, 5_000);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/control characters \(\\*"\\*x00\\*" at offset 14\)/);
      expect(r.stdout).not.toContain("hunter2");
    }
  });
});
