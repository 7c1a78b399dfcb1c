/**
 * The default, human format: findings grouped by file, each with the line it
 * is on, a caret under the offending text and the hint, then a summary.
 */
import { codeFrames } from "./code-frame.js";
import { PLAIN } from "./paint.js";
import { countMessages, type Formatter, type Message } from "./types.js";

export const stylish: Formatter = (results, ctx) => {
  const c = ctx.paint ?? PLAIN;
  const sev = (m: Message) => (m.severity === "error" ? c.red("error") : m.severity === "warning" ? c.yellow("warning") : c.blue("info"));
  const colourOf = (m: Message) => (m.severity === "error" ? c.red : m.severity === "warning" ? c.yellow : c.blue);
  const out: string[] = [];
  const all: Message[] = [];
  for (const r of results) {
    if (r.messages.length === 0) continue;
    // One by one: spreading a long array into push() overflows the stack.
    for (const m of r.messages) all.push(m);
    out.push(c.underline(r.displayPath));
    const codeFrame = r.source !== undefined ? codeFrames(r.source) : undefined;
    for (const m of r.messages) {
      out.push(`  ${c.dim(`${m.line}:${m.column}`)}  ${sev(m)}  ${m.message}  ${c.dim(m.ruleId)}`);
      if (codeFrame) {
        const [text, caret] = codeFrame(m.line, m.column, m.endLine, m.endColumn);
        if (text !== undefined && caret !== undefined) {
          const bar = text.indexOf("|") + 1;
          const at = caret.indexOf("^");
          out.push(`    ${c.dim(text.slice(0, bar))}${text.slice(bar)}`);
          out.push(`    ${c.dim(caret.slice(0, bar))}${caret.slice(bar, at)}${colourOf(m)(caret.slice(at))}`);
        }
      }
      if (m.hint) out.push(`    ${c.cyan("hint:")} ${m.hint}`);
      // A suggestion changes behaviour on purpose: shown with its consequence, never applied by plain --fix.
      for (const s of m.suggestions ?? []) {
        const changes = s.changes.length ? ` (changes ${s.changes.join(", ")})` : "";
        out.push(`    ${c.cyan("suggestion:")} ${s.description}${s.consequence ? ` — ${s.consequence}` : ""}${c.dim(changes)}`);
      }
    }
    out.push("");
  }
  if (all.length === 0) return "";
  const n = countMessages(all);
  const total = all.length;
  const parts = [`${n.errors} ${plural(n.errors, "error")}`, `${n.warnings} ${plural(n.warnings, "warning")}`];
  if (n.infos) parts.push(`${n.infos} info`);
  const summary = `✖ ${total} ${plural(total, "problem")} (${parts.join(", ")})`;
  out.push(n.errors ? c.boldRed(summary) : c.boldYellow(summary));
  const fixable = n.fixableErrors + n.fixableWarnings;
  if (fixable) out.push(c.dim(`  ${fixable} ${plural(fixable, "problem")} fixable with --fix`));
  if (n.suggestible) out.push(c.dim(`  ${n.suggestible} more with --fix --unsafe-fixes (suggestions change behaviour: read them first)`));
  return out.join("\n") + "\n";
};

function plural(n: number, word: string): string {
  return n === 1 ? word : word + "s";
}
