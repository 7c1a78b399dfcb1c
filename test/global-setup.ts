/**
 * Builds the package once per state of the sources, for tests that run the
 * built executables (test/cli, test/lsp, test/package).
 *
 * Several people and test runs share one work tree, and a build that rewrites
 * dist/ while another run's child processes import from it makes them fail at
 * random. So tsc writes into a fresh directory named after the sources' newest
 * modification time, which is then moved into place in one rename: a snapshot
 * that never changes while anyone uses it (test/cli runs that one, through
 * `inject("builtRoot")`). dist/ is refreshed from it file by file, each file
 * replaced by a rename, for the tests that use dist/ directly.
 * Type errors elsewhere in the tree do not stop the build: tsc still emits,
 * and the tests of the broken area report the problem.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Directory holding the built package (src/cli/main.js, …) for this test run. */
    builtRoot: string;
  }
}

const root = resolve(import.meta.dirname, "..");
const snapshots = join(root, "node_modules/.cache/keepalived-lint-test");
const dist = join(root, "dist");
const STALE_MS = 60 * 60 * 1000;

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else if (e.name.endsWith(".ts")) t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function build(outDir: string): void {
  try {
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--outDir", outDir], { cwd: root, stdio: "pipe" });
  } catch (e) {
    const out = String((e as { stdout?: Buffer }).stdout ?? "");
    if (!existsSync(join(outDir, "src/cli/main.js"))) throw new Error(`build failed:\n${out}`);
    console.warn(`global-setup: tsc reported errors (the build was still emitted):\n${out.slice(0, 2000)}`);
  }
  // The keepalived-lint bin is the bundle of the tsc output (as in `npm run build`).
  try {
    execFileSync(process.execPath, [join(root, "scripts/bundle-cli.mjs"), outDir], { cwd: root, stdio: "pipe" });
  } catch (e) {
    throw new Error(`bundling the CLI failed:\n${String((e as { stderr?: Buffer }).stderr ?? e).slice(0, 2000)}`);
  }
}

/** Copies every file of `from` into `to`, each written beside its target and renamed over it. */
function replaceFiles(from: string, to: string): void {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const src = join(from, e.name);
    const dst = join(to, e.name);
    if (e.isDirectory()) replaceFiles(src, dst);
    else if (e.isFile()) {
      mkdirSync(dirname(dst), { recursive: true });
      const tmp = `${dst}.tmp-${process.pid}`;
      cpSync(src, tmp);
      renameSync(tmp, dst);
    }
  }
}

export default function setup(project: TestProject): void {
  const key = String(Math.floor(Math.max(
    ...["src", "grammar", "rules"].filter((d) => existsSync(join(root, d))).map((d) => newest(join(root, d))),
    ...["tsconfig.json", "tsconfig.build.json", "package.json", "scripts/bundle-cli.mjs"].map((f) => statSync(join(root, f)).mtimeMs),
  )));
  const snapshot = join(snapshots, key);
  if (!existsSync(join(snapshot, ".complete"))) {
    const tmp = `${snapshot}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    build(tmp);
    writeFileSync(join(tmp, ".complete"), "");
    try {
      renameSync(tmp, snapshot);
    } catch {
      // Another run built the same sources first: use its snapshot.
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const stamp = join(dist, ".build-stamp");
  if (!existsSync(stamp) || (existsSync(stamp) && statSync(stamp).mtimeMs < Number(key)) || !existsSync(join(dist, "cli/main.cjs"))) {
    replaceFiles(snapshot, dist);
    writeFileSync(stamp, key + "\n");
  }
  for (const name of existsSync(snapshots) ? readdirSync(snapshots) : []) {
    const p = join(snapshots, name);
    if (p !== snapshot && Date.now() - statSync(p).mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true });
  }
  project.provide("builtRoot", snapshot);
}
