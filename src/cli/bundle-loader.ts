/**
 * Loads the CLI from its bundles (written by scripts/bundle-cli.mjs beside the
 * executable) with V8's code cache. A small lint is mostly Node start-up;
 * reading and compiling code was most of what is left, and Node 20 has no
 * compile cache for ES modules (module.enableCompileCache is Node 22).
 *
 * Each bundle `<name>.js` is one function expression `(exports, require,
 * module, __filename, __dirname, __klUrl, __klLoad) => {…}`. The main bundle
 * holds what a lint runs; parts a lint seldom needs (chevrotain, the language
 * server, the YAML parser) are bundles of their own, loaded by `__klLoad(name)` on first use, so
 * a lint neither reads nor deserializes them.
 *
 * `<name>.js.cache` is a build id followed by the code cache V8 produced at
 * build time (after a warm-up lint for the main bundle). The bundle's first
 * line names the same id: a bundle rebuilt or edited without its cache is
 * compiled as usual. V8 itself rejects a cache from another Node version or
 * other flags. Comparing ids costs nothing, unlike hashing the text.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import type { RunCli } from "./process-main.js";

/** What a bundle may require: Node's built-in modules only (esbuild put everything else inside). */
export type RequireBuiltin = (id: string) => unknown;

type BundleFn = (
  exports: object, require: RequireBuiltin, module: { exports: object },
  filename: string, dirname: string, url: string, load: (name: string) => unknown,
) => void;

export const MAIN_BUNDLE = "bundle";
/** Cache files start with the build id: this many bytes of ASCII hex. */
export const BUILD_ID_BYTES = 16;
const ID_PREFIX = "/*kl-build:";

/** The first line of a bundle with this build id (the build writes it as the banner). */
export function buildIdLine(id: string): string {
  return `${ID_PREFIX}${id}*/`;
}

function buildIdOf(source: string): string | undefined {
  return source.startsWith(ID_PREFIX) ? source.slice(ID_PREFIX.length, ID_PREFIX.length + BUILD_ID_BYTES) : undefined;
}

/** Compiles a bundle's text; `cachedData` as read from its .cache file (id included), if any. */
export function compileBundle(file: string, source: string, cachedData?: Buffer): vm.Script {
  const id = buildIdOf(source);
  const valid = id !== undefined && cachedData !== undefined && cachedData.length > BUILD_ID_BYTES &&
    cachedData.toString("latin1", 0, BUILD_ID_BYTES) === id;
  return new vm.Script(source, { filename: file, ...(valid && { cachedData: cachedData.subarray(BUILD_ID_BYTES) }) });
}

/** The bundles of one directory, each loaded (read, compiled, run) at most once. */
export class BundleSet {
  /** Compiled bundles by name: the build makes their code caches from these. */
  readonly scripts = new Map<string, vm.Script>();
  private exportsOf = new Map<string, unknown>();

  constructor(readonly dir: string, private readonly requireBuiltin: RequireBuiltin) {}

  load(name: string): unknown {
    if (this.exportsOf.has(name)) return this.exportsOf.get(name);
    const file = join(this.dir, `${name}.js`);
    // The build writes ASCII only (esbuild escapes the rest): read as Latin-1, the bytes become the
    // string in one read of the whole file, where a UTF-8 read goes 8 KB at a time and decodes.
    const source = readFileSync(file).toString("latin1");
    let cache: Buffer | undefined;
    try {
      cache = readFileSync(`${file}.cache`);
    } catch {
      // No cache (or unreadable): compile as usual.
    }
    const script = compileBundle(file, source, cache);
    this.scripts.set(name, script);
    const mod = { exports: {} };
    (script.runInThisContext() as BundleFn)(mod.exports, this.requireBuiltin, mod, file, this.dir, pathToFileURL(file).href, (n) => this.load(n));
    this.exportsOf.set(name, mod.exports);
    return mod.exports;
  }
}

/**
 * A require() for built-in modules: process.getBuiltinModule hands them out
 * without loading node:module (~2 ms of a start-up).
 */
export function builtinRequire(id: string): unknown {
  const m = process.getBuiltinModule(id);
  if (m === undefined) throw new Error(`a bundle requires "${id}", which is not a built-in module`);
  return m;
}

/** run() of the main bundle in `dir`. */
export async function loadBundledRun(dir: string): Promise<RunCli> {
  return (new BundleSet(dir, builtinRequire).load(MAIN_BUNDLE) as { run: RunCli }).run;
}

/**
 * run() of the modules the main bundle is made of (tsc's output, `../src`
 * beside the bundles' directory). The main bundle's identifiers are minified
 * (a shorter text is a faster start); a stack from it would name no function,
 * so with KEEPALIVED_LINT_DEBUG set the command runs from these instead.
 */
export async function loadModuleRun(dir: string): Promise<RunCli> {
  return ((await import(pathToFileURL(join(dir, "..", "src", "cli", "run.js")).href)) as { run: RunCli }).run;
}
