/**
 * Formatting for editors: the formatter's output as one edit over the whole
 * document (or the formatter's range edits), nothing when already formatted.
 */
import type { Range, TextEdit } from "vscode-languageserver-types";
import { format, formatRange, type FormatOptions } from "../formatter/index.js";
import { offsetAt, rangeOf, sourceOf } from "./text.js";

/** Editor options (tabSize/insertSpaces) unless the project config fixes the indent. */
export function formatOptionsOf(editor: { tabSize?: number; insertSpaces?: boolean }, project?: { indent?: number | "tab" }): FormatOptions {
  if (project?.indent !== undefined) return { indent: project.indent };
  if (editor.insertSpaces === false) return { indent: "tab" };
  return editor.tabSize !== undefined && editor.tabSize > 0 ? { indent: editor.tabSize } : {};
}

export function formatDocument(text: string, options: FormatOptions = {}): TextEdit[] {
  const out = format(text, options);
  if (out === text) return [];
  const f = sourceOf(text);
  return [{ range: rangeOf(f, 0, text.length), newText: out }];
}

export function formatDocumentRange(text: string, range: Range, options: FormatOptions = {}): TextEdit[] {
  const f = sourceOf(text);
  return formatRange(text, { start: offsetAt(f, range.start), end: offsetAt(f, range.end) }, options).map((e) => ({
    range: rangeOf(f, e.start, e.end),
    newText: e.text,
  }));
}
