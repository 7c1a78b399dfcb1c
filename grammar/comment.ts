/**
 * The comment of one physical line, as keepalived finds it: the first `#` or
 * `!` outside double quotes (mid-word too). The plain-line scanner answers for
 * most lines; a line it refuses (backslashes, `$`, …) is lexed, so a caller
 * that only wants comments — suppression directives — loads chevrotain only for
 * such lines.
 */
import { lex, tokenTypes } from "./lexer.js";
import { charCodes, PlainLineScanner } from "./plain-line.js";

const scanner = new PlainLineScanner();

/** The comment [start, end) of the physical line that starts at `lineStart` (end before any "\r\n"), or undefined. */
export function commentOfLine(text: string, lineStart: number): { start: number; end: number } | undefined {
  // Only this line is scanned, so only its codes are made (offsets below are the line's).
  const nl = text.indexOf("\n", lineStart);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl + 1);
  scanner.scan(charCodes(line), 0);
  const lineEnd = lineStart + scanner.lineEnd;
  if (scanner.plain) {
    if (scanner.commentAt < 0) return undefined;
    const commentAt = lineStart + scanner.commentAt;
    // A "\r" ending the text is a line end, as for the lexer (which keeps only a "\r" followed by text).
    const end = lineEnd === text.length && text.charCodeAt(text.length - 1) === 13 ? text.length - 1 : lineEnd;
    return { start: commentAt, end: Math.max(end, commentAt + 1) };
  }
  const comment = lex(text.slice(lineStart, lineEnd)).tokens.find((t) => t.tokenType === tokenTypes().Comment);
  if (!comment) return undefined;
  const start = lineStart + comment.startOffset;
  return { start, end: start + comment.image.length };
}
