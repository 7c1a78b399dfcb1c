/**
 * `--template-vars`: a template with its simple variables replaced by
 * values, to lint one node's rendering. Only expression tags that name a
 * variable (`{{ vip }}`, `{{ .Node.Priority }}`, `<%= @state %>`,
 * `<%= $state %>`, `${vrid}`, `${VAR:-x}`) whose value is a string, number or
 * boolean are replaced (with the whitespace their trim markers strip), and
 * conditionals on such a variable (`{% if nopreempt %}`, `{% if not x %}`,
 * `{% if state == 'MASTER' %}`, `{{ if .X }}`, `<% if @x -%>`, `{{#x}}`, …)
 * render the branch the value takes; every other tag stays a tag. `spans` maps the
 * rendering's offsets back to the template's, so findings point at the
 * template's own lines.
 */
import type { TemplateEngine } from "./engines.js";
import { scanTags, type Tag } from "./tags.js";

export interface Rendering {
  text: string;
  /** Each replaced tag (and whitespace stripped beside it): [template start, template end, rendering start, rendering end], in order. */
  spans: [number, number, number, number][];
  /**
   * Conditionals decided by the variables (`{% if nopreempt %}` with `nopreempt: false`): the template
   * offsets of their open, else and end tags. Only the branch taken is rendered.
   */
  decided: number[];
}

const NAME: Record<TemplateEngine, RegExp> = {
  jinja: /^\{\{[-+]?\s*([A-Za-z_][\w.]*)\s*[-+]?\}\}$/,
  mustache: /^\{\{\{?\s*([A-Za-z_][\w.]*)\s*\}?\}\}$/,
  go: /^\{\{-?\s*\.([A-Za-z_][\w.]*)\s*-?\}\}$/,
  erb: /^<%=\s*@?([A-Za-z_]\w*)\s*-?%>$/,
  epp: /^<%=\s*\$([A-Za-z_]\w*)\s*-?%>$/,
  terraform: /^\$\{~?\s*([A-Za-z_][\w.]*)\s*~?\}$/,
  envsubst: /^\$\{([A-Za-z_]\w*)(?::?-[^}]*)?\}$/,
};

/** A piece of the template the rendering replaces: [start, end) by `value`; a tag's own range inside it, if a tag's value. */
interface Edit {
  start: number;
  end: number;
  value: string;
  tag?: [number, number];
}

export function substituteVars(text: string, engine: TemplateEngine, vars: Record<string, unknown>): Rendering {
  const tags = scanTags(text, engine);
  const edits: Edit[] = [];
  const decided: number[] = [];
  for (const tag of tags) {
    // A comment renders nothing, and neither does the whitespace its markers strip.
    if (tag.kind === "comment" && !tag.unclosed) edits.push(removal(tag));
    if (tag.kind !== "expr") continue;
    const m = NAME[engine].exec(text.slice(tag.start, tag.end));
    const value = m ? lookup(vars, m[1], engine) : undefined;
    // Whitespace the tag's trim markers strip is not rendered either.
    if (value !== undefined) edits.push({ start: tag.trimBefore ?? tag.start, end: tag.trimAfter ?? tag.end, value, tag: [tag.start, tag.end] });
  }
  for (const g of conditionals(tags)) {
    const taken = branchTaken(text, engine, g, vars);
    if (taken === undefined) continue;
    const bounds = [g.open, ...g.elses, g.close];
    decided.push(...bounds.map((t) => t.start));
    // Every boundary tag goes; so does every branch but the one taken (from its tag to the next).
    for (let k = 0; k + 1 < bounds.length; k++) {
      const [a, b] = [bounds[k], bounds[k + 1]];
      if (k === taken) edits.push(removal(a));
      else edits.push({ start: a.trimBefore ?? a.start, end: b.start, value: "" });
    }
    edits.push(removal(g.close));
  }
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: Rendering["spans"] = [];
  let out = "";
  let last = 0;
  for (const e of edits) {
    // Inside what an earlier edit removed (a branch not taken), or overlapping its stripped whitespace.
    if (e.end <= last || (e.tag && e.tag[0] < last)) continue;
    const from = Math.max(last, e.start);
    out += text.slice(last, from);
    if (e.tag) {
      if (from < e.tag[0]) spans.push([from, e.tag[0], out.length, out.length]);
      spans.push([e.tag[0], e.tag[1], out.length, out.length + e.value.length]);
      out += e.value;
      if (e.end > e.tag[1]) spans.push([e.tag[1], e.end, out.length, out.length]);
    } else spans.push([from, e.end, out.length, out.length]);
    last = e.end;
  }
  return { text: out + text.slice(last), spans, decided };
}

function removal(t: Tag): Edit {
  return { start: t.trimBefore ?? t.start, end: t.trimAfter ?? t.end, value: "" };
}

interface Conditional {
  open: Tag;
  elses: Tag[];
  close: Tag;
}

/** Every open … else … end group of the template, paired as the view pairs them (loops too: branchTaken reads conditions only). */
function conditionals(tags: Tag[]): Conditional[] {
  const stack: Conditional[] = [];
  const out: Conditional[] = [];
  for (const tag of tags) {
    if (tag.kind === "open") stack.push({ open: tag, elses: [], close: tag });
    else if (tag.kind === "else") stack.at(-1)?.elses.push(tag);
    else if (tag.kind === "close") {
      const g = stack.pop();
      if (g) out.push({ ...g, close: tag });
    }
  }
  return out;
}

/**
 * The branch a conditional renders with these variables (0: the first; `elses.length`: past the last else,
 * i.e. none when there is no else), or undefined when its condition is not one this reads: a variable, its
 * negation, or its comparison with a literal, whose value is known. Loops, `elif` chains and anything else
 * stay templates (both branches read).
 */
function branchTaken(text: string, engine: TemplateEngine, g: Conditional, vars: Record<string, unknown>): number | undefined {
  if (g.elses.length > 1 || g.open.definition) return undefined;
  if (g.elses.length === 1 && !isPlainElse(text.slice(g.elses[0].start, g.elses[0].end), engine)) return undefined;
  const c = conditionOf(text.slice(g.open.start, g.open.end), engine, g.open);
  if (!c) return undefined;
  const value = valueAt(vars, c.name);
  if (value === undefined) return undefined;
  let truth: boolean;
  if (c.equals !== undefined) {
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return undefined;
    truth = String(value) === c.equals;
  } else {
    const t = truthy(value, engine);
    if (t === undefined) return undefined;
    truth = t;
  }
  if (c.negate) truth = !truth;
  return truth ? 0 : 1;
}

function isPlainElse(tag: string, engine: TemplateEngine): boolean {
  const inner = tag.replace(/^(?:\{[{%]|<%|%\{)[-+~]?/, "").replace(/[-+~]?(?:[%}]\}|%>|\})$/, "").trim();
  return engine === "epp" ? /^\}\s*else\s*\{$/.test(inner) : engine === "mustache" ? false : inner === "else";
}

interface Condition {
  name: string;
  negate: boolean;
  equals?: string;
}

const LITERAL = String.raw`(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?|true|false|True|False))`;

/** A condition this reads, per engine: `if x`, `if not x`, `if x == 'v'` (and the engine's spellings). */
function conditionOf(tag: string, engine: TemplateEngine, open: Tag): Condition | undefined {
  const inner = tag.replace(/^(?:\{[{%]|<%|%\{)[-+~]?/, "").replace(/[-+~]?(?:[%}]\}|%>|\})$/, "").trim();
  const lit = (m: RegExpExecArray, i: number) => m[i] ?? m[i + 1] ?? literalOf(m[i + 2]);
  let m: RegExpExecArray | null;
  switch (engine) {
    case "jinja":
      if ((m = new RegExp(String.raw`^if\s+(not\s+)?([A-Za-z_][\w.]*)$`).exec(inner))) return { name: m[2], negate: !!m[1] };
      if ((m = new RegExp(String.raw`^if\s+([A-Za-z_][\w.]*)\s*(==|!=)\s*${LITERAL}$`).exec(inner))) return { name: m[1], negate: m[2] === "!=", equals: lit(m, 3) };
      return undefined;
    case "go":
      if ((m = /^if\s+(not\s+)?\.([A-Za-z_][\w.]*)$/.exec(inner))) return { name: m[2], negate: !!m[1] };
      if ((m = new RegExp(String.raw`^if\s+(eq|ne)\s+\.([A-Za-z_][\w.]*)\s+${LITERAL.replace("'([^']*)'", "`([^`]*)`")}$`).exec(inner))) return { name: m[2], negate: m[1] === "ne", equals: lit(m, 3) };
      return undefined;
    case "erb":
      if ((m = /^(if|unless)\s+@?([A-Za-z_]\w*)$/.exec(inner))) return { name: m[2], negate: m[1] === "unless" };
      if ((m = new RegExp(String.raw`^if\s+@?([A-Za-z_]\w*)\s*(==|!=)\s*${LITERAL}$`).exec(inner))) return { name: m[1], negate: m[2] === "!=", equals: lit(m, 3) };
      return undefined;
    case "epp":
      if ((m = /^(if|unless)\s+\$([A-Za-z_]\w*)\s*\{$/.exec(inner))) return { name: m[2], negate: m[1] === "unless" };
      if ((m = new RegExp(String.raw`^if\s+\$([A-Za-z_]\w*)\s*(==|!=)\s*${LITERAL}\s*\{$`).exec(inner))) return { name: m[1], negate: m[2] === "!=", equals: lit(m, 3) };
      return undefined;
    case "terraform":
      if ((m = /^if\s+(!)?\s*([A-Za-z_][\w.]*)$/.exec(inner))) return { name: m[2], negate: !!m[1] };
      if ((m = new RegExp(String.raw`^if\s+([A-Za-z_][\w.]*)\s*(==|!=)\s*${LITERAL}$`).exec(inner))) return { name: m[1], negate: m[2] === "!=", equals: lit(m, 3) };
      return undefined;
    case "mustache":
      return open.section ? { name: open.section.name, negate: open.section.inverted } : undefined;
    case "envsubst":
      return undefined;
  }
}

function literalOf(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  return s === "True" ? "true" : s === "False" ? "false" : s;
}

/**
 * Is the value true to the engine? Python (Jinja2): empty strings, zero, empty lists and mappings are false;
 * Go: the same (zero values); Ruby and Puppet: only nil/undef and false; Terraform: booleans only; Mustache:
 * false and empty lists (a list is a loop: not read here).
 */
function truthy(v: unknown, engine: TemplateEngine): boolean | undefined {
  if (v === null) return engine === "terraform" ? undefined : false;
  switch (engine) {
    case "jinja":
    case "go":
      if (Array.isArray(v)) return v.length > 0;
      if (typeof v === "object") return Object.keys(v as object).length > 0;
      return Boolean(v);
    case "erb":
    case "epp":
      return v !== false;
    case "terraform":
      return typeof v === "boolean" ? v : undefined;
    case "mustache":
      return Array.isArray(v) || typeof v === "object" ? undefined : Boolean(v);
    case "envsubst":
      return undefined;
  }
}

function valueAt(vars: Record<string, unknown>, path: string): unknown {
  let v: unknown = vars;
  for (const k of path.split(".")) {
    if (v === null || typeof v !== "object" || Array.isArray(v) || !(k in v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

function lookup(vars: Record<string, unknown>, path: string, engine: TemplateEngine): string | undefined {
  const v = valueAt(vars, path);
  // Jinja2 is Python: a boolean renders True or False.
  if (typeof v === "boolean" && engine === "jinja") return v ? "True" : "False";
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
}

/**
 * The template offset of rendering offset `o`; inside a replaced value, the tag's start (or end, for an end offset).
 * The spans are in order and do not overlap: the last one starting at or before `o` (before, for an end offset)
 * decides, found by binary search (a lint of a large rendering asks for every span of its tree).
 */
export function templateOffset(r: Rendering, o: number, end = false): number {
  const spans = r.spans;
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const rs = spans[mid][2];
    if (end ? rs < o : rs <= o) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return o;
  const [ts, te, , re] = spans[lo - 1];
  if (end ? o <= re : o < re) return end ? te : ts;
  return o + te - re;
}
