// A large configuration is linted by a child Node with a small young
// generation (src/cli/large-input.ts): the report, the exit code and what
// --fix writes must be the same as in one process.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, STATE_MASTER, tempTree } from "./helpers.js";

// Over the 8 MiB from which the child is started: comment lines, which cost the lint little.
const FILLER = "# a comment that only makes the file large, as generated configurations are\n".repeat(120_000);
const BIG = STATE_MASTER + FILLER;
const IN_ONE_PROCESS = { KEEPALIVED_LINT_NO_RESPAWN: "1" };

describe("a large input", () => {
  it("is over the size that starts a child", () => {
    expect(BIG.length).toBeGreaterThan(8 * 1024 * 1024);
  });

  it("gets the same report and exit code, in every lint format and from format --check", () => {
    const dir = tempTree({ ".git/HEAD": "ref: refs/heads/main\n", "big.conf": BIG });
    for (const args of [["-f", "json", "big.conf"], ["big.conf"], ["-f", "sarif", "big.conf"], ["format", "--check", "big.conf"]]) {
      const child = runCli(args, { cwd: dir });
      const here = runCli(args, { cwd: dir, env: IN_ONE_PROCESS });
      // Findings (an error) and an unformatted file (two-space indentation) alike exit 1.
      expect(here.code, args.join(" ")).toBe(1);
      expect(child).toEqual(here);
    }
  });

  it("is fixed the same (--fix writes through the child)", () => {
    const dir = tempTree({ ".git/HEAD": "ref: refs/heads/main\n", "a.conf": BIG, "b.conf": BIG });
    const child = runCli(["--fix", "a.conf"], { cwd: dir });
    const here = runCli(["--fix", "b.conf"], { cwd: dir, env: IN_ONE_PROCESS });
    expect(child.code).toBe(here.code);
    const fixed = readFileSync(join(dir, "a.conf"), "utf8");
    expect(fixed).toBe(readFileSync(join(dir, "b.conf"), "utf8"));
    // The fix removes the ignored nopreempt line; nothing else changes.
    expect(fixed).toBe(BIG.replace("  nopreempt\n", ""));
  });
});
