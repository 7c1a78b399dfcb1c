/**
 * Fixes are text edits on the bytes the user wrote. Helpers here refuse to
 * edit text that came from a $DEFINITION or loop (it is not where it appears),
 * and the applier drops overlapping edits and applies the rest in one pass.
 */
import type { BehaviourArea, ConfigNode, Edit, Fix, Word } from "../../grammar/ast.js";
import type { SourceFile } from "../../grammar/source.js";

/** Replaces a word's text (keeping quotes if it was quoted); undefined when the word is synthetic. */
export function replaceWord(w: Word, text: string): Edit | undefined {
  if (w.synthetic) return undefined;
  return { file: w.file, start: w.start, end: w.end, text: w.quoted ? `"${text}"` : text };
}

/** Removes a whole line (with its line break) holding `node`, when nothing else shares that line. */
export function removeLine(node: ConfigNode, file: SourceFile | undefined): Edit | undefined {
  if (!file || node.keyword.synthetic || node.args.some((a) => a.synthetic) || node.block) return undefined;
  const text = file.text;
  const lineStart = text.lastIndexOf("\n", node.start - 1) + 1;
  let lineEnd = text.indexOf("\n", node.end);
  lineEnd = lineEnd < 0 ? text.length : lineEnd + 1;
  const before = text.slice(lineStart, node.start);
  const after = text.slice(node.end, lineEnd);
  if (before.trim() !== "" || !/^[ \t]*(?:[#!].*)?\r?\n?$/.test(after)) return undefined;
  return { file: node.file, start: lineStart, end: lineEnd, text: "" };
}

/** Removes the words [from, to] of a node's line including the blanks before them. */
export function removeWords(node: ConfigNode, from: number, to: number, file: SourceFile | undefined): Edit | undefined {
  const words = [node.keyword, ...node.args];
  const first = words[from];
  const last = words[to];
  if (!file || !first || !last || words.slice(from, to + 1).some((w) => w.synthetic) || first.file !== last.file) return undefined;
  let start = first.start;
  while (start > 0 && (file.text[start - 1] === " " || file.text[start - 1] === "\t")) start--;
  return { file: first.file, start, end: last.end, text: "" };
}

/** A fix from edits, or undefined when any edit could not be made. */
export function fixOf(description: string, ...edits: (Edit | undefined)[]): Fix | undefined {
  if (edits.length === 0 || edits.some((e) => e === undefined)) return undefined;
  return { description, edits: edits as Edit[] };
}

/** A safe fix that repairs what the finding names, in the areas given (on the finding's object only). */
export function fixChanging(changes: BehaviourArea[], description: string, ...edits: (Edit | undefined)[]): Fix | undefined {
  const fix = fixOf(description, ...edits);
  return fix && { ...fix, changes };
}

/** A suggestion: changes behaviour on purpose; `consequence` says how, before the user picks it. */
export function suggestionOf(changes: BehaviourArea[], consequence: string, description: string, ...edits: (Edit | undefined)[]): Fix | undefined {
  const fix = fixOf(description, ...edits);
  return fix && { ...fix, changes, consequence };
}

/** Inserts text right after a word (e.g. " weight 0" after a tracker's name); undefined when the word is synthetic. */
export function appendAfter(w: Word, text: string): Edit | undefined {
  if (w.synthetic) return undefined;
  return { file: w.file, start: w.end, end: w.end, text };
}

/**
 * Applies edits to one file's text: sorted, overlapping ones dropped
 * (returned in `skipped`), the rest applied in one pass over the text.
 */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; applied: Edit[]; skipped: Edit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: Edit[] = [];
  const skipped: Edit[] = [];
  let lastEnd = -1;
  for (const e of sorted) {
    if (e.start < lastEnd || e.start < 0 || e.end > text.length || e.end < e.start) {
      skipped.push(e);
      continue;
    }
    applied.push(e);
    lastEnd = Math.max(e.end, e.start + (e.start === e.end ? 1 : 0));
  }
  // Pieces in order, joined once: re-slicing the whole text per edit made thousands of fixes quadratic.
  const pieces: string[] = [];
  let at = 0;
  for (const e of applied) {
    pieces.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  pieces.push(text.slice(at));
  return { text: pieces.join(""), applied, skipped };
}
