// Writes the TextMate grammars (syntaxes/*.tmLanguage.json) from the keyword
// schema, and the manifest entries declaring them (package.json's
// contributes.languages and .grammars): node editors/vscode/scripts/gen-grammars.mjs (npm run gen:grammars).
// The generator is TypeScript that imports grammar/schema, so esbuild bundles
// it into a temporary module first.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const extensionDir = dirname(dirname(fileURLToPath(import.meta.url)));
const tmp = mkdtempSync(join(tmpdir(), "keepalived-grammars-"));
try {
  const out = join(tmp, "grammars.mjs");
  await build({ entryPoints: [join(extensionDir, "textmate/index.ts")], outfile: out, bundle: true, format: "esm", platform: "node", target: "node20", logLevel: "warning" });
  const { grammarFiles, grammarText, manifestText } = await import(pathToFileURL(out).href);
  const dir = join(extensionDir, "syntaxes");
  mkdirSync(dir, { recursive: true });
  for (const [name, grammar] of grammarFiles()) writeFileSync(join(dir, name), grammarText(grammar));
  // package.json's contributes.languages / grammars declare exactly these files.
  const manifest = join(extensionDir, "package.json");
  writeFileSync(manifest, manifestText(readFileSync(manifest, "utf8")));
  console.log(`wrote ${grammarFiles().size} grammars to ${dir}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
