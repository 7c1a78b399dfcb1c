/**
 * --fix: apply safe fixes, lint again, repeat (a fix can uncover or settle
 * other findings), at most MAX_PASSES times, as ESLint does. Only
 * `Diagnostic.fix` is applied, unless `unsafe` (--unsafe-fixes): then a
 * finding without a safe fix gets its first suggestion applied (suggestions
 * change behaviour on purpose). Every byte outside a fix's edits stays as it was.
 */
import { firstEndingAfter, type Diagnostic, type Edit } from "../../grammar/ast.js";
import type { FileAccess } from "../../grammar/files.js";
import { applyEdits } from "../engine/fix.js";
import { secretsOf, type Secret } from "../engine/secrets.js";
import type { LintOptions, LintResult, StagedLint } from "../engine/linter.js";
import { lint, type PassBefore } from "./lint.js";

export const MAX_PASSES = 10;

export interface FixOutcome {
  /** Lint result of the final texts. */
  result: LintResult;
  /** Texts after fixing, by path (every file read; compare with `originals`). */
  texts: Map<string, string>;
  /** Texts before fixing of the files that changed. */
  originals: Map<string, string>;
  /**
   * The edits that turned `originals` into `texts`, for the files one pass
   * changed (sorted, as applied): what a diff of the fixes is built from
   * (a file changed again by a later pass is diffed from its two texts).
   */
  edits: Map<string, Edit[]>;
  /** Secret values of every pass's texts (a diff of the fixes must not show them). */
  secrets: Secret[];
}

/**
 * Lints `root` with `texts` as overrides and, when `fix` is set, applies fixes
 * to files for which `canEdit` holds.
 */
export function lintAndFix(fs: FileAccess, root: string, options: LintOptions, texts: Map<string, string>, fix: boolean, canEdit: (path: string) => boolean, unsafe = false): FixOutcome {
  return fixLoop((t) => lint(fs, [root], options, t), texts, fix, canEdit, unsafe);
}

/**
 * The fix loop over any way of linting: `lintWith` reads the configuration
 * with `texts` over the files (repository mode reads host paths from a
 * checkout this way). `unsafe` also applies suggestions (--unsafe-fixes).
 * `betweenPasses` runs after a pass's result is dropped and before the next
 * lint: the CLI collects garbage there, so that the next lint does not grow
 * the heap on top of the last one's (−30 to −60 MB peak on a 498k-line file).
 */
export function fixLoop(lintWith: LintWith, texts: Map<string, string>, fix: boolean, canEdit: (path: string) => boolean, unsafe = false, betweenPasses: () => void = () => {}): FixOutcome {
  const originals = new Map<string, string>();
  const edits = new Map<string, Edit[]>();
  const secrets: Secret[] = [];
  let before: PassBefore | undefined;
  // Taken once, by the next pass's read: nothing here keeps the last parse alive under the next lint.
  const take = () => {
    const b = before;
    before = undefined;
    return b;
  };
  const keep = (b: PassBefore) => (before = b);
  for (let pass = 0; ; pass++) {
    const result = onePass(lintWith, texts, { originals, edits }, secrets, fix && pass < MAX_PASSES, canEdit, unsafe, take, keep);
    if (result) return { result, texts, originals, edits, secrets };
    betweenPasses();
  }
}

/**
 * How the fix loop lints `texts` (over the files). `before` hands over, once,
 * the pass before's parse and what its fixes changed, for a lint that can
 * patch that parse instead of reading the texts again (lintForFixing).
 */
export type LintWith = (texts: Map<string, string>, before: () => PassBefore | undefined) => LintResult | StagedLint;

/**
 * Lints once and, when `fix`, applies the fixes found: undefined when they
 * changed a text (lint again), else the result, final. A function of its own
 * so that nothing of a pass that changed texts stays on the stack while the
 * next pass lints: the interpreter keeps stale registers (a call's arguments)
 * alive until its frame returns, and on a big file that is the whole first
 * lint (124 MB live on the 498,004-line benchmark) under the second.
 */
function onePass(lintWith: LintWith, texts: Map<string, string>, changes: Changes, secrets: Secret[], fix: boolean, canEdit: (path: string) => boolean, unsafe: boolean, take: () => PassBefore | undefined, keep: (b: PassBefore) => void): LintResult | undefined {
  const lint = lintWith(texts, take);
  const first = "finish" in lint ? lint.first : lint;
  // One push per secret: a spread of a large list (130,000 auth_pass lines) overflows the call stack.
  for (const s of secretsOf(first.ast)) secrets.push(s);
  // A staged lint (lintStaged): its fixable rules' findings choose the pass's edits; the other rules
  // run only when they change nothing, for the result this pass then is.
  const changed = (from: Pick<LintResult, "files" | "fixable">) => {
    const made = applyChosen(from, texts, changes, canEdit, unsafe);
    if (made && "parsed" in lint) keep({ parsed: lint.parsed, changes: made });
    return made !== undefined;
  };
  if ("finish" in lint && fix && changed(first)) return undefined;
  const result = "finish" in lint ? lint.finish() : lint;
  if (!fix) return result;
  return changed(result) ? undefined : result;
}

/** What the passes so far changed: FixOutcome's `originals` and `edits`. */
interface Changes {
  originals: Map<string, string>;
  edits: Map<string, Edit[]>;
}

/**
 * Applies the fixes `result` offers to `texts` (recording first versions and
 * their edits in `changes`); returns each changed file's new text and the
 * edits applied to it, or undefined when nothing changed.
 */
function applyChosen(result: Pick<LintResult, "files" | "fixable">, texts: Map<string, string>, { originals, edits: editsOf }: Changes, canEdit: (path: string) => boolean, unsafe: boolean): PassBefore["changes"] | undefined {
  // Every fixable finding, not only the reported ones (the report keeps at most a capful per file).
  const byFile = chooseEdits(result.fixable, canEdit, unsafe);
  const made: PassBefore["changes"] = new Map();
  for (const [path, edits] of byFile) {
    const before = texts.get(path) ?? result.files.get(path)?.text;
    if (before === undefined) continue;
    const { text: after, applied } = applyEdits(before, edits);
    if (after === before) continue;
    if (!originals.has(path)) {
      originals.set(path, before);
      editsOf.set(path, applied);
    } else editsOf.delete(path);
    texts.set(path, after);
    made.set(path, { text: after, edits: applied });
  }
  return made.size > 0 ? made : undefined;
}

/** Whole fixes whose edits overlap none already taken, grouped by file (a fix is applied entirely or not at all). */
function chooseEdits(diagnostics: readonly Diagnostic[], canEdit: (path: string) => boolean, unsafe: boolean): Map<string, Edit[]> {
  const byFile = new Map<string, TakenEdits>();
  const taken = (file: string) => {
    let t = byFile.get(file);
    if (!t) byFile.set(file, (t = new TakenEdits()));
    return t;
  };
  for (const d of diagnostics) {
    const edits = (d.fix ?? (unsafe ? d.suggestions?.[0] : undefined))?.edits;
    if (!edits || edits.length === 0) continue;
    if (edits.some((e) => !canEdit(e.file) || taken(e.file).overlaps(e))) continue;
    for (const e of edits) taken(e.file).add(e);
  }
  return new Map([...byFile].map(([file, t]) => [file, t.edits]));
}

/**
 * One file's chosen edits, sorted by start then end. Edits taken never
 * overlap, so their ends rise with their starts and one binary search finds
 * the only edit a new one could overlap: thousands of fixes stay linear-ish.
 */
class TakenEdits {
  readonly edits: Edit[] = [];
  private readonly spans = new Set<string>();

  /** Does `e` overlap a taken edit, or replace exactly the same span (two inserts at one point)? */
  overlaps(e: Edit): boolean {
    if (this.spans.has(`${e.start}:${e.end}`)) return true;
    const t = this.edits[firstEndingAfter(this.edits, e.start)];
    return t !== undefined && t.start < e.end && e.start < t.end;
  }

  add(e: Edit): void {
    this.spans.add(`${e.start}:${e.end}`);
    const list = this.edits;
    let at = list.length;
    // Fixes mostly arrive in file order: the common case appends.
    if (at > 0 && (list[at - 1].start > e.start || (list[at - 1].start === e.start && list[at - 1].end > e.end))) {
      at = 0;
      let hi = list.length;
      while (at < hi) {
        const mid = (at + hi) >> 1;
        if (list[mid].start < e.start || (list[mid].start === e.start && list[mid].end <= e.end)) at = mid + 1;
        else hi = mid;
      }
    }
    list.splice(at, 0, e);
  }
}
