/**
 * Every grammar file of the extension, by file name under syntaxes/, and the
 * manifest entries that declare them: what scripts/gen-grammars.mjs writes and
 * the staleness test compares.
 */
import { firstLineMatch, keepalivedGrammar, SCOPE, type TmGrammar } from "./keepalived-grammar.js";
import { injectionGrammar, injectionScope, TEMPLATE_LANGUAGES, wrapperGrammar, wrapperScope } from "./template-grammars.js";

export { firstLineMatch, keepalivedGrammar, SCOPE, type TmGrammar } from "./keepalived-grammar.js";
export { injectionGrammar, injectionScope, TEMPLATE_LANGUAGES, wrapperGrammar, wrapperScope, type TemplateLanguage } from "./template-grammars.js";

export const LANGUAGE_ID = "keepalived";

export function grammarFiles(): Map<string, TmGrammar> {
  const files = new Map<string, TmGrammar>([["keepalived.tmLanguage.json", keepalivedGrammar()]]);
  for (const lang of TEMPLATE_LANGUAGES) {
    files.set(`${lang.id}.tmLanguage.json`, wrapperGrammar(lang));
    files.set(`${lang.engine}.injection.tmLanguage.json`, injectionGrammar(lang));
  }
  return files;
}

/** The committed text of a grammar file. */
export function grammarText(grammar: TmGrammar): string {
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

const common = { configuration: "./language-configuration.json", icon: { light: "./icon.png", dark: "./icon.png" } };

/**
 * package.json's contributes.languages and contributes.grammars. Which files
 * are keepalived's: `keepalived.conf`, `keepalived*.conf`, any `.conf` below a
 * `keepalived/` directory (conf.d included); templates named like those
 * (`keepalived.conf.j2`, `keepalived-lb1.conf.tmpl`) or below a `keepalived/`
 * directory (an Ansible role's or Puppet module's templates/).
 */
export function manifestContributions() {
  const languages: Record<string, unknown>[] = [
    {
      id: LANGUAGE_ID,
      aliases: ["keepalived", "Keepalived"],
      filenames: ["keepalived.conf"],
      filenamePatterns: ["keepalived*.conf", "**/keepalived/**/*.conf"],
      firstLine: firstLineMatch(),
      ...common,
    },
  ];
  const grammars: Record<string, unknown>[] = [{ language: LANGUAGE_ID, scopeName: SCOPE, path: "./syntaxes/keepalived.tmLanguage.json" }];
  for (const lang of TEMPLATE_LANGUAGES) {
    languages.push({
      id: lang.id,
      aliases: [lang.title],
      filenamePatterns: [...lang.extensions.map((x) => `keepalived*${x}`), ...lang.extensions.map((x) => `**/keepalived/**/*${x}`)],
      ...common,
    });
    grammars.push({ language: lang.id, scopeName: wrapperScope(lang.engine), path: `./syntaxes/${lang.id}.tmLanguage.json` });
    grammars.push({ scopeName: injectionScope(lang.engine), path: `./syntaxes/${lang.engine}.injection.tmLanguage.json`, injectTo: [wrapperScope(lang.engine)] });
  }
  return { languages, grammars };
}

/** The manifest's text with its languages and grammars replaced by manifestContributions(). */
export function manifestText(current: string): string {
  const manifest = JSON.parse(current) as { contributes: Record<string, unknown> };
  Object.assign(manifest.contributes, manifestContributions());
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
