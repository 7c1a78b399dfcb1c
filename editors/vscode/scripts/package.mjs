// Builds the VS Code extension (.vsix): `npm run package:vscode` from the
// repository root, or node editors/vscode/scripts/package.mjs [--out FILE].
//
// Everything the extension runs is bundled with esbuild into dist/: the client
// (src/extension.ts with vscode-languageclient; `vscode` is VS Code's own) and
// the language server (src/lsp/bin.ts with vscode-languageserver and
// chevrotain), which VS Code starts with its own Node. So the .vsix needs no
// node_modules and the user no Node. The extension is assembled in a temporary
// directory and packed there with @vscode/vsce, so building never writes into
// the source tree except the .vsix itself.
import { execFile, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const extensionDir = dirname(dirname(fileURLToPath(import.meta.url)));
const root = resolve(extensionDir, "../..");
const manifest = JSON.parse(readFileSync(join(extensionDir, "package.json"), "utf8"));
const outArg = process.argv.indexOf("--out");
const out = resolve(outArg > 0 ? process.argv[outArg + 1] : join(extensionDir, `${manifest.name}-${manifest.version}.vsix`));

// The extension's own packages (vsce, vscode-languageclient) live in editors/vscode/node_modules.
const vsce = join(extensionDir, "node_modules/@vscode/vsce/vsce");
if (!existsSync(vsce) || !existsSync(join(extensionDir, "node_modules/vscode-languageclient"))) {
  console.log("installing editors/vscode's packages (npm ci)…");
  execFileSync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: extensionDir, stdio: "inherit" });
}

// Files of the extension itself (the rest of editors/vscode is sources and tooling).
const SHIPPED = ["package.json", "README.md", "CHANGELOG.md", "LICENSE", "icon.png", "language-configuration.json", "syntaxes", ".vscodeignore"];

// grammar/chevrotain.ts loads chevrotain lazily with a top-level await, which a CommonJS bundle
// cannot hold; the server bundle imports chevrotain's single-file build up front instead.
const chevrotainFile = createRequire(join(root, "package.json")).resolve("chevrotain").replace(/[\\/]src[\\/]api\.js$/, "/chevrotain.min.mjs");
const staticChevrotain = {
  name: "static-chevrotain",
  setup(b) {
    b.onLoad({ filter: /[\\/]grammar[\\/]chevrotain\.ts$/ }, () => ({
      contents: `import * as chevrotainModule from ${JSON.stringify(chevrotainFile)};\nexport function chevrotain() {\n  return chevrotainModule;\n}\n`,
      loader: "js",
      resolveDir: root,
    }));
  },
};

// esbuild does not typecheck: the client is checked against VS Code's API types, alongside the build.
const typecheck = new Promise((done, fail) => {
  execFile(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(extensionDir, "tsconfig.json")], { cwd: root }, (e, stdout) =>
    e ? fail(new Error(`the extension does not typecheck:\n${stdout || e.message}`)) : done(),
  );
});
typecheck.catch(() => undefined); // awaited below; a build failure first must not leave it unhandled

const stage = mkdtempSync(join(tmpdir(), "keepalived-vscode-"));
try {
  for (const name of SHIPPED) cpSync(join(extensionDir, name), join(stage, name), { recursive: true });
  // Less to read at every start; identifiers stay readable in stack traces. VS Code 1.90 runs Node 20.
  const common = { bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "warning", metafile: true, legalComments: "none", absWorkingDir: root, minifyWhitespace: true, minifySyntax: true };
  const client = await build({ ...common, entryPoints: [join(extensionDir, "src/extension.ts")], outfile: join(stage, "dist/extension.js"), external: ["vscode"] });
  const server = await build({ ...common, entryPoints: [join(root, "src/lsp/bin.ts")], outfile: join(stage, "dist/server.js"), plugins: [staticChevrotain] });
  writeFileSync(join(stage, "dist/THIRD-PARTY-LICENSES.txt"), licences([client, server]));
  await typecheck;
  mkdirSync(dirname(out), { recursive: true });
  rmSync(out, { force: true });
  execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--allow-missing-repository", "--out", out], { cwd: stage, stdio: ["ignore", "pipe", "inherit"] });
  console.log(`${relative(process.cwd(), out) || out}`);
} catch (e) {
  console.error(`package.mjs: ${e.message}`);
  process.exitCode = 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/** The licence texts of every package whose code a bundle holds (they ship beside it). */
function licences(results) {
  const packages = new Set();
  for (const r of results) {
    for (const input of Object.keys(r.metafile.inputs)) {
      const m = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) packages.add(resolve(root, m[0]));
    }
  }
  const notices = [...packages].sort().map((dir) => {
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const { name, version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    if (!file) throw new Error(`package.mjs: ${name} is bundled but has no licence file`);
    return `${name} ${version} (${license})\n\n${readFileSync(join(dir, file), "utf8").trim()}\n`;
  });
  return `Code of these packages is bundled in dist/.\n\n${notices.join("\n" + "-".repeat(72) + "\n\n")}`;
}
