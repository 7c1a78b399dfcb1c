/**
 * Range formatting: the whole file is laid out (indentation depends on
 * everything above), then only the input lines touching the range are
 * replaced. A `{` that moves up ties its line to the keyword line, so both are
 * always replaced together.
 */
import { lineIndexAt } from "../../grammar/source.js";
import { layout, type FormatOptions } from "./layout.js";
import { LineOutput } from "./output.js";

/** Offsets into the text, end exclusive. */
export interface FormatRange {
  start: number;
  end: number;
}

export interface FormatEdit {
  start: number;
  end: number;
  text: string;
}

/** Edits (at most one) that format the lines touching `range`. */
export function formatRange(text: string, range: FormatRange, options: FormatOptions = {}): FormatEdit[] {
  // Templates are formatted whole or not at all (template.ts): no range edits that might cut a tag.
  if (options.template) return [];
  try {
    const { lineStarts: starts, lineEnds, out, mergedInto } = layout(text, options, new LineOutput(text), true);
    if (starts.length === 0) return [];
    const start = Math.max(0, Math.min(range.start, text.length));
    const end = Math.max(start, Math.min(range.end, text.length));
    let first = lineIndexAt(starts, start);
    let last = lineIndexAt(starts, Math.max(start, end - 1));
    // widen over moved braces until stable
    for (let changed = true; changed; ) {
      changed = false;
      for (const [from, onto] of mergedInto) {
        const touches = (from >= first && from <= last) || (onto >= first && onto <= last);
        if (touches && (onto < first || from > last)) {
          first = Math.min(first, onto);
          last = Math.max(last, from);
          changed = true;
        }
      }
    }
    let replacement = "";
    for (let k = 0; k < out.length; k++) {
      if (out.src[k] >= first && out.src[k] <= last) replacement += out.parts[2 * k] + out.parts[2 * k + 1];
    }
    const from = starts[first];
    const to = lineEnds[last];
    return minimal(text, from, to, replacement);
  } catch {
    return [];
  }
}

/** The edit without the unchanged head and tail (editors keep cursors and undo steps small). */
function minimal(text: string, from: number, to: number, replacement: string): FormatEdit[] {
  const original = text.slice(from, to);
  if (original === replacement) return [];
  let head = 0;
  const max = Math.min(original.length, replacement.length);
  while (head < max && original[head] === replacement[head]) head++;
  let tail = 0;
  while (tail < max - head && original[original.length - 1 - tail] === replacement[replacement.length - 1 - tail]) tail++;
  return [{ start: from + head, end: to - tail, text: replacement.slice(head, replacement.length - tail) }];
}
