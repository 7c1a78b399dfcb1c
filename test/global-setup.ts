/**
 * Builds dist/ once before the test run when any source is newer than the last
 * build, so tests that run the built executables (test/cli) see current code.
 * Type errors elsewhere in the tree do not stop the build: tsc still emits,
 * and the tests of the broken area report the problem.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const stamp = join(root, "dist", ".build-stamp");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const sources = Math.max(
    ...["src", "grammar", "rules"].filter((d) => existsSync(join(root, d))).map((d) => newest(join(root, d))),
    ...["tsconfig.json", "tsconfig.build.json", "package.json"].map((f) => statSync(join(root, f)).mtimeMs),
  );
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources && existsSync(join(root, "dist/src/cli/main.js"))) return;
  try {
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
  } catch (e) {
    const out = String((e as { stdout?: Buffer }).stdout ?? "");
    if (!existsSync(join(root, "dist/src/cli/main.js"))) throw new Error(`build failed:\n${out}`);
    console.warn(`global-setup: tsc reported errors (dist/ was still emitted):\n${out.slice(0, 2000)}`);
  }
  writeFileSync(stamp, new Date().toISOString() + "\n");
}
