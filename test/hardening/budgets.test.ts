// The reader's and the linter's budgets (grammar/budgets.ts, docs/limits.md):
// each stops only the construct that exceeds it, with a limit-exceeded
// finding naming the line and the budget, and the rest is still read.
import { describe, expect, it } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { parseText, readConfig } from "../../grammar/reader.js";
import { lintText } from "../../src/workspace/lint.js";

const limits = (ds: { ruleId: string; message: string }[]) => ds.filter((d) => d.ruleId === "limit-exceeded").map((d) => d.message);
const names = (r: ReturnType<typeof parseText>) => r.ast.children.map((n) => n.name);

describe("reader budgets", () => {
  it("expanded lines per line: the loop stops at the budget, the next line is read", () => {
    const r = parseText("~SEQ(i,1,3) ~SEQ(j,1,3) vrrp_script c$i$j { }\nglobal_defs {\n}\n", "/k.conf", { budgets: { expandedLines: 5 } });
    expect(limits(r.diagnostics)).toEqual(["line 1 expands to more than 5 lines through multiline definitions and loops; the linter stops expanding it"]);
    // Outer body, three inner ones, outer body again: the sixth line is over the budget.
    expect(names(r).filter((n) => n === "vrrp_script").length).toBe(3);
    expect(names(r)).toContain("global_defs");
  });

  it("a single loop over the budget is not expanded at all", () => {
    const r = parseText("~SEQ(i,1,1000000000) vrrp_script c$i {\n}\n", "/k.conf", { budgets: { expandedLines: 10 } });
    expect(limits(r.diagnostics)).toEqual(["~SEQ would produce 1000000000 lines; the linter expands at most 10 lines from one line"]);
    expect(names(r)).toEqual([]);
  });

  it("all expansions of a run together", () => {
    const r = parseText("~SEQ(i,1,4) vrrp_script a$i { }\n~SEQ(i,1,4) vrrp_script b$i { }\n", "/k.conf", { budgets: { totalExpandedLines: 6 } });
    expect(limits(r.diagnostics)).toEqual(["the configuration's definitions and loops expand to more than 6 lines in all; the linter stops expanding at line 2"]);
    expect(names(r).length).toBe(6);
  });

  it("words of all expansions together: a loop over a long line stops at the words budget", () => {
    // Each line of the loop makes seven words and braces: the fourth line is past 20.
    const r = parseText("~SEQ(i,1,100) vrrp_script c$i { a b c }\nglobal_defs {\n}\n", "/k.conf", { budgets: { expandedWords: 20 } });
    expect(limits(r.diagnostics)).toEqual(["the configuration's definitions and loops produce more than 20 words in all; the linter stops expanding at line 1"]);
    expect(names(r)).toEqual(["vrrp_script", "vrrp_script", "vrrp_script", "global_defs"]);
  });

  it("nesting of multiline definitions", () => {
    let text = "$D0=router_id x\n\n";
    for (let i = 1; i <= 6; i++) text += `$D${i}=router_id y \\\n$D${i - 1}\n\n`;
    const r = parseText(`${text}global_defs {\n$D6\n}\n`, "/k.conf", { budgets: { expansionDepth: 3 } });
    expect(limits(r.diagnostics)).toEqual([`line ${text.split("\n").length + 1} nests multiline definitions and loops more than 3 deep; the linter stops expanding it`]);
  });

  it("include depth", () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`/c/f${i}.conf`] = `include f${i + 1}.conf\n`;
    files["/c/f10.conf"] = "global_defs {\n}\n";
    const r = readConfig(memoryFiles(files, "/c"), ["/c/f0.conf"], { budgets: { includeDepth: 4 } });
    expect(limits(r.diagnostics)).toEqual(['include nested more than 4 files deep; the linter does not read "f4.conf"']);
    expect(r.diagnostics.find((d) => d.ruleId === "limit-exceeded")?.file).toBe("/c/f3.conf");
  });

  it("line length: the rest of a huge line is skipped", () => {
    // Lines over keepalived's 1023 characters are tokenized by the lexer, up to the budget.
    const r = parseText(`global_defs {\nrouter_id ${"x".repeat(2000)}\n}\n`, "/k.conf", { budgets: { lineLength: 1500 } });
    expect(limits(r.diagnostics)).toEqual(["line 2 is 2010 characters long; the linter reads the first 1500 and skips the rest"]);
    expect(names(r)).toEqual(["global_defs"]);
  });

  it("a file of control characters is not read, and its text is not kept", () => {
    const r = readConfig(memoryFiles({ "/c/k.conf": "include env\nglobal_defs {\n}\n", "/c/env": "A=secret\0B=1\0C=2\0D=3\0E=4\0" }, "/c"), ["/c/k.conf"]);
    expect(r.diagnostics.map((d) => d.message)).toEqual(['"/c/env" is not a keepalived configuration: it holds control characters ("\\x00" at offset 8) - skipping']);
    expect(r.files.get("/c/env")?.text).toBe("");
    expect(names(r)).toEqual(["global_defs"]);
  });

  it("a stray NUL is still a keepalived matter (nul-byte), not a binary file", () => {
    const r = parseText("global_defs {\nrouter_id a\0b\n}\n");
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(["nul-byte"]);
  });
});

describe("lines and characters in all: what bounds a run's memory", () => {
  const blocks = (n: number) => Array.from({ length: n }, (_, i) => `vrrp_script c${i} {\n}\n`).join("");

  it("lines: reading stops at the budget with a finding naming the line, includes after it are not read", () => {
    const files = { "/c/k.conf": `${blocks(10)}include more.conf\n`, "/c/more.conf": "global_defs {\n}\n" };
    const r = readConfig(memoryFiles(files, "/c"), ["/c/k.conf"], { budgets: { lines: 12 } });
    expect(limits(r.diagnostics)).toEqual(["the configuration has more than 12 lines in all (files and expansions together); the linter stops reading at line 13"]);
    expect(r.diagnostics.find((d) => d.ruleId === "limit-exceeded")?.start).toBe(files["/c/k.conf"].indexOf("vrrp_script c6"));
    expect(names(r)).toEqual(Array.from({ length: 6 }, () => "vrrp_script"));
    expect(r.files.has("/c/more.conf")).toBe(false);
    // Blank and comment lines make no node and do not count.
    const commented = parseText(`# a comment\n\n! another\n${blocks(10)}`, "/k.conf", { budgets: { lines: 12 } });
    expect(limits(commented.diagnostics)).toEqual(["the configuration has more than 12 lines in all (files and expansions together); the linter stops reading at line 16"]);
  });

  it("lines: an included file's lines count, and expansions' lines too", () => {
    const included = readConfig(memoryFiles({ "/c/k.conf": "include a.conf\nglobal_defs {\n}\n", "/c/a.conf": blocks(5) }, "/c"), ["/c/k.conf"], { budgets: { lines: 6 } });
    expect(limits(included.diagnostics)).toEqual(["the configuration has more than 6 lines in all (files and expansions together); the linter stops reading at line 7"]);
    expect(included.diagnostics.find((d) => d.ruleId === "limit-exceeded")?.file).toBe("/c/a.conf");
    const expanded = parseText("~SEQ(i,1,20) vrrp_script c$i { }\nglobal_defs {\n}\n", "/k.conf", { budgets: { lines: 5 } });
    expect(limits(expanded.diagnostics)).toEqual(["the configuration has more than 5 lines in all (files and expansions together); the linter stops reading at line 1"]);
    expect(names(expanded)).not.toContain("global_defs");
  });

  it("characters: a main file is read up to the budget, then stops with a finding", () => {
    const text = blocks(10);
    // Lines wholly within the budget are read: the fifth block's line (line 9) starts where it ends.
    const budget = text.indexOf("vrrp_script c4");
    const r = parseText(text, "/k.conf", { budgets: { totalChars: budget } });
    expect(limits(r.diagnostics)).toEqual([`the configuration has more than ${budget} characters in all; the linter stops reading at line 9`]);
    expect(names(r).length).toBe(4);
    // One character less and the closing brace of the fourth block (line 8) is not read either.
    const short = parseText(text, "/k.conf", { budgets: { totalChars: budget - 1 } });
    expect(limits(short.diagnostics)).toEqual([`the configuration has more than ${budget - 1} characters in all; the linter stops reading at line 8`]);
  });

  it("a budget finding is never hidden behind the count of findings over the per-file cap", () => {
    const text = `${Array.from({ length: 30 }, (_, i) => `bogus_${i} x\n`).join("")}global_defs {\n}\n`;
    const r = lintText(text, "/k.conf", { budgets: { findingsPerFile: 10, lines: 25 } });
    expect(r.diagnostics.slice(10).map((d) => d.message)).toEqual([
      "15 more findings in this file are not shown: the linter reports at most 10 per file",
      "the configuration has more than 25 lines in all (files and expansions together); the linter stops reading at line 26",
    ]);
  });
});

describe("include statements in all", () => {
  it("past the budget, include statements are not evaluated, with one finding at the first", () => {
    // A file of include lines that includes itself: each line's copy repeats every line (cycles).
    const text = "include *.conf\n".repeat(5);
    const r = readConfig(memoryFiles({ "/c/k.conf": text, "/c/x.conf": text }, "/c"), ["/c/k.conf"], { budgets: { includes: 8 } });
    expect(limits(r.diagnostics)).toEqual(["more than 8 include statements in all; the linter does not read this one or any after it"]);
    // k.conf's first statement reads x.conf (statements 2-6), its second (7) reads x.conf again: the ninth is x.conf's second.
    const finding = r.diagnostics.find((d) => d.ruleId === "limit-exceeded");
    expect(finding?.file).toBe("/c/x.conf");
    expect(finding?.start).toBe("include *.conf\n".length);
  });
});

describe("include patterns' braces", () => {
  it("more than 32 brace groups are not expanded; more than 1000 alternatives, the first 1000 are", () => {
    const groups = parseText(`include /c/${"{a,b}".repeat(40)}.conf\n`, "/c/k.conf");
    expect(limits(groups.diagnostics)).toEqual(["the include pattern has more than 32 brace groups; the linter does not expand its braces"]);
    const files = { "/c/k.conf": `include ${"{a,b}".repeat(11)}.conf\n`, "/c/aaaaaaaaaaa.conf": "global_defs {\n}\n", "/c/bbbbbbbbbbb.conf": "vrrp_script x {\n}\n" };
    const alternatives = readConfig(memoryFiles(files, "/c"), ["/c/k.conf"]);
    expect(limits(alternatives.diagnostics)).toEqual(["the include pattern's braces expand to more than 1000 alternatives; the linter reads the first 1000"]);
    // 2,048 alternatives in order: the first is read, the last is past the 1000.
    expect(names(alternatives)).toEqual(["global_defs"]);
  });
});

describe("findings per file", () => {
  it("the first N findings and one counting the rest, as severe as the worst of them", () => {
    const text = Array.from({ length: 30 }, (_, i) => `bogus_${i} x\n`).join("");
    const r = lintText(text, "/k.conf", { budgets: { findingsPerFile: 10 } });
    expect(r.diagnostics.length).toBe(11);
    const last = r.diagnostics[10];
    expect(last).toMatchObject({ ruleId: "limit-exceeded", severity: "error", message: "20 more findings in this file are not shown: the linter reports at most 10 per file" });
  });
});

describe("total work over includes", () => {
  it("one big file included over and over stops at the characters budget", () => {
    const big = "global_defs {\n}\n".repeat(100);
    const main = "include big.conf\n".repeat(50);
    const r = readConfig(memoryFiles({ "/c/k.conf": main, "/c/big.conf": big }, "/c"), ["/c/k.conf"], { budgets: { totalChars: 10 * big.length } });
    expect(limits(r.diagnostics)).toEqual(Array(41).fill(`"big.conf" would make the configuration more than ${10 * big.length} characters in all (files included several times count each time); the linter does not read it`));
    expect(r.ast.children.length).toBe(9 * 100);
  });

  it("include paths looked up in a run: a pattern is cut at the budget and no later include is read", () => {
    // Three include lines of four alternatives each; a budget of six paths reads the first pattern whole,
    // two of the second's alternatives, and none of the third.
    const main = "include d/{a,b,c,d}.conf\ninclude d/{e,f,g,h}.conf\ninclude d/{i,j,k,l}.conf\n";
    const files: Record<string, string> = { "/c/k.conf": main };
    for (const n of "abcdefghijkl") files[`/c/d/${n}.conf`] = `vrrp_script s_${n} {\n}\n`;
    const r = readConfig(memoryFiles(files, "/c"), ["/c/k.conf"], { budgets: { includePaths: 6 } });
    expect(limits(r.diagnostics)).toEqual([
      "the include patterns look up more than 6 paths in all; the linter reads the first 2 of this pattern's and no later include",
    ]);
    expect(r.diagnostics.find((d) => d.ruleId === "limit-exceeded")?.start).toBe(main.indexOf("d/{e"));
    expect(names(r)).toEqual(["vrrp_script", "vrrp_script", "vrrp_script", "vrrp_script", "vrrp_script", "vrrp_script"]);
    // At the default budget every one is read.
    expect(names(readConfig(memoryFiles(files, "/c"), ["/c/k.conf"])).length).toBe(12);
  });

  it("an include after the path budget ran out exactly says so once", () => {
    const files: Record<string, string> = { "/c/k.conf": "include d/{a,b}.conf\ninclude d/c.conf\ninclude d/d.conf\n" };
    for (const n of "abcd") files[`/c/d/${n}.conf`] = `vrrp_script s_${n} {\n}\n`;
    const r = readConfig(memoryFiles(files, "/c"), ["/c/k.conf"], { budgets: { includePaths: 2 } });
    expect(limits(r.diagnostics)).toEqual(["the include patterns look up more than 2 paths in all; the linter does not read this include or any after it"]);
    expect(names(r).length).toBe(2);
  });
});
