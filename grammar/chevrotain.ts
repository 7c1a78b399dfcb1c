/**
 * Loads chevrotain. Its package entry pulls in lodash-es as ~650 separate
 * ES modules, which costs Node about half a second at every start; chevrotain
 * also ships the same code as one self-contained bundle (lib/chevrotain.min.mjs),
 * which loads in ~45 ms. In Node we load that bundle by path (the package's
 * "exports" do not list it); anywhere else (browsers, bundlers) the ordinary
 * entry is used.
 */
type Chevrotain = typeof import("chevrotain");

async function load(): Promise<Chevrotain> {
  const isNode = typeof process !== "undefined" && typeof process.versions?.node === "string";
  if (isNode) {
    try {
      const { createRequire } = await import("node:module");
      const { pathToFileURL } = await import("node:url");
      const entry = createRequire(import.meta.url).resolve("chevrotain");
      const bundle = entry.replace(/[\\/]src[\\/]api\.js$/, "/chevrotain.min.mjs");
      if (bundle !== entry) return (await import(pathToFileURL(bundle).href)) as Chevrotain;
    } catch {
      // fall through to the package entry
    }
  }
  return import("chevrotain");
}

export const chevrotain: Chevrotain = await load();
