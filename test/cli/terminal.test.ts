// Colour follows the output: a terminal gets colour, a pipe does not (src/cli/process-main.ts
// tells them apart with fstat, loading node:tty only for character devices).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliPath, STATE_MASTER, tempTree } from "./helpers.js";

const ESC = "\u001b[";
const env = () => {
  const e: NodeJS.ProcessEnv = { ...process.env };
  delete e.NO_COLOR;
  delete e.FORCE_COLOR;
  e.TERM = "xterm";
  return e;
};
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe("colour on a terminal only", () => {
  const dir = tempTree({ "master.conf": STATE_MASTER });
  const file = join(dir, "master.conf");

  it.skipIf(!hasScript)("a terminal (a pty made by script(1)) gets colour", () => {
    const r = spawnSync("script", ["-qec", `"${process.execPath}" "${cliPath}" "${file}"`, "/dev/null"], { encoding: "utf8", env: env() });
    expect(r.stdout).toContain("nopreempt-state-master");
    expect(r.stdout).toContain(ESC);
  });

  it("a pipe gets none", () => {
    const r = spawnSync(process.execPath, [cliPath, file], { encoding: "utf8", env: env() });
    expect(r.stdout).toContain("nopreempt-state-master");
    expect(r.stdout).not.toContain(ESC);
  });
});
