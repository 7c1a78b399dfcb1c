/**
 * The default, human format: findings grouped by file, each with the line it
 * is on, a caret under the offending text and the hint, then a summary.
 *
 * On a terminal (ctx.width given) messages and hints wrap to its width, and
 * the rule id stays on the finding's first line in a column of its own, so a
 * long message never pushes it into the middle of the next line. Elsewhere
 * each finding is one line, for grep.
 */
import { codeFrames } from "./code-frame.js";
import { PLAIN } from "./paint.js";
import { countMessages, type Formatter, type Message } from "./types.js";
import { length, padTo, wrap } from "./wrap.js";

/** Narrowest message column worth wrapping into; below it the line runs past a very narrow terminal. */
const MIN_MESSAGE_WIDTH = 16;

export const stylish: Formatter = (results, ctx) => {
  const c = ctx.paint ?? PLAIN;
  const sevWord = (m: Message) => (m.severity === "error" ? "error" : m.severity === "warning" ? "warning" : "info");
  const colourOf = (m: Message) => (m.severity === "error" ? c.red : m.severity === "warning" ? c.yellow : c.blue);
  const width = ctx.width;
  // Rule ids start at one column in the whole report: the widest id ends at the terminal's edge.
  let idWidth = 0;
  for (const r of results) for (const m of r.messages) idWidth = Math.max(idWidth, length(m.ruleId));
  const out: string[] = [];
  const all: Message[] = [];
  /**
   * `    hint: text` (or suggestion:), wrapped under its own start on a
   * terminal, with a dim tail (what a suggestion changes) kept whole.
   */
  const labelled = (label: string, text: string, tail = "") => {
    const indent = 4 + label.length + 1;
    const full = tail ? `${text} ${tail}` : text;
    const lines = width === undefined ? [full] : wrap(full, Math.max(MIN_MESSAGE_WIDTH, width - indent));
    const last = lines.length - 1;
    // The tail ends the last line (wrap keeps its words in order): dim it there when it did not break.
    if (tail && lines[last].endsWith(tail)) lines[last] = lines[last].slice(0, -tail.length) + c.dim(tail);
    out.push(`    ${c.cyan(label)} ${lines[0]}`, ...lines.slice(1).map((l) => " ".repeat(indent) + l));
  };
  for (const r of results) {
    if (r.messages.length === 0) continue;
    // One by one: spreading a long array into push() overflows the stack.
    for (const m of r.messages) all.push(m);
    out.push(c.underline(r.displayPath));
    const codeFrame = r.source !== undefined ? codeFrames(r.source, r.lineStarts) : undefined;
    // Reduced, not spread into Math.max: a file can have more findings than the stack has room for arguments.
    const posWidth = r.messages.reduce((w, m) => Math.max(w, `${m.line}:${m.column}`.length), 0);
    const sevWidth = r.messages.reduce((w, m) => Math.max(w, sevWord(m).length), 0);
    for (const m of r.messages) {
      const pos = `${m.line}:${m.column}`;
      if (width === undefined) {
        out.push(`  ${c.dim(pos)}  ${colourOf(m)(sevWord(m))}  ${m.message}  ${c.dim(m.ruleId)}`);
      } else {
        const lead = `  ${c.dim(pos)}${" ".repeat(posWidth - pos.length)}  ${colourOf(m)(padTo(sevWord(m), sevWidth))}  `;
        const indent = 2 + posWidth + 2 + sevWidth + 2;
        // The first line leaves room for the rule id column; the lines after it have the whole width.
        const room = Math.max(MIN_MESSAGE_WIDTH, width - indent);
        const firstRoom = Math.max(MIN_MESSAGE_WIDTH, room - 2 - idWidth);
        const [first, ...rest] = wrap(m.message, room, firstRoom);
        out.push(`${lead}${padTo(first, firstRoom)}  ${c.dim(m.ruleId)}`);
        for (const line of rest) out.push(" ".repeat(indent) + line);
      }
      if (codeFrame) {
        const [text, caret] = codeFrame(m.line, m.column, m.endLine, m.endColumn);
        if (text !== undefined && caret !== undefined) {
          const bar = text.indexOf("|") + 1;
          const at = caret.indexOf("^");
          out.push(`    ${c.dim(text.slice(0, bar))}${text.slice(bar)}`);
          out.push(`    ${c.dim(caret.slice(0, bar))}${caret.slice(bar, at)}${colourOf(m)(caret.slice(at))}`);
        }
      }
      if (m.hint) labelled("hint:", m.hint);
      // A suggestion changes behaviour on purpose: shown with its consequence, never applied by plain --fix.
      for (const s of m.suggestions ?? []) {
        const changes = s.changes.length ? `(changes ${s.changes.join(", ")})` : "";
        labelled("suggestion:", `${s.description}${s.consequence ? ` — ${s.consequence}` : ""}`, changes);
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
  const note = (text: string) => {
    const lines = width === undefined ? [text] : wrap(text, Math.max(MIN_MESSAGE_WIDTH, width - 4), Math.max(MIN_MESSAGE_WIDTH, width - 2));
    lines.forEach((l, i) => out.push(c.dim(`${i === 0 ? "  " : "    "}${l}`)));
  };
  if (fixable) note(`${fixable} ${plural(fixable, "problem")} fixable with --fix`);
  if (n.suggestible) note(`${n.suggestible} more with --fix --unsafe-fixes (suggestions change behaviour: read them first)`);
  return out.join("\n") + "\n";
};

function plural(n: number, word: string): string {
  return n === 1 ? word : word + "s";
}
