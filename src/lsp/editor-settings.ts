/**
 * Settings an editor sends (VS Code's `keepalived.*` settings, as
 * initializationOptions or the `keepalived` section of workspace/configuration),
 * mapped to what the server uses. They are defaults: the project's
 * `.keepalived-lint.json` wins, so the editor lints as CI does. Values are
 * checked like the project file's; a bad one is reported and ignored, and
 * settings the server does not know are ignored silently (clients send their
 * own, e.g. VS Code's `trace`).
 */
import { ConfigError, parseConfig, type LintConfig } from "../engine/config.js";
import type { LintOptions } from "../engine/linter.js";

export interface EditorSettings {
  /** Lint options under the project's configuration (targetVersion, rules, configId). */
  lint: LintOptions;
  /** Delay between the last edit and linting, when set. */
  debounceMs?: number;
  /** Formatter indent the user chose (`format.indent`: spaces or "tab"); the project's settings win over it. */
  format?: { indent: number | "tab" };
  /** Template engine of templated configs ("auto", "jinja", …), passed on as given for template support. */
  templateEngine?: string;
  /** One line per ignored value, for the client's log. */
  problems: string[];
}

const SOURCE = "editor setting";

/** Reads `{ keepalived: {...} }` or the section itself; anything else gives no settings. */
export function editorSettings(raw: unknown): EditorSettings {
  const out: EditorSettings = { lint: {}, problems: [] };
  if (!isObject(raw)) return out;
  const s = isObject(raw.keepalived) ? raw.keepalived : raw;
  // The project file's checks, one setting at a time, so one bad value does not drop the others.
  const check = (key: keyof LintConfig, value: unknown): LintConfig | undefined => {
    if (value === undefined || value === null || value === "") return undefined;
    try {
      return parseConfig(JSON.stringify({ [key]: value }), SOURCE);
    } catch (e) {
      out.problems.push(e instanceof ConfigError ? e.message : String(e));
      return undefined;
    }
  };
  const target = check("targetVersion", s.targetVersion)?.targetVersion;
  if (target !== undefined) out.lint.targetVersion = target;
  const rules = check("rules", isObject(s.rules) && Object.keys(s.rules).length === 0 ? undefined : s.rules)?.rules;
  if (rules !== undefined) out.lint.rules = rules;
  const configId = check("configId", s.configId)?.configId;
  if (configId !== undefined) out.lint.configId = configId;
  if (s.debounceMs !== undefined) {
    if (typeof s.debounceMs === "number" && Number.isFinite(s.debounceMs) && s.debounceMs >= 0) out.debounceMs = s.debounceMs;
    else out.problems.push(`${SOURCE}: "debounceMs" must be a number of milliseconds, 0 or more`);
  }
  if (typeof s.templateEngine === "string" && s.templateEngine !== "") out.templateEngine = s.templateEngine;
  // The engine of templated configs: the project's "template" wins over it, as for every setting.
  const template = check("template", s.templateEngine)?.template;
  if (template !== undefined) out.lint.template = template;
  const indent = isObject(s.format) ? s.format.indent : undefined;
  if (indent === "tab" || (typeof indent === "number" && Number.isInteger(indent) && indent >= 0 && indent <= 16)) out.format = { indent };
  else if (indent !== undefined && indent !== null) out.problems.push(`${SOURCE}: "format.indent" must be a number of spaces (0 to 16) or "tab"`);
  return out;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
