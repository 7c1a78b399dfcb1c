// Settings as ESLint users write them: JSON with comments and trailing commas,
// errors at line:column, severities "warn" and 0/1/2, per-directory overrides,
// did-you-mean for mistyped rule ids everywhere, and unused-disable-directive
// as a rule like the others.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, STATE_MASTER, tempTree } from "./helpers.js";

const RULE = "nopreempt-state-master";
const severityIn = (stdout: string) => /: (error|warning|info): /.exec(stdout)?.[1];

describe("the settings file", () => {
  it("takes comments and trailing commas", () => {
    const dir = tempTree({
      ".keepalived-lint.json": `// project settings\n{\n  /* the seed rule, softened */\n  "rules": {\n    "${RULE}": "info", // planned\n  },\n}\n`,
      "a.conf": STATE_MASTER,
    });
    const r = runCli(["-f", "compact", "a.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(severityIn(r.stdout)).toBe("info");
  });

  it("says where a syntax error is, as line:column", () => {
    const dir = tempTree({ ".keepalived-lint.json": `{\n  "rules": {\n    "${RULE}": "off"\n    "unknown-keyword": "off"\n  }\n}\n`, "a.conf": STATE_MASTER });
    const r = runCli(["a.conf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`keepalived-lint: ${join(dir, ".keepalived-lint.json")}:4:5: expected "," or "}" after the value of "${RULE}", found """\n`);
  });

  it.each([
    ["warn", "warning"],
    [1, "warning"],
    [2, "error"],
    [["warn"], "warning"],
  ])("severity %j means %s", (written, meant) => {
    const dir = tempTree({ ".keepalived-lint.json": JSON.stringify({ rules: { [RULE]: written } }), "a.conf": STATE_MASTER });
    expect(severityIn(runCli(["-f", "compact", "a.conf"], { cwd: dir }).stdout)).toBe(meant);
  });

  it("severity 0 turns a rule off", () => {
    const dir = tempTree({ ".keepalived-lint.json": JSON.stringify({ rules: { [RULE]: 0 } }), "a.conf": STATE_MASTER });
    expect(runCli(["-f", "compact", "a.conf"], { cwd: dir }).stdout).not.toContain(RULE);
  });

  it("a bad severity names the accepted ones", () => {
    const dir = tempTree({ ".keepalived-lint.json": JSON.stringify({ rules: { [RULE]: "fatal" } }), "a.conf": STATE_MASTER });
    const r = runCli(["a.conf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rule "${RULE}" in "rules" must be "off", "info", "warn" (or "warning"), "error", or 0, 1, 2 (got "fatal")`);
  });

  it("overrides apply to the files their globs match, in order, below the command line", () => {
    const dir = tempTree({
      ".keepalived-lint.json": JSON.stringify({
        rules: { [RULE]: "warn" },
        overrides: [
          { files: ["lb1/**"], rules: { [RULE]: "info" } },
          { files: "lb1/quiet.conf", rules: { [RULE]: "off" } },
        ],
      }),
      "top.conf": STATE_MASTER,
      "lb1/keepalived.conf": STATE_MASTER,
      "lb1/quiet.conf": STATE_MASTER,
    });
    const sev = (f: string, ...args: string[]) => severityIn(runCli(["-f", "compact", ...args, f], { cwd: dir }).stdout);
    expect(sev("top.conf")).toBe("warning");
    expect(sev("lb1/keepalived.conf")).toBe("info");
    expect(sev("lb1/quiet.conf")).toBeUndefined();
    expect(sev("lb1/quiet.conf", "--rule", `${RULE}:error`)).toBe("error");
  });

  it("an unknown setting gets a did-you-mean", () => {
    const dir = tempTree({ ".keepalived-lint.json": JSON.stringify({ rule: {} }), "a.conf": STATE_MASTER });
    expect(runCli(["a.conf"], { cwd: dir }).stderr).toContain(`unknown setting "rule"; did you mean "rules"?`);
  });
});

describe("did you mean, for rule ids", () => {
  it("in the settings file", () => {
    const dir = tempTree({ ".keepalived-lint.json": JSON.stringify({ rules: { "unused-vrrp-scripts": "off" } }), "a.conf": STATE_MASTER });
    const r = runCli(["a.conf"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`unknown rule "unused-vrrp-scripts"; did you mean "unused-vrrp-script"?`);
  });

  it("in --rule", () => {
    const r = runCli(["--no-config", "--rule", "nopreempt-state-mastr:off", "-"], { input: STATE_MASTER });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`unknown rule "nopreempt-state-mastr"; did you mean "${RULE}"?`);
  });

  it("in explain, where a prefix names several rules", () => {
    const r = runCli(["explain", "nopreempt"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown rule "nopreempt"; did you mean "nopreempt-[a-z-]+"(, "nopreempt-[a-z-]+")* or "nopreempt-[a-z-]+"\?/);
  });

  it("in a suppression comment, which then suppresses nothing", () => {
    const text = STATE_MASTER.replace("  nopreempt\n", "  # keepalived-lint disable-next-line nopreempt-state-mastr\n  nopreempt\n");
    const r = runCli(["--no-config", "-f", "compact", "-"], { input: text });
    expect(r.stdout).toContain(`"keepalived-lint disable-next-line" names unknown rule "nopreempt-state-mastr"; did you mean "${RULE}"? [unused-disable-directive]`);
    expect(r.stdout).toContain(`[${RULE}]`);
  });
});

describe("unused-disable-directive is a rule", () => {
  const unused = `# keepalived-lint disable-next-line ${RULE}\nvrrp_script chk {\n  script "/bin/true"\n}\n`;

  it("can be given a severity in the settings, which also reports unused comments", () => {
    const dir = tempTree({ ".keepalived-lint.json": JSON.stringify({ rules: { "unused-disable-directive": "error" } }), "u.conf": unused });
    const r = runCli(["-f", "compact", "u.conf"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^u\.conf:1:1: error: unused "keepalived-lint disable-next-line" directive .*\[unused-disable-directive\]$/m);
  });

  it("off silences even --report-unused-disable-directives", () => {
    const r = runCli(["--no-config", "--rule", "unused-disable-directive:off", "--report-unused-disable-directives", "-f", "compact", "-"], { input: unused });
    expect(r.stdout).not.toContain("unused-disable-directive");
  });

  it("is explained like any rule", () => {
    const r = runCli(["explain", "unused-disable-directive"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("unused-disable-directive");
  });
});
