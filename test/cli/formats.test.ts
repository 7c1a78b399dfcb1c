import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLEAN, runCli, STATE_MASTER, tempTree } from "./helpers.js";

const MESSAGE = '"nopreempt" has no effect on vrrp_instance "VI_1" with "state MASTER": keepalived clears it and the instance preempts';
const TAKES_EFFECT = "nopreempt then takes effect: whichever node starts first becomes master, and after a failover the VIP no longer returns to this node";
const HINT = `remove "nopreempt", which changes nothing; or, if it should take effect, use "state BACKUP" (${TAKES_EFFECT})`;
const ESC = "\u001b[";

describe("output formats", () => {
  const dir = tempTree({ "master.conf": STATE_MASTER, "clean.conf": CLEAN, "tabs.conf": STATE_MASTER.replace("  nopreempt", "\tnopreempt") });

  it("stylish: file heading, position, code frame with a caret under the keyword, hint, summary", () => {
    const r = runCli(["master.conf"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        "master.conf",
        `  3:3  error  ${MESSAGE}  nopreempt-state-master`,
        "    3 |   nopreempt",
        "      |   ^~~~~~~~~",
        `    hint: ${HINT}`,
        `    suggestion: replace "state MASTER" with "state BACKUP" — ${TAKES_EFFECT} (changes failover)`,
        "",
        "✖ 1 problem (1 error, 0 warnings)",
        "  1 problem fixable with --fix",
        "",
      ].join("\n"),
    );
  });

  it("stylish keeps tabs in front of the caret so it lines up", () => {
    const r = runCli(["tabs.conf"], { cwd: dir });
    expect(r.stdout).toContain("    3 | \tnopreempt\n      | \t^~~~~~~~~\n");
  });

  it("stylish prints nothing for a clean config", () => {
    expect(runCli(["clean.conf"], { cwd: dir }).stdout).toBe("");
  });

  it("colour: off when piped, on with FORCE_COLOR or --color, off with NO_COLOR and --no-color", () => {
    expect(runCli(["master.conf"], { cwd: dir }).stdout).not.toContain(ESC);
    expect(runCli(["master.conf"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stdout).toContain(`${ESC}31merror`);
    expect(runCli(["--color", "master.conf"], { cwd: dir }).stdout).toContain(ESC);
    expect(runCli(["master.conf"], { cwd: dir, env: { NO_COLOR: "1" } }).stdout).not.toContain(ESC);
    expect(runCli(["--no-color", "master.conf"], { cwd: dir, env: { FORCE_COLOR: "1" } }).stdout).not.toContain(ESC);
    expect(runCli(["master.conf"], { cwd: dir, env: { FORCE_COLOR: "0" } }).stdout).not.toContain(ESC);
  });

  it("compact: file:line:col: severity: message [rule-id]", () => {
    const r = runCli(["-f", "compact", "master.conf"], { cwd: dir });
    expect(r.stdout).toBe(`master.conf:3:3: error: ${MESSAGE} [nopreempt-state-master]\n`);
  });

  it("json: ESLint's shape, one entry per file read, fix as one replacement", () => {
    const r = runCli(["-f", "json", "master.conf", "clean.conf"], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    const stateOffset = STATE_MASTER.indexOf("MASTER");
    const lineStart = STATE_MASTER.indexOf("  nopreempt");
    expect(out).toEqual([
      { filePath: join(dir, "clean.conf"), messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 },
      {
        filePath: join(dir, "master.conf"),
        messages: [
          {
            ruleId: "nopreempt-state-master",
            severity: 2,
            message: MESSAGE,
            line: 3,
            column: 3,
            endLine: 3,
            endColumn: 12,
            fix: { range: [lineStart, lineStart + "  nopreempt\n".length], text: "" },
            suggestions: [{ desc: `replace "state MASTER" with "state BACKUP": ${TAKES_EFFECT}`, changes: ["failover"], fix: { range: [stateOffset, stateOffset + 6], text: "BACKUP" } }],
            hint: HINT,
          },
        ],
        errorCount: 1,
        warningCount: 0,
        fixableErrorCount: 1,
        fixableWarningCount: 0,
      },
    ]);
  });

  it("json maps warning and info to severity 1", () => {
    for (const sev of ["warning", "info"]) {
      const out = JSON.parse(runCli(["-f", "json", "--rule", `nopreempt-state-master:${sev}`, "master.conf"], { cwd: dir }).stdout);
      expect(out[0].messages[0].severity).toBe(1);
      expect(out[0].warningCount).toBe(1);
      expect(out[0].fixableWarningCount).toBe(1);
    }
  });

  it("github: workflow command annotations with escaped properties", () => {
    const r = runCli(["-f", "github", "master.conf"], { cwd: dir });
    expect(r.stdout).toBe(
      `::error file=master.conf,line=3,col=3,endLine=3,endColumn=12,title=keepalived-lint%3A nopreempt-state-master::${MESSAGE}%0A${HINT}%0Asuggestion: replace "state MASTER" with "state BACKUP" — ${TAKES_EFFECT}\n`,
    );
  });

  it("github: warnings and info become warning and notice annotations", () => {
    expect(runCli(["-f", "github", "--rule", "nopreempt-state-master:warning", "master.conf"], { cwd: dir }).stdout).toMatch(/^::warning file=/);
    expect(runCli(["-f", "github", "--rule", "nopreempt-state-master:info", "master.conf"], { cwd: dir }).stdout).toMatch(/^::notice file=/);
  });

  it("-o writes the report to a file, uncoloured even with --color unset on a TTY-less run", () => {
    const r = runCli(["-f", "compact", "-o", "report.txt", "master.conf"], { cwd: dir, env: { FORCE_COLOR: undefined } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(readFileSync(join(dir, "report.txt"), "utf8")).toBe(`master.conf:3:3: error: ${MESSAGE} [nopreempt-state-master]\n`);
  });

  it("-o into a missing directory is an I/O error (exit 2)", () => {
    const r = runCli(["-o", "no/such/dir/report.txt", "master.conf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^keepalived-lint: cannot write no\/such\/dir\/report.txt/);
  });
});
