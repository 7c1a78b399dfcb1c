// The packaged executable loads its bundles with build-time V8 code caches (src/cli/bundle-loader.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";

const built = inject("builtRoot");

/**
 * Compiles a built bundle, edited by `edit`, in a fresh node (same flags as the CLI) and reports
 * what V8 did with the cache; `before` runs first (code, with `built` the build's root).
 */
function compileReport(name: string, edit: string, before = ""): string {
  const code = `
    import { readFileSync } from "node:fs";
    import { compileBundle } from ${JSON.stringify(join(built, "src/cli/bundle-loader.js"))};
    const built = ${JSON.stringify(built)};
    ${before}
    const file = ${JSON.stringify(join(built, `cli/${name}.js`))};
    const edit = ${edit};
    const script = compileBundle(file, edit(readFileSync(file, "utf8")), readFileSync(file + ".cache"));
    console.log(String(script.cachedDataRejected));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout.trim();
}

const bundles = readdirSync(join(built, "cli")).filter((f) => f.endsWith(".js")).map((f) => f.slice(0, -3));

describe("CLI bundles", () => {
  it("are the main bundle and the parts a lint seldom needs", () => {
    expect(bundles.sort()).toEqual(["bundle", "chevrotain", "lsp-server", "yaml"]);
  });

  it("a lint loads the main bundle alone; a YAML --template-vars file loads the YAML parser", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kl-bundles-"));
    try {
      writeFileSync(join(dir, "keepalived.conf"), "global_defs {\n    router_id lb1\n}\n");
      writeFileSync(join(dir, "keepalived.conf.j2"), "global_defs {\n    router_id {{ name }}\n}\n");
      writeFileSync(join(dir, "vars.yml"), "name: lb2\n");
      const loader = (await import(join(built, "src/cli/bundle-loader.js"))) as typeof import("../../src/cli/bundle-loader.js");
      const loaded = async (args: string[]) => {
        const set = new loader.BundleSet(join(built, "cli"), loader.builtinRequire);
        const { run } = set.load(loader.MAIN_BUNDLE) as { run: (args: string[], io: object) => Promise<number> };
        const code = await run(args, { stdout() {}, stderr() {}, readStdin: async () => "", env: { NO_COLOR: "1" }, cwd: dir, stdoutIsTTY: false });
        return { code, bundles: [...set.scripts.keys()].sort() };
      };
      expect(await loaded(["--no-config", "keepalived.conf"])).toEqual({ code: 0, bundles: ["bundle"] });
      expect(await loaded(["--no-config", "--template-vars", "vars.yml", "keepalived.conf.j2"])).toEqual({ code: 0, bundles: ["bundle", "yaml"] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(bundles)("V8 accepts the code cache made at build time for %s.js", (name) => {
    expect(compileReport(name, "(s) => s")).toBe("false");
  });

  // The fix loop and the language server take V8's gc() through its flags (src/node/gc.ts): a flag
  // left changed would make V8 refuse every cache read afterwards (the lexer's, loaded on first need).
  it("V8 still accepts the caches after the front ends have taken gc()", () => {
    const takeGc = `const { exposedGc } = await import(built + "/src/node/gc.js"); if (typeof exposedGc() !== "function") throw new Error("no gc");`;
    expect(compileReport("chevrotain", "(s) => s", takeGc)).toBe("false");
  });

  it("a bundle rebuilt without its cache (another build id) is compiled without the cache", () => {
    // undefined: the cache was not even offered (its id names another build).
    expect(compileReport("bundle", `(s) => s.replace(/^\\/\\*kl-build:[0-9a-f]/, (m) => m.slice(0, -1) + (m.endsWith("0") ? "1" : "0"))`)).toBe("undefined");
  });

  it("a bundle edited after the build is compiled without the cache", () => {
    // true: offered, and V8 refused it for text of another length.
    expect(compileReport("bundle", `(s) => s + "\\n"`)).toBe("true");
  });
});
