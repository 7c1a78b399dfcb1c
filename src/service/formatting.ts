/**
 * Formatting for editors: the formatter's output as one edit over the whole
 * document (or the formatter's range edits), nothing when already formatted.
 */
import type { Range, TextEdit } from "vscode-languageserver-types";
import { format, formatRange, type FormatOptions } from "../formatter/index.js";
import { offsetAt, rangeOf, sourceOf } from "./text.js";

/**
 * The indent for editor formatting: the project's settings (`"format"` in
 * .keepalived-lint.json), else what the user set for this server, else the
 * formatter's default (4 spaces). The editor's own tabSize/insertSpaces are
 * not used: they come with every request whatever the user chose, and
 * following them would give a layout that `keepalived-lint format --check`
 * rejects.
 */
export function formatOptionsOf(project?: { indent?: number | "tab" }, user?: { indent?: number | "tab" }): FormatOptions {
  if (project?.indent !== undefined) return { indent: project.indent };
  if (user?.indent !== undefined) return { indent: user.indent };
  return {};
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
