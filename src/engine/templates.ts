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
import type { Diagnostic, Fix } from "../../grammar/ast.js";
import { conditionalTo, exclusive, hasPlaceholder, PLACEHOLDER_RUN, placeholderSource, touchesTag, type TemplateView } from "../../grammar/template/index.js";

/**
 * Rules whose finding sits on a name that refers to something (a tracked
 * script): a placeholder there is part of a name, and equal tag texts render
 * equal names, so the finding stands.
 */
const ON_REFERENCES = new Set(["nopreempt-weighted-tracking", "owner-weighted-tracking", "sync-group-weight-ignored"]);

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
