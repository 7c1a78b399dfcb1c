/**
 * LSP positions (0-based line, UTF-16 character) ↔ offsets. Offsets in the
 * AST are JS string indices, which are UTF-16 units as well, so only line
 * starts are needed.
 */
import type { Position, Range } from "vscode-languageserver-types";
import { SourceFile } from "../../grammar/source.js";

export function positionAt(file: SourceFile, offset: number): Position {
  const o = Math.max(0, Math.min(offset, file.text.length));
  const line = file.lineOf(o);
  return { line: line - 1, character: o - file.lineStarts[line - 1] };
}

export function offsetAt(file: SourceFile, pos: Position): number {
  return file.offset(pos.line + 1, pos.character + 1);
}

export function rangeOf(file: SourceFile, start: number, end: number): Range {
  const from = positionAt(file, start);
  // Most ranges end on the line they start on: no second search then.
  const starts = file.lineStarts;
  const to = Math.max(0, Math.min(Math.max(start, end), file.text.length));
  const nextLine = from.line + 1 < starts.length ? starts[from.line + 1] : file.text.length + 1;
  return { start: from, end: to < nextLine ? { line: from.line, character: to - starts[from.line] } : positionAt(file, to) };
}

/** A SourceFile for a plain text (features that only need one buffer). */
export function sourceOf(text: string, path = "/untitled.conf"): SourceFile {
  return new SourceFile(path, text);
}
