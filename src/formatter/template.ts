/**
 * Formatting a template never damages it: no line is split or joined, no
 * tag changes by a byte, and only indentation changes, to the brace depth
 * the reader's view of the template has there — of lines that start with
 * literal text or an expression. A line that starts inside a tag, or with a
 * structure, comment or code tag (whose indentation the engine may output
 * or strip by its own options), is left as it is. When that depth is not one
 * number — the branches of a conditional open or close different blocks —
 * there is no correct layout, and the template is left alone with a reason.
 */
import { SourceFile } from "../../grammar/source.js";
import { templateView, type TemplateEngine } from "../../grammar/template/index.js";

export interface TemplateFormat {
  text: string;
  /** Why the template was left as it is. */
  refused?: string;
}

export function formatTemplate(text: string, engine: TemplateEngine, indent: string): TemplateFormat {
  const view = templateView(text, engine);
  const keep = new Set<number>();
  // The reader's own line table (one binary search for offsets, as every front end uses).
  const file = new SourceFile("", text);
  const lineStarts = file.lineStarts;
  const lineOf = (o: number) => file.position(o).line - 1;
  for (const t of view.tags) {
    const first = lineOf(t.start);
    // Lines that start inside the tag.
    for (let l = first + 1; l <= lineOf(Math.max(t.start, t.end - 1)); l++) keep.add(l);
    // A line that starts with a tag other than an expression.
    if (t.kind !== "expr" && text.slice(lineStarts[first], t.start).trim() === "") keep.add(first);
  }
  for (const group of view.branches) {
    const deltas = group.map(([s, e]) => braceDelta(view.text.slice(s, e)));
    if (deltas.some((d) => d !== deltas[0])) {
      return { text, refused: `the branches starting on lines ${group.map(([s]) => lineOf(s) + 1).join(", ")} open or close different blocks, so literal lines have no single indentation` };
    }
  }
  let depth = 0;
  let out = "";
  for (let l = 0; l < lineStarts.length; l++) {
    const start = lineStarts[l];
    const end = l + 1 < lineStarts.length ? lineStarts[l + 1] : text.length;
    const line = text.slice(start, end);
    const viewLine = view.text.slice(start, end);
    const body = line.replace(/^[ \t]+/, "");
    const closesFirst = /^\}/.test(viewLine.replace(/^[ \t]+/, ""));
    if (keep.has(l) || body.trim() === "") out += line;
    else out += indent.repeat(Math.max(0, depth - (closesFirst ? 1 : 0))) + body;
    depth += braceDelta(viewLine);
    if (depth < 0) return { text, refused: `line ${l + 1} closes a block that is not open` };
  }
  return { text: out };
}

/** `{` minus `}` outside comments and quoted strings. */
function braceDelta(text: string): number {
  let d = 0;
  let quoted = false;
  let comment = false;
  for (const c of text) {
    if (c === "\n") {
      quoted = false;
      comment = false;
    } else if (comment) continue;
    else if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "#" || c === "!") comment = true;
    else if (c === "{") d++;
    else if (c === "}") d--;
  }
  return d;
}
