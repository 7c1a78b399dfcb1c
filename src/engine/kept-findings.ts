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

/**
 * A chunk's findings made by ownCopies(), placed at `from`, now placed at
 * `to`. The first time (from 0, where they were made) they are copied, so
 * that the findings of all chunks placed in one lint lie together in memory:
 * made with each chunk's tree, they lie scattered among its objects, and a
 * lint's passes over 2,000 findings then cost a cache miss each
 * (finishFindings ~1 ms more per edit). After that they are moved in place.
 */
export function placeFindings(findings: Diagnostic[], from: number, to: number): Diagnostic[] {
  if (from === to) return findings;
  if (from === 0) return findings.map((d) => shifted(d, to));
  moveFindings(findings, to - from);
  return findings;
}

/** placeFindings() for spans a chunk owns (its secrets). */
export function placeSpans<T extends Span>(spans: T[], from: number, to: number): T[] {
  if (from === to) return spans;
  if (from === 0) return spans.map((s) => ({ ...s, start: s.start + to, end: s.end + to }));
  moveSpans(spans, to - from);
  return spans;
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

/**
 * The last lint's findings of the rules run on the whole file again (the
 * across-blocks rules, the file-scoped ones): a new finding that says what
 * one of them said (the same rule, file and words, its places perhaps moved
 * by the edit) is that object, moved to the new finding's places. The editor
 * converts and encodes a finding once while it is the same object and its
 * lines stay (src/service/diagnostics.ts, src/lsp/diagnostics-encoder.ts); at
 * 50,000 lines duplicate-vrid alone makes ~500 findings per edit, nearly all
 * as before, most of them after the edit.
 */
export class SameFindings {
  /** Last time's findings, in the order the rules made them. */
  private last: Diagnostic[] = [];

  /** `found` with each finding that says what one of last time's said replaced by that one, moved to its places. */
  stable(found: readonly Diagnostic[]): Diagnostic[] {
    const last = this.last;
    const used = new Uint8Array(last.length);
    // Rules report in the order of the file, so most findings are the next of last time's: looked for
    // first. Only when that one says something else are the others looked up, by message.
    let j = 0;
    let byMessage: Map<string, number[]> | undefined;
    const out = new Array<Diagnostic>(found.length);
    for (let i = 0; i < found.length; i++) {
      const d = found[i];
      while (j < last.length && used[j] === 1) j++;
      let k = -1;
      if (j < last.length && last[j].message === d.message && saysTheSame(last[j], d)) k = j;
      else {
        byMessage ??= indexByMessage(last);
        const candidates = byMessage.get(d.message);
        if (candidates) for (const c of candidates) if (used[c] === 0 && saysTheSame(last[c], d)) {
          k = c;
          break;
        }
      }
      let same: Diagnostic;
      if (k >= 0) {
        used[k] = 1;
        same = last[k];
        adoptPlaces(same, d);
      } else {
        // A copy of its own (a rule's finding may share a span with the tree): it is moved in place later.
        same = shifted(d, 0);
      }
      out[i] = same;
    }
    this.last = out;
    return out;
  }
}

function indexByMessage(findings: readonly Diagnostic[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 0; i < findings.length; i++) {
    const list = out.get(findings[i].message);
    if (list) list.push(i);
    else out.set(findings[i].message, [i]);
  }
  return out;
}

/** Do two findings of the same message say the same, apart from where (their spans' offsets, which adoptPlaces() copies)? */
function saysTheSame(a: Diagnostic, b: Diagnostic): boolean {
  if (a.ruleId !== b.ruleId || a.file !== b.file || a.severity !== b.severity || a.hint !== b.hint || a.refusedByKeepalived !== b.refusedByKeepalived) return false;
  if (a.ruleId === "internal-error" || a.via !== undefined || b.via !== undefined) return false;
  if (!sameList(a.related, b.related, (x, y) => x.message === y.message && sameFile(x.span, y.span))) return false;
  if (!sameList(a.fix && [a.fix], b.fix && [b.fix], sameFix)) return false;
  return sameList(a.suggestions, b.suggestions, sameFix);
}

function sameFix(a: Fix, b: Fix): boolean {
  if (a.description !== b.description || a.consequence !== b.consequence || !sameList(a.changes, b.changes, (x, y) => x === y)) return false;
  return sameList(a.edits, b.edits, (x, y) => x.text === y.text && sameFile(x, y));
}

/** Spans in the same file (their offsets are adopted). */
function sameFile(a: Span, b: Span): boolean {
  return a.file === b.file;
}

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
  return true;
}

/** Gives `to` (the keeper's own) the places of `from`, which says the same (saysTheSame). */
function adoptPlaces(to: Diagnostic, from: Diagnostic): void {
  to.start = from.start;
  to.end = from.end;
  if (to.related) for (let i = 0; i < to.related.length; i++) adoptSpan(to.related[i].span, from.related![i].span);
  if (to.fix) adoptEdits(to.fix, from.fix!);
  if (to.suggestions) for (let i = 0; i < to.suggestions.length; i++) adoptEdits(to.suggestions[i], from.suggestions![i]);
}

function adoptEdits(to: Fix, from: Fix): void {
  for (let i = 0; i < to.edits.length; i++) adoptSpan(to.edits[i], from.edits[i]);
}

function adoptSpan(to: Span, from: Span): void {
  to.start = from.start;
  to.end = from.end;
}
