/**
 * Tokenises text with the extension's committed grammars through
 * vscode-textmate and vscode-oniguruma, the libraries VS Code itself uses,
 * so a scope seen here is the scope a VS Code theme colours.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import vsctm from "vscode-textmate";
import oniguruma from "vscode-oniguruma";

const require = createRequire(import.meta.url);
export const extensionDir = resolve(import.meta.dirname, "../../editors/vscode");

interface ManifestGrammar {
  scopeName: string;
  path: string;
  language?: string;
  injectTo?: string[];
}
export const manifest = JSON.parse(readFileSync(resolve(extensionDir, "package.json"), "utf8")) as {
  contributes: { grammars: ManifestGrammar[]; languages: { id: string; filenames?: string[]; filenamePatterns?: string[]; firstLine?: string }[]; configuration: { properties: Record<string, { type: string; default?: unknown; description?: string; markdownDescription?: string; enum?: string[] }> } };
  [key: string]: unknown;
};

let registry: vsctm.Registry | undefined;

function getRegistry(): vsctm.Registry {
  if (registry) return registry;
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
    createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
    createOnigString: (s: string) => new oniguruma.OnigString(s),
  }));
  // As VS Code does: grammars and injections come from the manifest's contributes.grammars.
  const grammars = manifest.contributes.grammars;
  registry = new vsctm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => {
      const g = grammars.find((x) => x.scopeName === scopeName);
      if (!g) return null;
      const path = resolve(extensionDir, g.path);
      return vsctm.parseRawGrammar(readFileSync(path, "utf8"), path);
    },
    getInjections: (scopeName) => grammars.filter((x) => x.injectTo?.includes(scopeName)).map((x) => x.scopeName),
  });
  return registry;
}

export interface Token {
  text: string;
  scopes: string[];
  line: number;
}

/** All tokens of `text` under the grammar `scopeName`. */
export async function tokenize(scopeName: string, text: string): Promise<Token[]> {
  const grammar = await getRegistry().loadGrammar(scopeName);
  if (!grammar) throw new Error(`no grammar ${scopeName}`);
  const out: Token[] = [];
  let state = vsctm.INITIAL;
  text.split("\n").forEach((line, i) => {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes, line: i + 1 });
    state = r.ruleStack;
  });
  return out;
}

/** The scopes of the token whose text is exactly `text` (the `nth` such token, from 0) on line `line`. */
export function scopesOf(tokens: Token[], line: number, text: string, nth = 0): string[] {
  const found = tokens.filter((t) => t.line === line && t.text === text);
  if (!found[nth]) {
    const onLine = tokens.filter((t) => t.line === line).map((t) => JSON.stringify(t.text)).join(" ");
    throw new Error(`no token ${JSON.stringify(text)} (#${nth}) on line ${line}; tokens there: ${onLine}`);
  }
  return found[nth]!.scopes;
}
