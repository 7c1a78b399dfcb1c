/**
 * A unified diff (as `diff -u` prints it) for --fix-dry-run. Line-based LCS
 * over the region that differs: configs are small and fixes touch few lines,
 * so trimming the common head and tail keeps the table tiny.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return "";
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && same(a[head], b[head])) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && same(a[a.length - 1 - tail], b[b.length - 1 - tail])) tail++;
  const ops = diffMiddle(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  // Whole script: ' ' keep, '-' delete, '+' insert, with the line text.
  const script: Op[] = [...a.slice(0, head).map((l): Op => [" ", l]), ...ops, ...a.slice(a.length - tail).map((l): Op => [" ", l])];
  const out = [`--- ${oldName}`, `+++ ${newName}`];
  let i = 0;
  while (i < script.length) {
    // Find the next change and grow a hunk around it, merging changes closer than 2*context.
    while (i < script.length && script[i][0] === " ") i++;
    if (i >= script.length) break;
    const start = Math.max(0, i - context);
    let end = i;
    let lastChange = i;
    while (end < script.length) {
      if (script[end][0] !== " ") lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(script.length, lastChange + context + 1);
    let oldStart = 1;
    let newStart = 1;
    for (let k = 0; k < start; k++) {
      if (script[k][0] !== "+") oldStart++;
      if (script[k][0] !== "-") newStart++;
    }
    const hunk = script.slice(start, end);
    const oldLen = hunk.filter((s) => s[0] !== "+").length;
    const newLen = hunk.filter((s) => s[0] !== "-").length;
    out.push(`@@ -${range(oldStart, oldLen)} +${range(newStart, newLen)} @@`);
    for (const [op, line] of hunk) {
      out.push(op + line.text);
      if (line.noNewline) out.push("\\ No newline at end of file");
    }
    i = end;
  }
  return out.join("\n") + "\n";
}

type Op = [" " | "-" | "+", Line];

interface Line {
  text: string;
  noNewline: boolean;
}

function splitLines(s: string): Line[] {
  if (s === "") return [];
  const parts = s.split("\n");
  const last = parts.pop() as string;
  const lines = parts.map((text) => ({ text, noNewline: false }));
  if (last !== "") lines.push({ text: last, noNewline: true });
  return lines;
}

const same = (x: Line, y: Line) => x.text === y.text && x.noNewline === y.noNewline;

function diffMiddle(a: Line[], b: Line[]): Op[] {
  // Table of LCS lengths of suffixes.
  const n = a.length;
  const m = b.length;
  const t: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i][j] = same(a[i], b[j]) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
  const out: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && same(a[i], b[j])) {
      out.push([" ", a[i++]]);
      j++;
    } else if (j < m && (i >= n || t[i][j + 1] >= t[i + 1][j])) out.push(["+", b[j++]]);
    else out.push(["-", a[i++]]);
  }
  // diff -u lists deletions before insertions within a change.
  return reorder(out);
}

function reorder(ops: Op[]): Op[] {
  const out: Op[] = [];
  let dels: Op[] = [];
  let ins: Op[] = [];
  const flush = () => {
    out.push(...dels, ...ins);
    dels = [];
    ins = [];
  };
  for (const op of ops) {
    if (op[0] === "-") dels.push(op);
    else if (op[0] === "+") ins.push(op);
    else {
      flush();
      out.push(op);
    }
  }
  flush();
  return out;
}

function range(start: number, len: number): string {
  // diff -u writes an empty range as "start-1,0".
  if (len === 0) return `${start - 1},0`;
  return len === 1 ? `${start}` : `${start},${len}`;
}
