/**
 * What the extension tells vscode-languageclient, as plain data: where the
 * bundled server is, which documents it serves, and the settings it gets.
 * Kept apart from extension.ts (which needs VS Code's `vscode` module at run
 * time) so tests can check it outside VS Code.
 */
import { join } from "node:path";
import { LANGUAGE_ID, TEMPLATE_LANGUAGES } from "../textmate/index.js";

/** The language server, bundled into the extension by scripts/package.mjs (relative to the extension's root). */
export const SERVER_MODULE = join("dist", "server.js");

/** Section of VS Code's settings the extension owns (`keepalived.targetVersion`, …). */
export const SETTINGS_SECTION = "keepalived";

/**
 * Languages the server lints: keepalived and its templates (keepalived-jinja,
 * …), which the server recognises by name and content and reads with their
 * tags as placeholders (docs/templates.md).
 */
export const LINTED_LANGUAGES: readonly string[] = [LANGUAGE_ID, ...TEMPLATE_LANGUAGES.map((l) => l.id)];

export function serverModule(extensionPath: string): string {
  return join(extensionPath, SERVER_MODULE);
}

/** Documents the client sends to the server: saved files and unsaved (untitled) buffers. */
export function documentSelector(): { scheme: string; language: string }[] {
  return LINTED_LANGUAGES.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
}

/** The server's settings, from VS Code's `keepalived` section (what src/lsp/editor-settings.ts reads). */
export interface ServerSettings {
  targetVersion?: string;
  rules?: Record<string, string>;
  configId?: string;
  debounceMs?: number;
  templateEngine?: string;
}

/**
 * initializationOptions for the server from the `keepalived` section: the
 * settings it knows, each only when set to something (an unset target version
 * or an empty rules object leaves the project's `.keepalived-lint.json` and the
 * server's defaults alone).
 */
export function initializationOptions(get: (key: keyof ServerSettings) => unknown): ServerSettings {
  const out: ServerSettings = {};
  const targetVersion = get("targetVersion");
  if (typeof targetVersion === "string" && targetVersion !== "") out.targetVersion = targetVersion;
  const rules = get("rules");
  if (typeof rules === "object" && rules !== null && !Array.isArray(rules) && Object.keys(rules).length > 0) out.rules = rules as Record<string, string>;
  const configId = get("configId");
  if (typeof configId === "string" && configId !== "") out.configId = configId;
  const debounceMs = get("debounceMs");
  if (typeof debounceMs === "number") out.debounceMs = debounceMs;
  const templateEngine = get("templateEngine");
  if (typeof templateEngine === "string" && templateEngine !== "") out.templateEngine = templateEngine;
  return out;
}
