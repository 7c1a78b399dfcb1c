// Bundles the built command line (tsc's output in <outDir>) into <outDir>/cli/, the
// `keepalived-lint` executable. Usage: node scripts/bundle-cli.mjs [outDir=dist]
//
// Why: a small lint is mostly process start-up. Node 20 spent much of it
// resolving, reading and linking ~125 separate ES modules (plus commander's
// CommonJS files), then compiling them, and it has no compile cache for ES
// modules. So the build writes:
//  - cli/bundle.js: run() and everything it uses (chevrotain's single-file build,
//    commander, chalk; the language server too, which costs nothing until used)
//    as one function expression, loaded by src/cli/bundle-loader.ts;
//  - cli/bundle.js.cache: V8's code cache for it, made after a warm-up lint, so
//    the functions a lint runs need no compiling; a Node version whose V8 rejects
//    it just compiles as usual;
//  - cli/main.js: the executable (src/cli/bundle-main.ts and the loader);
//  - cli/THIRD-PARTY-LICENSES.txt: licences of the bundled packages.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = resolve(process.argv[2] ?? join(root, "dist"));
const target = join(outDir, "cli");
rmSync(target, { recursive: true, force: true });

const loader = await import(pathToFileURL(join(outDir, "src/cli/bundle-loader.js")).href);
const bundleFile = join(target, loader.BUNDLE_FILE);

// grammar/chevrotain.ts picks chevrotain's single-file build at run time (with top-level await);
// in the bundle the same file is required on first use: esbuild turns require() of a bundled
// module into a lazy initialiser, so a config of plain lines never evaluates chevrotain.
const chevrotainBundle = createRequire(join(root, "package.json")).resolve("chevrotain").replace(/[\\/]src[\\/]api\.js$/, "/chevrotain.min.mjs");
const staticChevrotain = {
  name: "static-chevrotain",
  setup(b) {
    b.onLoad({ filter: /[\\/]grammar[\\/]chevrotain\.js$/ }, () => ({
      contents: `export function chevrotain() {\n  return require(${JSON.stringify(chevrotainBundle)});\n}\n`,
      loader: "js",
      resolveDir: root,
    }));
  },
};

const common = { absWorkingDir: root, bundle: true, platform: "node", target: "node20", legalComments: "none", logLevel: "warning", metafile: true };
const bundled = await build({
  ...common,
  entryPoints: [join(outDir, "src/cli/run.js")],
  outfile: bundleFile,
  format: "cjs",
  plugins: [staticChevrotain],
  define: { "import.meta.url": "__klUrl" },
  // Less text to read and hash at every start; identifiers stay readable in stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  banner: { js: "(function (exports, require, module, __filename, __dirname, __klUrl) {" },
  footer: { js: "})" },
});
await build({ ...common, entryPoints: [join(outDir, "src/cli/bundle-main.js")], outfile: join(target, "main.js"), format: "esm" });

const source = readFileSync(bundleFile, "utf8");
// A dynamic import() inside vm.Script code needs an experimental loader hook on Node 20: none may remain.
if (/\bimport\(/.test(source)) throw new Error("bundle-cli: the bundle still contains a dynamic import()");

// Warm-up: lint a small config the way the command line does, so the code cache holds what a lint runs.
const script = loader.compileBundle(bundleFile, source);
const { run } = loader.evaluateBundle(script, bundleFile);
const sample = `global_defs {
    router_id lb1
}
vrrp_script chk {
    script "/usr/bin/true"
    weight -20
}
vrrp_instance VI_1 {
    state MASTER
    nopreempt
    interface eth0
    virtual_router_id 51
    priority 100
    advert_int 1
    track_script {
        chk
    }
    virtual_ipaddress {
        10.0.0.1/24
    }
}
virtual_server 10.0.0.1 80 {
    lb_algo rr
    protocol TCP
    real_server 10.0.0.2 80 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;
for (const format of ["stylish", "compact"]) {
  const io = { stdout() {}, stderr() {}, readStdin: async () => sample, env: { NO_COLOR: "1" }, cwd: tmpdir(), stdoutIsTTY: false };
  await run(["--no-config", "-f", format, "-", "--stdin-filename", "keepalived.conf"], io);
}
writeFileSync(`${bundleFile}.cache`, Buffer.concat([loader.sourceHash(source), script.createCachedData()]));

// The bundle carries copies of dependencies' code: ship their licence texts beside it.
const packages = new Set();
const ours = relative(root, outDir) + "/";
for (const input of Object.keys(bundled.metafile.inputs)) {
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
