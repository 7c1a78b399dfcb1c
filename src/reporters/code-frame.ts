/**
 * The offending line with a caret under the reported text:
 *
 *   21 |   nopreempt
 *      |   ^~~~~~~~~
 *
 * Tabs before the caret are kept as tabs so the caret lines up however the
 * terminal expands them.
 */
export function codeFrame(source: string, line: number, column: number, endLine: number, endColumn: number): string[] {
  const lines = source.split("\n");
  const raw = lines[line - 1];
  if (raw === undefined) return [];
  const text = raw.replace(/\r$/, "");
  const gutter = String(line);
  const start = Math.max(0, Math.min(column - 1, text.length));
  // A span running onto later lines is underlined to the end of its first line.
  const end = endLine === line ? Math.max(start, Math.min(endColumn - 1, text.length)) : text.length;
  const pad = text.slice(0, start).replace(/[^\t]/g, " ");
  const width = Math.max(1, end - start);
  return [`${gutter} | ${text}`, `${" ".repeat(gutter.length)} | ${pad}^${"~".repeat(width - 1)}`];
}
