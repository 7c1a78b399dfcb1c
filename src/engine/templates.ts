/**
 * Findings on templates: what the rules found on the reader's view of a
 * template (grammar/template/view.ts) minus what only template syntax
 * caused. A finding on a tag (an unknown "keyword" that is a placeholder, a
 * value that is one) is dropped; so is a finding that pairs two places that
 * are never rendered together (a duplicate between the branches of an if).
 * Fixes that would edit a tag, or write a placeholder, are withdrawn: a fix
 * edits only literal text. Messages name a placeholder as the engine writes
 * an expression.
 */
import type { Diagnostic, Fix, Span } from "../../grammar/ast.js";
import type { ParseResult } from "../../grammar/reader.js";
import { SourceFile } from "../../grammar/source.js";
import { conditionalTo, exclusive, hasPlaceholder, PLACEHOLDER_RUN, placeholderSource, templateOffset, templateView, touchesTag, type TemplateView } from "../../grammar/template/index.js";

/**
 * Rules whose finding sits on a name that refers to something (a tracked
 * script): a placeholder there is part of a name, and equal tag texts render
 * equal names, so the finding stands.
 */
const ON_REFERENCES = new Set(["nopreempt-weighted-tracking", "owner-weighted-tracking", "sync-group-weight-ignored"]);

/** Rules that judge a word by its position on the line: after a placeholder (which may render several words or none) the position is unknown. */
const POSITIONAL = new Set(["invalid-value", "missing-argument"]);

function placeholderBefore(view: TemplateView, offset: number): boolean {
  const lineStart = view.text.lastIndexOf("\n", offset - 1) + 1;
  return hasPlaceholder(view.text.slice(lineStart, offset));
}

/** Rules that match names across the configuration: a name holding a placeholder may render as the one sought. */
const BY_NAME = new Set(["undefined-tracked-object", "undefined-sync-group-member", "unused-vrrp-script", "reference-before-definition"]);

/** Does a line's first or second word (a keyword, a defined or referenced name) hold a placeholder? */
function namesHavePlaceholders(view: TemplateView): boolean {
  for (const line of view.text.split("\n")) {
    const words = line.split(/[\s{}]+/).filter(Boolean);
    if (hasPlaceholder(words[0] ?? "") || hasPlaceholder(words[1] ?? "")) return true;
  }
  return false;
}

/** Rules that report something missing from a block: a line that is one placeholder may render it. */
const ABSENCE = new Set(["missing-required", "unicast-without-peers", "ipv6-unicast-without-src-ip"]);

/**
 * Does the block opened on the line at `start` hold a line whose keyword is
 * or holds a placeholder (`{{ settings }}`, a rendered block)? Read off the view: the
 * braces up to the block's end.
 */
function blockHasOpaqueLine(view: TemplateView, start: number): boolean {
  const t = view.text;
  let depth = 0;
  let opened = false;
  let lineStart = true;
  for (let i = start; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 10) lineStart = true;
    else if (c === 32 || c === 9) continue;
    else {
      if (lineStart && opened && hasPlaceholder(firstWord(t, i))) return true;
      lineStart = false;
      if (c === 123) {
        depth++;
        opened = true;
      } else if (c === 125 && --depth === 0 && opened) return false;
    }
  }
  return false;
}

function firstWord(t: string, i: number): string {
  const m = /[^\s{}]*/y;
  m.lastIndex = i;
  return m.exec(t)?.[0] ?? "";
}

export function templateFindings(
  found: Diagnostic[],
  templates: ReadonlyMap<string, TemplateView>,
  lineOf: (file: string, offset: number) => number,
): Diagnostic[] {
  if (templates.size === 0) return found;
  const out: Diagnostic[] = [];
  for (const d of found) {
    const view = templates.get(d.file);
    if (!view || d.ruleId === "template") {
      out.push(d);
      continue;
    }
    if (touchesTag(view, d.start, d.end) && !ON_REFERENCES.has(d.ruleId)) continue;
    if (ABSENCE.has(d.ruleId) && blockHasOpaqueLine(view, d.start)) continue;
    if (BY_NAME.has(d.ruleId) && namesHavePlaceholders(view)) continue;
    if (POSITIONAL.has(d.ruleId) && placeholderBefore(view, d.start)) continue;
    if (d.related?.some((r) => r.span.file === d.file && exclusive(view, d.start, r.span.start))) continue;
    const r = withoutTemplateFixes(d, templates);
    const conditional = d.related?.find((x) => x.span.file === d.file && conditionalTo(view, d.start, x.span.start));
    out.push(conditional ? onlySometimes(r, conditional.span.start, lineOf) : r);
  }
  return out;
}

function withoutTemplateFixes(d: Diagnostic, templates: ReadonlyMap<string, TemplateView>): Diagnostic {
  const safe = (f: Fix) =>
    f.edits.every((e) => {
      const v = templates.get(e.file);
      return !v || (!hasPlaceholder(e.text) && !touchesTag(v, e.start, e.end));
    });
  const r: Diagnostic = { ...d, message: d.message.replace(PLACEHOLDER_RUN, placeholderSource) };
  if (d.hint) r.hint = d.hint.replace(PLACEHOLDER_RUN, placeholderSource);
  if (d.fix && !safe(d.fix)) delete r.fix;
  if (d.suggestions) {
    const kept = d.suggestions.filter(safe);
    if (kept.length) r.suggestions = kept;
    else delete r.suggestions;
  }
  return r;
}

/** A finding that joins a line rendered only under some values: it holds for those values only, so it is information. */
function onlySometimes(d: Diagnostic, other: number, lineOf: (file: string, offset: number) => number): Diagnostic {
  const line = lineOf(d.file, other);
  const { fix: _dropped, ...rest } = d;
  return { ...rest, severity: "info", message: `if the template renders line ${line} here: ${d.message}` };
}

/**
 * --template-vars: findings on a rendering, moved to the template's own
 * offsets (a finding inside a replaced value points at its tag), and the
 * template's own text put back as the file. A fix on a rendering would edit
 * the wrong text: none is kept.
 */
export function fromRenderings(found: Diagnostic[], parsed: ParseResult): Diagnostic[] {
  if (parsed.renderings.size === 0) return found;
  const move = <T extends Span>(s: T): T => {
    const r = parsed.renderings.get(s.file);
    return r ? { ...s, start: templateOffset(r, s.start), end: Math.max(templateOffset(r, s.start), templateOffset(r, s.end, true)) } : s;
  };
  const out = found.map((d) => {
    if (!parsed.renderings.has(d.file) && !d.related?.some((x) => parsed.renderings.has(x.span.file))) return d;
    const { fix: _fix, suggestions: _suggestions, ...rest } = move(d);
    return { ...rest, ...(d.related && { related: d.related.map((x) => ({ ...x, span: move(x.span) })) }) };
  });
  for (const [path, r] of parsed.renderings) parsed.files.set(path, new SourceFile(path, r.original));
  return out;
}

/**
 * --template-vars, after the rules ran: the tree and the model point into
 * the template too, like the findings. A cluster of renderings of one
 * template (one node per vars file) then compares instances whose spans are
 * all the template's, and its findings land on the template's lines. Every
 * object of the tree and the model with a span in a rendering is moved, once
 * (the tree's lazily made words are made first); words keep their rendered
 * text. The template's view loses the tags that
 * were replaced: they are values now, and a finding on one stands.
 */
export function toTemplateOffsets(parsed: ParseResult, model: object): void {
  if (parsed.renderings.size === 0) return;
  const seen = new Set<object>();
  const stack: unknown[] = [parsed.ast, model];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object" || seen.has(v) || ArrayBuffer.isView(v)) continue;
    seen.add(v);
    if (v instanceof Map) {
      for (const x of v.values()) stack.push(x);
      continue;
    }
    if (v instanceof Set || Array.isArray(v)) {
      for (const x of v) stack.push(x);
      continue;
    }
    const o = v as Partial<Span> & Record<string, unknown>;
    const r = typeof o.file === "string" && typeof o.start === "number" && typeof o.end === "number" ? parsed.renderings.get(o.file) : undefined;
    if (r) {
      const start = templateOffset(r, o.start!);
      o.end = Math.max(start, templateOffset(r, o.end!, true));
      o.start = start;
    }
    for (const x of Object.values(o)) if (x !== null && typeof x === "object") stack.push(x);
    // A tree node makes its words, block and children on first access (grammar/tree.ts): made here, and moved.
    if ("children" in o && "keyword" in o) stack.push(o.keyword, o.args, o.block, o.children, o.via);
  }
  for (const [path, r] of parsed.renderings) {
    const view = parsed.templates.get(path);
    if (!view) continue;
    const whole = templateView(r.original, view.engine);
    const replaced = new Set(r.spans.map(([ts, te]) => `${ts}:${te}`));
    // Conditionals the variables decided are no branches any more: one of them is the rendering.
    const decided = new Set(r.decided);
    const decidedEnds = new Set(whole.tags.filter((t) => decided.has(t.start)).map((t) => t.end));
    parsed.templates.set(path, {
      ...whole,
      tags: whole.tags.filter((t) => !replaced.has(`${t.start}:${t.end}`) && !decided.has(t.start)),
      branches: whole.branches.filter((g) => !decidedEnds.has(g[0]?.[0] ?? -1)),
    });
  }
}
