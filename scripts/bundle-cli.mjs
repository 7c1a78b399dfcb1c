// Bundles the built command line (tsc's output in <outDir>) into <outDir>/cli/, the
// `keepalived-lint` executable. Usage: node scripts/bundle-cli.mjs [outDir=dist]
//
// Why: a small lint is mostly process start-up. Node 20 spent much of it
// resolving, reading and linking ~125 separate ES modules (plus commander's
// CommonJS files), then compiling them, and it has no compile cache for ES
// modules. So the build writes:
//  - cli/bundle.js: run() and everything a lint uses (commander, chalk) as one
//    function expression, loaded by src/cli/bundle-loader.ts;
//  - cli/chevrotain.js, cli/lsp-server.js and cli/yaml.js: what a lint seldom
//    needs (the lexer for lines the plain-line scanner refuses; the language
//    server; the YAML parser of --template-vars files), as bundles of their own
//    that the main bundle loads on first use;
//  - <bundle>.js.cache: V8's code cache for each, made after a warm-up lint, so
//    the functions a lint runs need no compiling; a Node version whose V8 rejects
//    it just compiles as usual;
//  - cli/main.cjs: the executable (src/cli/bundle-main.ts and the loader);
//  - cli/THIRD-PARTY-LICENSES.txt: licences of the bundled packages.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = resolve(process.argv[2] ?? join(root, "dist"));
const target = join(outDir, "cli");
rmSync(target, { recursive: true, force: true });
mkdirSync(target, { recursive: true });

const loader = await import(pathToFileURL(join(outDir, "src/cli/bundle-loader.js")).href);

// chevrotain's single-file build (its package entry pulls in lodash-es as hundreds of modules).
const chevrotainFile = createRequire(join(root, "package.json")).resolve("chevrotain").replace(/[\\/]src[\\/]api\.js$/, "/chevrotain.min.mjs");

// Modules replaced, in every bundle, by a call to the loader for a bundle of their own.
// grammar/chevrotain.ts picks chevrotain up at run time (with top-level await); here it is
// loaded on first use, so a config of plain lines never reads it. The YAML parser (a fifth of
// the main bundle) is read only for --template-vars files, so a lint never loads it either.
const separate = {
  name: "separate-bundles",
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, (args) =>
      args.importer.startsWith(outDir) ? { path: "yaml", namespace: "kl-separate" } : undefined);
    b.onLoad({ filter: /^yaml$/, namespace: "kl-separate" }, () => ({
      contents: `export function parseDocument(...args) {\n  return __klLoad("yaml").parseDocument(...args);\n}\n`,
      loader: "js",
    }));
    b.onLoad({ filter: /[\\/]grammar[\\/]chevrotain\.js$/ }, () => ({
      contents: `export function chevrotain() {\n  return __klLoad("chevrotain");\n}\n`,
      loader: "js",
    }));
    b.onLoad({ filter: /[\\/]src[\\/]lsp[\\/]server\.js$/ }, (args) =>
      args.path.startsWith(outDir) && !b.initialOptions.entryPoints.includes(args.path)
        ? { contents: `export function startServer(options) {\n  return __klLoad("lsp-server").startServer(options);\n}\n`, loader: "js" }
        : undefined);
  },
};

// commander requires node:child_process at load, for executable subcommands we never use; with
// it come net and stream (~25 ms of a lint's start-up). It is required when first spawned instead.
const CHILD_PROCESS = "const childProcess = require('node:child_process');";
const lazyChildProcess = {
  name: "lazy-child-process",
  setup(b) {
    b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      if (!text.includes(CHILD_PROCESS)) throw new Error(`bundle-cli: ${args.path} no longer requires child_process as expected`);
      return { contents: text.replace(CHILD_PROCESS, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: "js" };
    });
  },
};

// chalk detects colour support at load (node:tty, node:os); we never use that: src/cli/color.ts
// decides and every Chalk is made with an explicit level. Its detector is replaced by "none".
const noColorDetection = {
  name: "no-color-detection",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "kl-stub" }));
    b.onLoad({ filter: /.*/, namespace: "kl-stub" }, () => ({ contents: "export default { stdout: false, stderr: false };\n", loader: "js" }));
  },
};

const common = {
  absWorkingDir: root, bundle: true, platform: "node", target: "node20", legalComments: "none", logLevel: "warning",
  metafile: true, write: false, format: "cjs", plugins: [separate, lazyChildProcess, noColorDetection],
  define: { "import.meta.url": "__klUrl" },
  // Less text to read at every start. Identifiers are minified in the main bundle only (below):
  // the others keep readable stack traces (the language server logs them).
  minifyWhitespace: true,
  minifySyntax: true,
  banner: { js: "(function (exports, require, module, __filename, __dirname, __klUrl, __klLoad) {" },
  footer: { js: "})" },
};
const inputs = [];

/** Builds one bundle; its first line is a build id derived from its text, which its cache repeats. */
async function bundle(name, entry) {
  // The main bundle with short identifiers: ~1.3 ms of a 50-line lint's start-up (2 x 60 interleaved
  // runs; 535 KB instead of 667 KB, its cache 624 KB instead of 654 KB). Its stacks name no function,
  // so KEEPALIVED_LINT_DEBUG runs the unbundled modules instead (bundle-loader.ts loadModuleRun).
  const result = await build({ ...common, minifyIdentifiers: name === loader.MAIN_BUNDLE, entryPoints: [entry], outfile: join(target, `${name}.js`) });
  inputs.push(...Object.keys(result.metafile.inputs));
  const text = result.outputFiles[0].text;
  // A dynamic import() inside vm.Script code needs an experimental loader hook on Node 20: none may remain.
  if (/\bimport\(/.test(text)) throw new Error(`bundle-cli: ${name}.js still contains a dynamic import()`);
  // The loader reads bundles as Latin-1 (bundle-loader.ts): a byte beyond ASCII would be misread.
  if (/[^\x00-\x7f]/.test(text)) throw new Error(`bundle-cli: ${name}.js is not ASCII (esbuild's charset option?)`);
  const id = createHash("sha256").update(text).digest("hex").slice(0, loader.BUILD_ID_BYTES);
  writeFileSync(join(target, `${name}.js`), `${loader.buildIdLine(id)}\n${text}`);
  return id;
}

const ids = {
  [loader.MAIN_BUNDLE]: await bundle(loader.MAIN_BUNDLE, join(outDir, "src/cli/run.js")),
  chevrotain: await bundle("chevrotain", chevrotainFile),
  "lsp-server": await bundle("lsp-server", join(outDir, "src/lsp/server.js")),
  yaml: await bundle("yaml", createRequire(join(root, "package.json")).resolve("yaml")),
};
await build({
  ...common, plugins: [], footer: {}, write: true,
  entryPoints: [join(outDir, "src/cli/bundle-main.js")], outfile: join(target, "main.cjs"),
  define: { "import.meta.url": "__klMainUrl" },
  banner: { js: `const __klMainUrl = require("node:url").pathToFileURL(__filename).href;` },
});

// Warm-up: lint small configs the way the command line does, so the code caches hold what a
// lint runs (the second config has lines only the chevrotain lexer reads).
const set = new loader.BundleSet(target, loader.builtinRequire);
const { run } = set.load(loader.MAIN_BUNDLE);
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
const lexed = `$IF=eth0\nvrrp_instance VI_2 {\n    interface $IF\n    notify_master "/bin/echo \\"up\\""\n}\n`;
// The main bundle's cache is made after a typical lint: a file on disk, settings discovery,
// the default format. Its functions are what the cache holds; anything else compiles lazily.
const warmDir = mkdtempSync(join(tmpdir(), "kl-warm-"));
const lint = (args, text) => run(args, { stdout() {}, stderr() {}, readStdin: async () => text, env: { NO_COLOR: "1" }, cwd: warmDir, stdoutIsTTY: false });
writeFileSync(join(warmDir, "keepalived.conf"), sample);
await lint(["keepalived.conf"], "");
// A command line of paths alone skips commander (src/cli/run.ts); one with an option builds
// the program, and its functions belong in the cache too.
await lint(["--format", "json", "keepalived.conf"], "");
const caches = { [loader.MAIN_BUNDLE]: set.scripts.get(loader.MAIN_BUNDLE).createCachedData() };
// Then the parts a lint seldom needs, each cached after its own use.
await lint(["-", "--stdin-filename", "keepalived.conf"], lexed);
if (!set.scripts.has("chevrotain")) throw new Error("bundle-cli: the warm-up never loaded chevrotain");
set.load("lsp-server");
set.load("yaml");
rmSync(warmDir, { recursive: true, force: true });
for (const [name, script] of set.scripts) {
  caches[name] ??= script.createCachedData();
  writeFileSync(join(target, `${name}.js.cache`), Buffer.concat([Buffer.from(ids[name], "latin1"), caches[name]]));
}

// The bundle carries copies of dependencies' code: ship their licence texts beside it.
const packages = new Set();
const ours = relative(root, outDir) + "/";
for (const input of new Set(inputs)) {
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
