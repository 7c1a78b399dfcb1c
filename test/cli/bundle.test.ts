// The packaged executable loads its bundle with a build-time V8 code cache (src/cli/bundle-loader.ts).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { inject } from "vitest";
import { describe, expect, it } from "vitest";

const built = inject("builtRoot");

/** Compiles the built bundle in a fresh node (same flags as the CLI) and reports what V8 did with the cache. */
function compileReport(edit: string): string {
  const code = `
    import { readFileSync } from "node:fs";
    import { compileBundle } from ${JSON.stringify(join(built, "src/cli/bundle-loader.js"))};
    const file = ${JSON.stringify(join(built, "cli/bundle.js"))};
    const script = compileBundle(file, readFileSync(file, "utf8") + ${JSON.stringify(edit)}, readFileSync(file + ".cache"));
    console.log(String(script.cachedDataRejected));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout.trim();
}

describe("CLI bundle", () => {
  it("V8 accepts the code cache made at build time", () => {
    expect(compileReport("")).toBe("false");
  });

  it("a bundle changed after the build is compiled without the cache", () => {
    // undefined: the cache was not even offered (its hash names other text).
    expect(compileReport("\n")).toBe("undefined");
  });
});
