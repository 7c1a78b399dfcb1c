/**
 * The reader's view of a template: a text of the same length, so every
 * offset, line and column is the template's own (findings are placed on the
 * template's text, never on the view's), and the line breaks of the
 * rendering:
 * - whitespace the engine strips around a tag (trim markers `{%- -%}`,
 *   `{{- -}}`, `-%>`, `~}`; Jinja2's trim_blocks) becomes blanks, line breaks
 *   included: where the rendering joins two lines, the view has one line
 *   (but an `else` tag ends a line: the branches never render together);
 * - an expression tag becomes a placeholder word (PLACEHOLDER characters):
 *   it may stand for a value, part of a word, a whole line or several lines;
 * - comments, code that outputs nothing and structure tags alone on their
 *   line become blanks; the bodies of definitions (macros, `define`) too,
 *   since they are rendered elsewhere if at all;
 * - a conditional written inside one line (`state {% if m %}MASTER{% else
 *   %}BACKUP{% endif %}`) becomes one placeholder: it renders one value.
 * Both branches of a conditional and the body of a loop are read; `branches`
 * records which parts are mutually exclusive.
 */
import { SourceFile } from "../source.js";
import type { TemplateEngine } from "./engines.js";
import { scanTags, type Tag } from "./tags.js";

/**
 * A placeholder is the tag's own text moved into the private-use block
 * U+E000–U+E0FF: never in a configuration, one word for keepalived's
 * tokenizer (no blanks), and the same tag text always makes the same
 * placeholder, so `chk_{{ svc }}` defined and `chk_{{ svc }}` tracked are
 * one name, while `{{ a }}` and `{{ b }}` differ.
 */
export const PLACEHOLDER_BASE = 0xe000;
/** Matches a run of placeholder characters. */
export const PLACEHOLDER_RUN = /[\uE000-\uE0FF]+/g;
const SPACE = 32;

/** Does a word hold (part of) a placeholder? */
export function hasPlaceholder(text: string): boolean {
  for (let i = 0; i < text.length; i++) if ((text.charCodeAt(i) & 0xff00) === PLACEHOLDER_BASE) return true;
  return false;
}

/** The template text a placeholder run was made from (ASCII exactly; other characters by their low byte). */
export function placeholderSource(run: string): string {
  let s = "";
  for (let i = 0; i < run.length; i++) s += String.fromCharCode(run.charCodeAt(i) - PLACEHOLDER_BASE);
  return s;
}

/** The branches of one conditional (or loop with an `else`): each a [start, end) range of the template. */
export type BranchGroup = [number, number][];

export interface TemplateProblem {
  start: number;
  end: number;
  message: string;
}

export interface TemplateView {
  engine: TemplateEngine;
  /** What the reader reads. */
  text: string;
  tags: Tag[];
  /** [start, end) ranges read as placeholders. */
  placeholders: [number, number][];
  branches: BranchGroup[];
  problems: TemplateProblem[];
  /** Line breaks of the template that the rendering does not have: where, and the tag whose trimming strips it. */
  joins: { at: number; tag: Tag }[];
}

export function templateView(text: string, engine: TemplateEngine): TemplateView {
  const tags = scanTags(text, engine);
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  const fill = (start: number, end: number, code: number) => {
    for (let i = start; i < end; i++) if (codes[i] !== 10 && codes[i] !== 13) codes[i] = code;
  };
  const placeholder = (start: number, end: number) => {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c !== 10 && c !== 13) codes[i] = PLACEHOLDER_BASE + (c & 0xff);
    }
    placeholders.push([start, end]);
  };
  const problems: TemplateProblem[] = [];
  const joins: TemplateView["joins"] = [];
  const placeholders: [number, number][] = [];
  const branches: BranchGroup[] = [];
  const literalLines = linesWithLiteralText(text, tags);
  // 0-based line of an offset, by the reader's own line index
  const source = new SourceFile("", text);
  const lineOf = (offset: number) => source.position(offset).line - 1;

  // Pair structure tags: open … else … close.
  interface Open {
    tag: Tag;
    elses: Tag[];
  }
  const stack: Open[] = [];
  const groups: { open: Tag; elses: Tag[]; close: Tag }[] = [];
  for (const tag of tags) {
    if (tag.unclosed) problems.push({ start: tag.start, end: tag.end, message: "template tag is not closed on its line" });
    if (tag.kind === "open") stack.push({ tag, elses: [] });
    else if (tag.kind === "else") {
      if (stack.length) stack[stack.length - 1].elses.push(tag);
      else problems.push({ start: tag.start, end: tag.end, message: "template \"else\" outside any conditional" });
    } else if (tag.kind === "close") {
      const o = stack.pop();
      if (o) groups.push({ open: o.tag, elses: o.elses, close: tag });
      else problems.push({ start: tag.start, end: tag.end, message: "template end tag without an opening tag" });
    }
  }
  for (const o of stack) problems.push({ start: o.tag.start, end: o.tag.end, message: "template block is never closed" });

  for (const tag of tags) {
    if (tag.kind === "expr") {
      placeholder(tag.start, tag.end);
    } else fill(tag.start, tag.end, SPACE);
    // Stripped whitespace: blanks, line breaks too (the rendering joins the lines).
    let joined = false;
    for (const [from, to] of [[tag.trimBefore, tag.start], [tag.end, tag.trimAfter]]) {
      if (from === undefined || to === undefined) continue;
      for (let i = from; i < to; i++) {
        if (codes[i] === 10) {
          joined = true;
          joins.push({ at: i, tag });
        }
        codes[i] = SPACE;
      }
    }
    // The text before an `else` and the text after it never render together: a line break between them, in the tag.
    if (joined && tag.kind === "else") codes[tag.start] = 10;
  }
  const groupOf = new Map<Tag, BranchGroup>();
  for (const g of groups) {
    const line = lineOf(g.open.start);
    if (g.open.definition) {
      fill(g.open.start, g.close.end, SPACE);
      continue;
    }
    if (literalLines.has(line) && lineOf(g.close.end) === line) {
      // A conditional inside one line renders one value: one placeholder.
      placeholder(g.open.start, g.close.end);
      continue;
    }
    const bounds = [g.open, ...g.elses, g.close];
    const group: BranchGroup = [];
    for (let k = 0; k + 1 < bounds.length; k++) group.push([bounds[k].end, bounds[k + 1].start]);
    // Mustache: `{{^x}}` right after `{{#x}}…{{/x}}` is x's else.
    const s = g.open.section;
    const prev = s?.inverted
      ? groups.find((p) => p.open.section && !p.open.section.inverted && p.open.section.name === s.name && text.slice(p.close.end, g.open.start).trim() === "")
      : undefined;
    const joined = prev && groupOf.get(prev.open);
    if (joined) joined.push(...group);
    else {
      groupOf.set(g.open, group);
      branches.push(group);
    }
  }
  placeholders.sort((a, b) => a[0] - b[0]);
  joins.sort((a, b) => a.at - b.at);
  return { engine, text: stringOf(codes), tags, placeholders, branches, problems, joins };
}

/** Lines (0-based) holding literal text outside the tags. */
function linesWithLiteralText(text: string, tags: Tag[]): Set<number> {
  const out = new Set<number>();
  let line = 0;
  let t = 0;
  for (let i = 0; i < text.length; i++) {
    while (t < tags.length && tags[t].end <= i) t++;
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (t < tags.length && tags[t].start <= i) {
      // Inside a tag: count its line breaks.
      continue;
    }
    if (c !== 32 && c !== 9 && c !== 13) out.add(line);
  }
  return out;
}


/** String.fromCharCode takes a bounded number of arguments: the codes in slices. */
function stringOf(codes: Uint16Array): string {
  let s = "";
  for (let i = 0; i < codes.length; i += 8192) s += String.fromCharCode(...codes.subarray(i, i + 8192));
  return s;
}

/** Are offsets a and b in different branches of one conditional (never both rendered)? */
export function exclusive(view: TemplateView, a: number, b: number): boolean {
  for (const group of view.branches) {
    if (group.length < 2) continue;
    const ia = group.findIndex(([s, e]) => a >= s && a < e);
    const ib = group.findIndex(([s, e]) => b >= s && b < e);
    if (ia >= 0 && ib >= 0 && ia !== ib) return true;
  }
  return false;
}

/**
 * Is text at `b` rendered only under a condition (an if branch, a loop body)
 * that text at `a` is not under? Then a fact joining a and b holds for some
 * values only.
 */
export function conditionalTo(view: TemplateView, a: number, b: number): boolean {
  for (const group of view.branches) {
    const ib = group.findIndex(([s, e]) => b >= s && b < e);
    if (ib < 0) continue;
    const ia = group.findIndex(([s, e]) => a >= s && a < e);
    if (ia !== ib) return true;
  }
  return false;
}

/** Does [start, end) touch a tag? */
export function touchesTag(view: TemplateView, start: number, end: number): boolean {
  for (const t of view.tags) if (t.start < Math.max(end, start + 1) && t.end > start) return true;
  return false;
}
