// One finding per line, `file:line:col: severity: message [rule-id]`: what editors' error parsers and grep expect.
import type { Formatter } from "./types.js";

export const compact: Formatter = (results) => {
  const lines: string[] = [];
  for (const r of results) {
    for (const m of r.messages) lines.push(`${r.displayPath}:${m.line}:${m.column}: ${m.severity}: ${oneLine(m.message)} [${m.ruleId}]`);
  }
  return lines.length ? lines.join("\n") + "\n" : "";
};

function oneLine(s: string): string {
  return s.replace(/\r?\n/g, " ");
}
