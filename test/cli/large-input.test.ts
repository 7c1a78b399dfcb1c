// A large configuration's report is made by a child Node with a small young
// generation (src/cli/large-input.ts): the report and the exit code must be
// the same as in one process.
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

  it("gets the same report and exit code, in lint formats and with a cluster", () => {
    const dir = tempTree({ ".git/HEAD": "ref: refs/heads/main\n", "big.conf": BIG });
    for (const args of [["-f", "json", "big.conf"], ["big.conf"], ["-f", "sarif", "big.conf"], ["cluster", "big.conf", "big.conf"]]) {
      const child = runCli(args, { cwd: dir });
      const here = runCli(args, { cwd: dir, env: IN_ONE_PROCESS });
      // An error finding (nopreempt under state MASTER): exit 1.
      expect(here.code, args.join(" ")).toBe(1);
      expect(child).toEqual(here);
    }
  });
});
