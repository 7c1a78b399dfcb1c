// Bundles the built command line (tsc's <outDir>/src/cli/main.js) into <outDir>/cli/:
// the `keepalived-lint` executable. Usage: node scripts/bundle-cli.mjs [outDir=dist]
//
// Why: a small lint is mostly process start-up, and Node 20 spends much of it
// resolving, reading and linking ~125 separate ES modules (plus commander's
// CommonJS files). One entry file with the lint path in a few chunks removes
// that cost. The subcommands and formats the lint path does not use stay in
// chunks loaded on demand (the source imports them with `await import()`).
// chevrotain stays outside: grammar/chevrotain.ts loads its single-file build.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = resolve(process.argv[2] ?? join(root, "dist"));
const target = join(outDir, "cli");
rmSync(target, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: join(outDir, "src/cli/main.js") },
  outdir: target,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["chevrotain"],
  // Less text for V8 to scan at every start; identifiers stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: "none",
  // commander is CommonJS: its require() calls of Node built-ins need a real require in ES module output.
  banner: { js: 'import { createRequire as __klCreateRequire } from "node:module"; const require = __klCreateRequire(import.meta.url);' },
  logLevel: "warning",
  metafile: true,
});

// The chunks carry copies of dependencies' code (commander, chalk, the language
// server libraries): ship their licence texts beside them.
const packages = new Set();
const ours = relative(root, outDir) + "/";
for (const input of Object.keys(result.metafile.inputs)) {
  // Our own modules may sit under node_modules too (the test build's snapshot in node_modules/.cache).
  if (input.startsWith(ours)) continue;
  const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) packages.add(m[0].slice(0, -1));
}
const notices = [...packages].sort().map((path) => {
  const dir = join(root, path);
  const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
  const { name, version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  if (!file) throw new Error(`bundle-cli: ${name} is bundled but has no licence file`);
  return `${name} ${version} (${license})\n\n${readFileSync(join(dir, file), "utf8").trim()}\n`;
});
writeFileSync(join(target, "THIRD-PARTY-LICENSES.txt"), `Code of these packages is bundled in this directory.\n\n${notices.join("\n" + "-".repeat(72) + "\n\n")}`);
