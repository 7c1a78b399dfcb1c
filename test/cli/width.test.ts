// Output fits the terminal: stylish findings and the rules table wrap to the terminal's width (a pty made by
// script(1), sized with stty), keep the rule id on the finding's first line, and do not wrap into a pipe.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliPath, examples, runCli, STATE_MASTER, tempTree } from "./helpers.js";

const hasScript = spawnSync("script", ["--version"]).status === 0;

/** Runs the CLI on a terminal `cols` columns wide (no colour, so widths are plain text); lines without the pty's \r. */
function onTerminal(cols: number | undefined, args: string[]): string[] {
  const size = cols === undefined ? "stty cols 0 rows 0" : `stty cols ${cols} rows 50`;
  const command = `${size}; "${process.execPath}" "${cliPath}" ${args.map((a) => `"${a}"`).join(" ")}`;
  const r = spawnSync("script", ["-qec", command, "/dev/null"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: undefined } });
  return r.stdout.replace(/\r/g, "").split("\n");
}

// A long value makes a long message: the unknown keyword is quoted in it.
const LONG = `vrrp_instance VI_1 {
  state MASTER
  nopreempt
  interface eth0
  virtual_router_id 51
  priority 100
  virtual_ipaddress {
    10.0.0.1
  }
  this_keyword_is_not_one_keepalived_knows_and_its_name_is_long_enough_to_wrap_anywhere 1
}
`;

describe.skipIf(!hasScript)("on a terminal", () => {
  const dir = tempTree({ "long.conf": LONG, "master.conf": STATE_MASTER });
  const file = join(dir, "long.conf");

  it("no line of a lint report is wider than the terminal, and each finding's first line ends with its rule id", () => {
    const lines = onTerminal(60, [file]);
    const findings = lines.filter((l) => /^ {2}\d+:\d+ /.test(l));
    expect(findings.map((l) => l.trim().split(/\s+/).pop())).toEqual(expect.arrayContaining(["nopreempt-state-master", "unknown-keyword"]));
    // Code frames are the config's own lines and are not wrapped; everything else fits.
    const ours = lines.filter((l) => !/^ {4}\d* *\|/.test(l));
    for (const l of ours) expect([...l].length, l).toBeLessThanOrEqual(60);
    // The rule ids start at one column, and the wrapped message continues under the message, not under the position.
    const at = findings.map((l) => l.lastIndexOf(" ") + 1);
    expect(new Set(at).size).toBe(1);
    const firstUnknown = lines.findIndex((l) => l.endsWith("unknown-keyword"));
    expect(lines[firstUnknown + 1]).toMatch(/^ {10,}\S/);
  });

  it("hints wrap under the hint, not to the left margin", () => {
    const lines = onTerminal(56, [join(dir, "master.conf")]);
    const hint = lines.findIndex((l) => l.startsWith("    hint: "));
    expect(hint).toBeGreaterThan(0);
    expect(lines[hint + 1]).toMatch(/^ {10}\S/);
    for (const l of lines.filter((x) => !/^ {4}\d* *\|/.test(x))) expect([...l].length, l).toBeLessThanOrEqual(56);
  });

  it("a terminal that does not say its width gets 80 columns", () => {
    const lines = onTerminal(undefined, [file]);
    const widest = Math.max(...lines.filter((l) => !/^ {4}\d* *\|/.test(l)).map((l) => [...l].length));
    expect(widest).toBeLessThanOrEqual(80);
    expect(widest).toBeGreaterThan(60);
  });

  it.each([100, 64])("the rules table fits %i columns, descriptions wrapped", (cols) => {
    const lines = onTerminal(cols, ["rules"]).filter((l) => l !== "");
    for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(cols);
    const rows = lines.filter((l) => /^\S/.test(l));
    const piped = runCli(["rules"]).stdout.trim().split("\n");
    // Every rule still has its row; descriptions continue on indented lines.
    expect(rows.length).toBe(piped.length);
    expect(lines.length).toBeGreaterThan(rows.length);
  });
});

describe.skipIf(!hasScript)("cluster on a terminal", () => {
  const nodes = ["node1.conf", "node2.conf", "node3.conf"].map((f) => join(examples, f));

  it("the prediction and findings fit the width, nodes named short (their router_id), not by path", () => {
    const lines = onTerminal(72, ["cluster", ...nodes]);
    const ours = lines.filter((l) => !/^ {4}\d* *\|/.test(l) && !l.startsWith(examples.replace(/^.*\/examples/, "examples")));
    for (const l of ours) expect([...l].length, l).toBeLessThanOrEqual(72);
    const table = lines.slice(0, lines.findIndex((l) => l.endsWith("node1.conf")));
    expect(table.length).toBeGreaterThan(5);
    expect(table.some((l) => /^ {2}memcached-node1 +VI_MEMCACHED/.test(l))).toBe(true);
    expect(table.join("\n")).not.toContain("node1.conf");
    // Too wide for a table at 72 columns: each failure with its outcome under it.
    expect(table).toContain("  failure of memcached-node1: script chk_memcached");
  });

  it("into a pipe the scenario table keeps its columns", () => {
    const out = runCli(["cluster", ...nodes]).stdout;
    expect(out).toMatch(/^ {2}failure +master before +after failure +after recovery +VIP moves$/m);
  });
});

describe("into a pipe", () => {
  const dir = tempTree({ "long.conf": LONG });

  it("each finding stays one line, however long", () => {
    const out = runCli([join(dir, "long.conf")]).stdout.split("\n");
    const unknown = out.find((l) => l.includes("this_keyword_is_not_one"));
    expect(unknown).toMatch(/^ {2}\d+:\d+ {2}error {2}.*this_keyword_is_not_one_keepalived_knows_and_its_name_is_long_enough_to_wrap_anywhere.* {2}unknown-keyword$/);
    expect([...unknown!].length).toBeGreaterThan(100);
  });

  it("the rules table keeps one line per rule", () => {
    const out = runCli(["rules"]).stdout.trim().split("\n");
    expect(out.every((l) => /^\S/.test(l))).toBe(true);
  });
});
