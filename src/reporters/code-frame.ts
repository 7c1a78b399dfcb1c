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
  return codeFrames(source)(line, column, endLine, endColumn);
}

/**
 * Code frames of one file: its line starts are found once, so a report's
 * cost grows with the findings plus the file, not their product (splitting
 * the whole source per finding took minutes on a 500k-line config), or
 * given (`knownStarts`: the reader's line table of the same text).
 */
export function codeFrames(source: string, knownStarts?: ArrayLike<number>): (line: number, column: number, endLine: number, endColumn: number) => string[] {
  let starts: ArrayLike<number> | undefined = knownStarts;
  return (line, column, endLine, endColumn) => {
    starts ??= lineStarts(source);
    if (line < 1 || line > starts.length) return [];
    const lineEnd = line < starts.length ? starts[line] - 1 : source.length;
    return frame(source.slice(starts[line - 1], lineEnd), line, column, endLine, endColumn);
  };
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function frame(raw: string, line: number, column: number, endLine: number, endColumn: number): string[] {
  const text = raw.replace(/\r$/, "");
  const gutter = String(line);
  const start = Math.max(0, Math.min(column - 1, text.length));
  // A span running onto later lines is underlined to the end of its first line.
  const end = endLine === line ? Math.max(start, Math.min(endColumn - 1, text.length)) : text.length;
  const pad = text.slice(0, start).replace(/[^\t]/g, " ");
  const width = Math.max(1, end - start);
  return [`${gutter} | ${text}`, `${" ".repeat(gutter.length)} | ${pad}^${"~".repeat(width - 1)}`];
}
