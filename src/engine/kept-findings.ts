/**
 * Findings the editor keeps between lints, and moving them. A kept block's
 * findings, and a kept model object's (Rule.instance, Rule.virtualServer), are copies placed
 * where their block is now: the block moved when lines above it changed.
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

/** A model object the rules' instance() and virtualServer() check: a VRRP instance, a virtual server. */
export interface ModelObject {
  node: ConfigNode;
}

interface Kept {
  /** Where the object's block started when the findings were placed. */
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
      kept.findings = kept.findings.map((d) => shifted(d, at - kept.at));
      kept.at = at;
    }
    return kept.findings;
  }

  /**
   * Keeps the `findings` of `object`, unless one of them reaches outside
   * the object's block (another block moves on its own) or is a rule's
   * failure: those are made again next time.
   */
  set(object: ModelObject, findings: Diagnostic[]): void {
    const { node } = object;
    const inside = (s: Span) => s.file === node.file && s.start >= node.start && s.end <= node.end;
    for (const d of findings) {
      if (d.ruleId === "internal-error" || !inside(d)) return;
      if (d.related?.some((r) => !inside(r.span))) return;
      for (const f of [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])]) if (f.edits.some((e) => !inside(e))) return;
    }
    this.kept.set(object, { at: node.start, findings });
  }
}
