/**
 * Findings the editor keeps between lints, and moving them. A kept block's
 * findings, and a kept model object's (Rule.instance, Rule.virtualServer),
 * are the keeper's own copies, moved in place when their block moves (lines
 * above it changed): at 50,000 lines most edits move thousands of findings,
 * and copying them each time cost more than the rest of the edit's placing.
 * So a result's kept findings are valid until the next lint of the same
 * IncrementalLint (the editor only ever reads its latest result).
 */
import type { ConfigNode, Diagnostic, Fix, Span } from "../../grammar/ast.js";

/** A copy of a finding moved `by` characters on: its span, its fixes' and suggestions' edits, its related spans. */
export function shifted(d: Diagnostic, by: number): Diagnostic {
  // An internal error sits at the file's start, wherever the rule failed.
  if (d.ruleId === "internal-error") return d;
  const span = <T extends Span>(s: T): T => ({ ...s, start: s.start + by, end: s.end + by });
  const fix = (f: Fix): Fix => ({ ...f, edits: f.edits.map(span) });
  const out: Diagnostic = { ...d, start: d.start + by, end: d.end + by };
  if (d.fix) out.fix = fix(d.fix);
  if (d.suggestions) out.suggestions = d.suggestions.map(fix);
  if (d.related) out.related = d.related.map((r) => ({ ...r, span: span(r.span) }));
  return out;
}

/** Copies of `findings` that share no span, edit or related list with anything else (so they can be moved in place). */
export function ownCopies(findings: readonly Diagnostic[]): Diagnostic[] {
  return findings.map((d) => shifted(d, 0));
}

/** Moves findings made by ownCopies() `by` characters on, in place. */
export function moveFindings(findings: readonly Diagnostic[], by: number): void {
  if (by === 0) return;
  for (const d of findings) {
    if (d.ruleId === "internal-error") continue;
    d.start += by;
    d.end += by;
    if (d.fix) moveSpans(d.fix.edits, by);
    if (d.suggestions) for (const f of d.suggestions) moveSpans(f.edits, by);
    if (d.related) for (const r of d.related) moveSpan(r.span, by);
  }
}

/** Moves spans owned by their holder `by` characters on, in place. */
export function moveSpans(spans: readonly Span[], by: number): void {
  for (const s of spans) moveSpan(s, by);
}

function moveSpan(s: Span, by: number): void {
  s.start += by;
  s.end += by;
}

/** A model object the rules' instance() and virtualServer() check: a VRRP instance, a virtual server. */
export interface ModelObject {
  node: ConfigNode;
}

interface Kept {
  /** Where the object's block started when the findings were last placed. */
  at: number;
  findings: Diagnostic[];
}

/**
 * The findings of the rules' instance() and virtualServer() checks, by model
 * object. The model gives the same object again only while its block and
 * what the model read for it are unchanged (ModelCache), so an object seen
 * again has the findings it had; they are moved with its block. Objects no
 * longer in the model are dropped with it (weak keys). The rules run are
 * the same from one lint to the next (one editor lint, one set of options).
 */
export class ObjectFindings {
  private kept = new WeakMap<ModelObject, Kept>();

  /** The kept findings of `object`, placed where its block is now; undefined when not kept. */
  get(object: ModelObject): Diagnostic[] | undefined {
    const kept = this.kept.get(object);
    if (!kept) return undefined;
    // Most objects have no findings: nothing to place, and where the block is now is not even asked.
    if (kept.findings.length === 0) return kept.findings;
    const at = object.node.start;
    if (kept.at !== at) {
      moveFindings(kept.findings, at - kept.at);
      kept.at = at;
    }
    return kept.findings;
  }

  /**
   * Keeps copies of the `findings` of `object`, unless one of them reaches
   * outside the object's block (another block moves on its own) or is a
   * rule's failure: those are made again next time.
   */
  set(object: ModelObject, findings: Diagnostic[]): void {
    const { node } = object;
    const inside = (s: Span) => s.file === node.file && s.start >= node.start && s.end <= node.end;
    for (const d of findings) {
      if (d.ruleId === "internal-error" || !inside(d)) return;
      if (d.related?.some((r) => !inside(r.span))) return;
      for (const f of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])]) if (f.edits.some((e) => !inside(e))) return;
    }
    // Copies: a rule's finding may share a span with the tree or with another finding, and kept ones are moved in place.
    this.kept.set(object, { at: node.start, findings: findings.length === 0 ? findings : ownCopies(findings) });
  }
}
