/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the
 * pull request. Property values and messages are escaped as the runner expects
 * (%, CR, LF everywhere; also `:` and `,` in properties). Files are named
 * relative to the repository root, as the runner's checkout has them.
 */
import type { Formatter } from "./types.js";

export const github: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    const file = r.rootPath ?? r.filePath;
    for (const m of r.messages) {
      const level = m.severity === "error" ? "error" : m.severity === "warning" ? "warning" : "notice";
      const props = [
        `file=${prop(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${prop(`keepalived-lint: ${m.ruleId}`)}`,
      ].join(",");
      // Suggestions change behaviour: the annotation says how, as stylish does.
      const suggested = (m.suggestions ?? []).map((s) => `\nsuggestion: ${s.description}${s.consequence ? ` — ${s.consequence}` : ""}`).join("");
      const text = (m.hint ? `${m.message}\n${m.hint}` : m.message) + suggested;
      lines.push(`::${level} ${props}::${data(text)}`);
    }
  }
  return lines.length ? lines.join("\n") + "\n" : "";
};

function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function prop(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
