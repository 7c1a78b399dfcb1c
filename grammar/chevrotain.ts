/**
 * Loads chevrotain, as late as possible.
 *
 * Its package entry pulls in lodash-es as ~650 separate ES modules, which costs
 * Node about half a second at every start; chevrotain also ships the same code
 * as one self-contained bundle (lib/chevrotain.min.mjs), which loads in ~45 ms.
 * The reader only needs chevrotain for lines its plain-line scanner hands over
 * (quotes, backslashes, `$`, `@`, …), so in Node — where a synchronous
 * require() of an ES module works (20.19+) — the bundle is loaded on first use:
 * a config of plain lines never pays for it. Elsewhere (browsers, bundlers,
 * older Node) the package is imported up front.
 */
type Chevrotain = typeof import("chevrotain");

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
  features?: { require_module?: boolean };
}

const proc = (globalThis as { process?: NodeProcess }).process;
const canRequireEsm = typeof proc?.getBuiltinModule === "function" && proc.features?.require_module === true;

let loaded: Chevrotain | undefined = canRequireEsm ? undefined : await import("chevrotain");

/** The chevrotain module (loaded on the first call in Node). */
export function chevrotain(): Chevrotain {
  loaded ??= requireBundle();
  return loaded;
}

function requireBundle(): Chevrotain {
  const { createRequire } = proc!.getBuiltinModule!("node:module") as typeof import("node:module");
  const require = createRequire(import.meta.url);
  const entry = require.resolve("chevrotain");
  // The package's "exports" do not list the bundle: reach it by path next to the entry.
  const bundle = entry.replace(/[\\/]src[\\/]api\.js$/, "/chevrotain.min.mjs");
  return require(bundle === entry ? entry : bundle) as Chevrotain;
}
