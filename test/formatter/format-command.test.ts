// The `format` subcommand (src/cli/format-command.ts) driven through commander with a fake io.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterEach, describe, expect, it } from "vitest";
import { registerFormat } from "../../src/cli/commands/format.js";
import type { CliIo } from "../../src/cli/io.js";

const MESSY = "global_defs\n{\nrouter_id a\n}\n";
const NEAT = "global_defs {\n    router_id a\n}\n";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kl-format-cmd-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(args: string[], cwd: string, stdin = "") {
  let out = "";
  let err = "";
  let code = -1;
  const io: CliIo = { stdout: (s) => void (out += s), stderr: (s) => void (err += s), readStdin: async () => stdin, env: {}, cwd, stdoutIsTTY: false };
  const program = new Command().exitOverride();
  registerFormat(program, io, (c) => (code = c));
  await program.parseAsync(["format", ...args], { from: "user" });
  return { out, err, code };
}

describe("keepalived-lint format", () => {
  it("prints the formatted text of stdin", async () => {
    const r = await run([], tree({}), MESSY);
    expect(r.out).toBe(NEAT);
    expect(r.code).toBe(0);
  });

  it("--check lists unformatted files and exits 1; 0 when all are formatted", async () => {
    const dir = tree({ "a.conf": MESSY, "b.conf": NEAT });
    const r = await run(["--check", "a.conf", "b.conf"], dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe("a.conf: not formatted\n");
    expect((await run(["--check", "b.conf"], dir)).code).toBe(0);
  });

  it("--write rewrites only the files that change", async () => {
    const dir = tree({ "a.conf": MESSY });
    const r = await run(["--write", dir], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "a.conf"), "utf8")).toBe(NEAT);
  });

  it("--diff prints a unified diff and exits 1", async () => {
    const dir = tree({ "a.conf": MESSY });
    const r = await run(["--diff", "a.conf"], dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain("-global_defs\n-{\n-router_id a\n+global_defs {\n+    router_id a\n");
    // the a/ b/ headers of --fix-dry-run and git, so `git apply` / `patch -p1` take it as it is
    expect(r.out.startsWith("--- a/a.conf\n+++ b/a.conf\n")).toBe(true);
  });

  it("takes the indent from .keepalived-lint.json, --indent wins", async () => {
    const dir = tree({ "a.conf": MESSY, ".keepalived-lint.json": '{"format": {"indent": "tab"}}' });
    expect((await run(["a.conf"], dir)).out).toBe("global_defs {\n\trouter_id a\n}\n");
    expect((await run(["--indent", "2", "a.conf"], dir)).out).toBe("global_defs {\n  router_id a\n}\n");
  });

  it("rejects two modes at once", async () => {
    await expect(run(["--check", "--write", "a.conf"], tree({ "a.conf": MESSY }))).rejects.toThrow(/one of/);
  });
});
