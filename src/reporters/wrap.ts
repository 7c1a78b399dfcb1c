/**
 * Word wrapping for the terminal formats. Widths count code points (the
 * messages are ASCII but for quoted values); a word longer than the width is
 * cut, so no line ever runs past it and the terminal never wraps it for us
 * (which would put the text after it in the middle of the next line).
 * The first line may have less room than the rest (something follows it).
 */
export function wrap(text: string, width: number, firstWidth = width): string[] {
  const limitOf = (n: number) => Math.max(1, n === 0 ? firstWidth : width);
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    let rest = Array.from(word);
    const room = line === "" ? limitOf(lines.length) : limitOf(lines.length) - length(line) - 1;
    if (rest.length <= room) {
      line = line === "" ? word : `${line} ${word}`;
      continue;
    }
    if (line !== "") lines.push(line);
    while (rest.length > limitOf(lines.length)) {
      const limit = limitOf(lines.length);
      lines.push(rest.slice(0, limit).join(""));
      rest = rest.slice(limit);
    }
    line = rest.join("");
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/** Display length in code points. */
export function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** `text` padded with spaces to `width` code points. */
export function padTo(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - length(text)));
}
