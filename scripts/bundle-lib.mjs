// Bundles the library entries (tsc's output in <outDir>) into <outDir>/lib/, what
// `import "keepalived-lint"`, `"keepalived-lint/reader"` and `"keepalived-lint/node"` load.
// Usage: node scripts/bundle-lib.mjs [outDir=dist]
//
// Why: Node 20 has no compile cache for ES modules and loads each one on its own
// (resolve, read, link): importing the reader as its 17 separate modules took
// ~22 ms, as one file ~2 ms, on the parse benchmark's machine. The entries
// are split into chunks, so code both use (the reader, SourceFile, the AST
// views) is one module: objects from either entry are instances of the same
// classes. Packages (chevrotain, chalk, …) stay imports; types stay dist/src/*.d.ts.
import { rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = resolve(process.argv[2] ?? join(root, "dist"));
const target = join(outDir, "lib");
rmSync(target, { recursive: true, force: true });

await build({
  entryPoints: { index: join(outDir, "src/index.js"), reader: join(outDir, "src/reader.js"), node: join(outDir, "src/node/index.js") },
  outdir: target,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  chunkNames: "shared-[hash]",
  logLevel: "warning",
});
