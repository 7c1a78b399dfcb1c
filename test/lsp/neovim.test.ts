/**
 * A real editor: headless neovim 0.7 (vim.lsp.start_client) opens the
 * memcached example, receives the nopreempt-weighted-tracking diagnostic and
 * gets hover and definition results from the built server.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, serverBin } from "./client.js";

const hasNvim = spawnSync("nvim", ["--version"], { encoding: "utf8" }).status === 0;
const NODE1 = resolve(repoRoot, "examples/memcached-three-nodes/node1.conf");

describe.skipIf(!hasNvim)("neovim 0.7 as the client", () => {
  it("shows the nopreempt-weighted-tracking diagnostic, hover and definition for node1.conf", () => {
    const dir = mkdtempSync(join(tmpdir(), "kl-nvim-"));
    const out = join(dir, "result.json");
    try {
      const r = spawnSync("nvim", ["--headless", "--clean", "-n", "-c", `luafile ${resolve(repoRoot, "test/lsp/nvim-e2e.lua")}`], {
        encoding: "utf8",
        timeout: 60_000,
        env: {
          ...process.env,
          KL_OUT: out,
          KL_FILE: NODE1,
          KL_SERVER: serverBin,
          KL_NODE: process.execPath,
          // line 35 of node1.conf: "    chk_memcached" inside track_script
          KL_LINE: "34",
          KL_CHARACTER: "8",
          XDG_STATE_HOME: dir,
          XDG_DATA_HOME: dir,
          KEEPALIVED_LINT_KEEPALIVED: "none",
        },
      });
      const result = JSON.parse(readFileSync(out, "utf8")) as {
        errors: string[];
        diagnostics: { code: string; range: { start: { line: number; character: number } } }[];
        hover?: { contents: { value: string } };
        definition?: { uri: string; range: { start: { line: number; character: number } } }[];
        stored: number;
      };
      expect(result.errors, r.stderr).toEqual([]);
      const d = result.diagnostics.find((x) => x.code === "nopreempt-weighted-tracking");
      expect(d?.range.start).toEqual({ line: 34, character: 4 });
      expect(result.stored).toBeGreaterThan(0);
      expect(result.hover?.contents.value).toContain("**vrrp_script chk_memcached** defined at");
      expect(result.hover?.contents.value).toContain("effective weight on vrrp_instance VI_MEMCACHED: **-20** (from the definition)");
      // vrrp_script chk_memcached { is line 11; the name starts at column 13
      expect(result.definition).toEqual([{ uri: `file://${NODE1}`, range: { start: { line: 10, character: 12 }, end: { line: 10, character: 25 } } }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
