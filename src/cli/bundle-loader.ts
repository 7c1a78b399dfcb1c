/**
 * Loads run() from the CLI bundle (bundle.js beside the executable, written by
 * scripts/bundle-cli.mjs) with V8's code cache. A small lint is mostly Node
 * start-up; compiling the bundle was a large part of what is left, and Node 20
 * has no compile cache for ES modules (module.enableCompileCache is Node 22).
 *
 * bundle.js is one function expression `(exports, require, module, __filename,
 * __dirname, __klUrl) => {…}`; bundle.js.cache is the SHA-1 of that text followed
 * by the code cache V8 produced after a warm-up lint at build time. V8 itself
 * rejects a cache from another Node version or other flags (then the code is
 * compiled as usual); the hash guards against a bundle edited after the build.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";
import type { RunCli } from "./process-main.js";

type BundleFn = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string, url: string) => void;

export const BUNDLE_FILE = "bundle.js";
const HASH_BYTES = 20;

export function sourceHash(source: string): Buffer {
  return createHash("sha1").update(source).digest();
}

/** Compiles the bundle's text; `cachedData` as read from bundle.js.cache (hash prefix included), if any. */
export function compileBundle(file: string, source: string, cachedData?: Buffer): vm.Script {
  const valid = cachedData && cachedData.length > HASH_BYTES && cachedData.subarray(0, HASH_BYTES).equals(sourceHash(source));
  return new vm.Script(source, { filename: file, ...(valid && { cachedData: cachedData.subarray(HASH_BYTES) }) });
}

/** Runs the compiled bundle and returns its exports. */
export function evaluateBundle(script: vm.Script, file: string): { run: RunCli } {
  const mod = { exports: {} as { run: RunCli } };
  (script.runInThisContext() as BundleFn)(mod.exports, createRequire(file), mod, file, dirname(file), pathToFileURL(file).href);
  return mod.exports;
}

export async function loadBundledRun(): Promise<RunCli> {
  const file = join(dirname(fileURLToPath(import.meta.url)), BUNDLE_FILE);
  const source = readFileSync(file, "utf8");
  let cache: Buffer | undefined;
  try {
    cache = readFileSync(`${file}.cache`);
  } catch {
    // No cache (or unreadable): compile as usual.
  }
  return evaluateBundle(compileBundle(file, source, cache), file).run;
}
