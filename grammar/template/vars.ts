/**
 * `--template-vars`: a template with its simple variables replaced by
 * values, to lint one node's rendering. Only expression tags that name a
 * variable (`{{ vip }}`, `{{ .Node.Priority }}`, `<%= @state %>`,
 * `<%= $state %>`, `${vrid}`, `${VAR:-x}`) whose value is a string, number or
 * boolean are replaced (with the whitespace their trim markers strip); every
 * other tag stays a tag. `spans` maps the
 * rendering's offsets back to the template's, so findings point at the
 * template's own lines.
 */
import type { TemplateEngine } from "./engines.js";
import { scanTags } from "./tags.js";

export interface Rendering {
  text: string;
  /** Each replaced tag (and whitespace stripped beside it): [template start, template end, rendering start, rendering end], in order. */
  spans: [number, number, number, number][];
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

export function substituteVars(text: string, engine: TemplateEngine, vars: Record<string, unknown>): Rendering {
  const spans: Rendering["spans"] = [];
  let out = "";
  let last = 0;
  for (const tag of scanTags(text, engine)) {
    if (tag.kind !== "expr") continue;
    const m = NAME[engine].exec(text.slice(tag.start, tag.end));
    const value = m ? lookup(vars, m[1], engine) : undefined;
    if (value === undefined) continue;
    // Whitespace the tag's trim markers strip is not rendered either (zero-length spans).
    const from = Math.max(last, tag.trimBefore ?? tag.start);
    const to = tag.trimAfter ?? tag.end;
    out += text.slice(last, from);
    if (from < tag.start) spans.push([from, tag.start, out.length, out.length]);
    spans.push([tag.start, tag.end, out.length, out.length + value.length]);
    out += value;
    if (to > tag.end) spans.push([tag.end, to, out.length, out.length]);
    last = to;
  }
  return { text: out + text.slice(last), spans };
}

function lookup(vars: Record<string, unknown>, path: string, engine: TemplateEngine): string | undefined {
  let v: unknown = vars;
  for (const k of path.split(".")) {
    if (v === null || typeof v !== "object" || Array.isArray(v) || !(k in v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  // Jinja2 is Python: a boolean renders True or False.
  if (typeof v === "boolean" && engine === "jinja") return v ? "True" : "False";
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
}

/** The template offset of rendering offset `o`; inside a replaced value, the tag's start (or end, for an end offset). */
export function templateOffset(r: Rendering, o: number, end = false): number {
  let delta = 0;
  for (const [ts, te, rs, re] of r.spans) {
    if (o < rs || (end && o === rs)) break;
    if (o < re || (end && o === re)) return end ? te : ts;
    delta = te - re;
  }
  return o + delta;
}
