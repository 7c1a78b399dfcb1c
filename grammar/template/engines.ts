/**
 * Which template engine a file is written for: by its name, by its content
 * (keepalived itself never writes `{{`, `{%` or `<%`, so a file holding them
 * is a template whatever it is called), or as the user says (`--template`,
 * the settings' "templates" map).
 */

export type TemplateEngine = "jinja" | "go" | "erb" | "epp" | "mustache" | "terraform" | "envsubst";

/** What the user asks for: an engine, "auto" (by name and content, the default) or "off" (never a template). */
export type TemplateChoice = TemplateEngine | "auto" | "off";

export const TEMPLATE_ENGINES: readonly TemplateEngine[] = ["jinja", "go", "erb", "epp", "mustache", "terraform", "envsubst"];

export const ENGINE_NAMES: Record<TemplateEngine, string> = {
  jinja: "Jinja2",
  go: "Go text/template",
  erb: "ERB",
  epp: "EPP",
  mustache: "Mustache",
  terraform: "Terraform templatefile",
  envsubst: "envsubst",
};

/** Extensions that always mean a template (`.tmpl`/`.tpl` are refined by content: Go, Jinja2 or Mustache). */
const BY_EXTENSION: Record<string, TemplateEngine> = {
  j2: "jinja",
  jinja: "jinja",
  jinja2: "jinja",
  gotmpl: "go",
  tmpl: "go",
  tpl: "go",
  erb: "erb",
  epp: "epp",
  mustache: "mustache",
  tftpl: "terraform",
};

/** A template's name by its extension (`keepalived.conf.j2`, `vrrp.erb`, …). */
export function isTemplateName(path: string): boolean {
  return extensionOf(path) in BY_EXTENSION;
}

function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/** The engine a file is written for, or undefined for a plain configuration. */
export function detectEngine(path: string, text: string, choice: TemplateChoice = "auto"): TemplateEngine | undefined {
  if (choice === "off") return undefined;
  if (choice !== "auto") return choice;
  const ext = extensionOf(path);
  const byName = BY_EXTENSION[ext];
  if (byName && ext !== "tmpl" && ext !== "tpl") return byName;
  return engineOfContent(text) ?? byName;
}

const GO_SIGNS = /\{\{-\s|\s-\}\}|\{\{\s*\/\*|\{\{-?\s*(?:\.|\$|end\s*-?\}\}|(?:if|range|with|define|template|block)\s)/;
const TERRAFORM_SIGNS = /%\{~?\s*(?:if|for|endif|endfor|else)\b/;
const EPP_SIGNS = /<%-?\s*\||<%[=-]?\s*\$|<%-?\s*\}/;

/** By the tags a text holds; undefined when it holds none. */
export function engineOfContent(text: string): TemplateEngine | undefined {
  if (text.includes("{%")) return "jinja";
  if (text.includes("<%")) return EPP_SIGNS.test(text) ? "epp" : "erb";
  if (text.includes("{{")) {
    if (GO_SIGNS.test(text)) return "go";
    // Mustache sections, or sed-style `{{VAR}}` (Jinja2 templates have `{%` or a .j2 name).
    return "mustache";
  }
  if (text.includes("%{") && TERRAFORM_SIGNS.test(text)) return "terraform";
  return undefined;
}
