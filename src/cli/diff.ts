/**
 * A unified diff (as `diff -u` prints it) of two texts, for --fix-dry-run
 * and format --diff when they do not know which lines they changed (else
 * change-diff.ts builds the hunks from the changes alone).
 *
 * Linear in the size of the texts and the number of changes: a full line LCS
 * over everything between the first and last change ran out of memory at
 * 49k lines with fixes at both ends. Instead (patience diff, as git's):
 * common head and tail are trimmed, lines that occur once in each side anchor
 * the two texts together (longest increasing run of anchors), and only the
 * small gaps between anchors get an exact LCS. A gap too large for that and
 * without anchors is shown as deleted then inserted: still a correct patch.
 */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3, lcsCells = LCS_CELLS): string {
  if (oldText === newText) return "";
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const script = new Script();
  diffRange({ a, b, out: script, lcsCells }, 0, a.length, 0, b.length, 0);
  return hunks(script.ops(), a, b, oldName, newName, context);
}

/** Exact LCS only below this many table cells (a typed table of 4 MB); tests lower it to reach the anchored path on small texts. */
const LCS_CELLS = 1 << 20;
/** Deeper than this the gaps are shown as delete-then-insert (no stack growth on adversarial input). */
const MAX_DEPTH = 48;

const KEEP = 0;
const DEL = 1;
const INS = 2;

/** The edit script, one op per line: a kind and the line's index in its side (old for keep/delete, new for insert). */
class Script {
  // Typed and grown by doubling: a reformatted large file is a million ops.
  private kinds = new Uint8Array(1024);
  private lines = new Int32Array(1024);
  private count = 0;
  add(kind: number, line: number): void {
    if (this.count === this.kinds.length) {
      const kinds = new Uint8Array(this.count * 2);
      kinds.set(this.kinds);
      this.kinds = kinds;
      const lines = new Int32Array(this.count * 2);
      lines.set(this.lines);
      this.lines = lines;
    }
    this.kinds[this.count] = kind;
    this.lines[this.count++] = line;
  }
  /** Ops with deletions before insertions within each run of changes, as diff -u lists them. */
  ops(): Ops {
    const n = this.count;
    const from = this.kinds;
    const fromLines = this.lines;
    const kinds = new Uint8Array(n);
    const lines = new Int32Array(n);
    let out = 0;
    // A run of changes is copied deletions first, then its insertions (no closure: this runs per line).
    let i = 0;
    while (i < n) {
      if (from[i] === KEEP) {
        kinds[out] = KEEP;
        lines[out++] = fromLines[i++];
        continue;
      }
      let end = i;
      while (end < n && from[end] !== KEEP) end++;
      for (let k = i; k < end; k++) {
        if (from[k] !== DEL) continue;
        kinds[out] = DEL;
        lines[out++] = fromLines[k];
      }
      for (let k = i; k < end; k++) {
        if (from[k] !== INS) continue;
        kinds[out] = INS;
        lines[out++] = fromLines[k];
      }
      i = end;
    }
    return { kinds, lines, length: n };
  }
}

interface Ops {
  kinds: Uint8Array;
  lines: Int32Array;
  length: number;
}

/**
 * Lines as comparison keys: the text, with "\n" appended to a last line that
 * has no line break (no line's text contains "\n", so the keys stay distinct).
 */
function splitLines(s: string): string[] {
  if (s === "") return [];
  const parts = s.split("\n");
  const last = parts.pop() as string;
  if (last !== "") parts.push(last + "\n");
  return parts;
}

interface Job {
  a: string[];
  b: string[];
  out: Script;
  lcsCells: number;
}

function diffRange(job: Job, aLo: number, aHi: number, bLo: number, bHi: number, depth: number): void {
  const { a, b, out } = job;
  while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) out.add(KEEP, (bLo++, aLo++));
  let tail = 0;
  while (aHi - tail > aLo && bHi - tail > bLo && a[aHi - 1 - tail] === b[bHi - 1 - tail]) tail++;
  aHi -= tail;
  bHi -= tail;
  const n = aHi - aLo;
  const m = bHi - bLo;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) <= job.lcsCells) lcs(a, aLo, aHi, b, bLo, bHi, out);
  else if (depth >= MAX_DEPTH || !anchored(job, aLo, aHi, bLo, bHi, depth)) replaceAll(aLo, aHi, bLo, bHi, out);
  for (let k = 0; k < tail; k++) out.add(KEEP, aHi + k);
}

function replaceAll(aLo: number, aHi: number, bLo: number, bHi: number, out: Script): void {
  for (let i = aLo; i < aHi; i++) out.add(DEL, i);
  for (let j = bLo; j < bHi; j++) out.add(INS, j);
}

/** Splits the range at lines unique to each side; false when there are none to split at. */
function anchored(job: Job, aLo: number, aHi: number, bLo: number, bHi: number, depth: number): boolean {
  const { a, b, out } = job;
  // For each distinct line text (numbered by first sight in a): how often in a, how often in b, and
  // where in b. Counts in typed arrays rather than an object per text: a reformatted file has half a
  // million distinct lines.
  const ids = new Map<string, number>();
  const idOfA = new Int32Array(aHi - aLo);
  for (let i = aLo; i < aHi; i++) {
    let id = ids.get(a[i]);
    if (id === undefined) ids.set(a[i], (id = ids.size));
    idOfA[i - aLo] = id;
  }
  const inA = new Int32Array(ids.size);
  const inB = new Int32Array(ids.size);
  const atB = new Int32Array(ids.size);
  for (let k = 0; k < idOfA.length; k++) inA[idOfA[k]]++;
  for (let j = bLo; j < bHi; j++) {
    const id = ids.get(b[j]);
    if (id !== undefined) {
      inB[id]++;
      atB[id] = j;
    }
  }
  // Unique pairs in a's order; then the longest run of them increasing in b (patience sorting).
  const pairsA: number[] = [];
  const pairsB: number[] = [];
  for (let i = aLo; i < aHi; i++) {
    const id = idOfA[i - aLo];
    if (inA[id] === 1 && inB[id] === 1) {
      pairsA.push(i);
      pairsB.push(atB[id]);
    }
  }
  if (pairsA.length === 0) return false;
  const chain = longestIncreasing(pairsB);
  let i = aLo;
  let j = bLo;
  for (const p of chain) {
    diffRange(job, i, pairsA[p], j, pairsB[p], depth + 1);
    out.add(KEEP, pairsA[p]);
    i = pairsA[p] + 1;
    j = pairsB[p] + 1;
  }
  diffRange(job, i, aHi, j, bHi, depth + 1);
  return true;
}

/** Indices of a longest strictly increasing subsequence of `xs` (O(k log k)). */
function longestIncreasing(xs: number[]): number[] {
  const tops: number[] = []; // index in xs of the smallest tail of each run length
  const prev = new Int32Array(xs.length);
  for (let k = 0; k < xs.length; k++) {
    let lo = 0;
    let hi = tops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[tops[mid]] < xs[k]) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tops[lo - 1] : -1;
    tops[lo] = k;
  }
  const chain: number[] = new Array(tops.length);
  for (let k = tops[tops.length - 1], at = tops.length - 1; at >= 0; k = prev[k], at--) chain[at] = k;
  return chain;
}

/** Exact line LCS of a small range (the caller bounds its table). */
function lcs(a: string[], aLo: number, aHi: number, b: string[], bLo: number, bHi: number, out: Script): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const w = m + 1;
  // t[i*w + j]: LCS length of a[aLo+i..aHi) and b[bLo+j..bHi).
  const t = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * w + j] = a[aLo + i] === b[bLo + j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[aLo + i] === b[bLo + j]) {
      out.add(KEEP, aLo + i);
      i++;
      j++;
    } else if (j < m && (i >= n || t[i * w + j + 1] >= t[(i + 1) * w + j])) out.add(INS, bLo + j++);
    else out.add(DEL, aLo + i++);
  }
}

/** The hunks: each run of changes with `context` lines around it, runs closer than 2×context merged. */
function hunks(script: Ops, a: string[], b: string[], oldName: string, newName: string, context: number): string {
  const { kinds: all, lines } = script;
  const kinds = all.subarray(0, script.length);
  const out = new Pieces();
  out.add(`--- ${oldName}\n+++ ${newName}\n`);
  const push = (prefix: string, key: string) => {
    out.add(prefix);
    if (key.endsWith("\n")) out.add(`${key.slice(0, -1)}\n${NO_NEWLINE}\n`);
    else out.add(`${key}\n`);
  };
  // Lines of each side before script position `at`, kept up to date as the walk moves forward.
  let oldBefore = 0;
  let newBefore = 0;
  let counted = 0;
  const countTo = (at: number) => {
    for (; counted < at; counted++) {
      if (kinds[counted] !== INS) oldBefore++;
      if (kinds[counted] !== DEL) newBefore++;
    }
  };
  let i = 0;
  while (i < kinds.length) {
    while (i < kinds.length && kinds[i] === KEEP) i++;
    if (i >= kinds.length) break;
    const start = Math.max(0, i - context);
    let lastChange = i;
    let end = i;
    while (end < kinds.length) {
      if (kinds[end] !== KEEP) lastChange = end;
      else if (end - lastChange > 2 * context) break;
      end++;
    }
    end = Math.min(kinds.length, lastChange + context + 1);
    countTo(start);
    let oldLen = 0;
    let newLen = 0;
    for (let k = start; k < end; k++) {
      if (kinds[k] !== INS) oldLen++;
      if (kinds[k] !== DEL) newLen++;
    }
    out.add(`@@ -${hunkRange(oldBefore + 1, oldLen)} +${hunkRange(newBefore + 1, newLen)} @@\n`);
    for (let k = start; k < end; k++) {
      const kind = kinds[k];
      push(kind === KEEP ? " " : kind === DEL ? "-" : "+", kind === INS ? b[lines[k]] : a[lines[k]]);
    }
    i = end;
  }
  return out.text();
}

/** A side's range in a hunk header: start and length, as diff -u writes them. */
export function hunkRange(start: number, len: number): string {
  // diff -u writes an empty range as "start-1,0".
  if (len === 0) return `${start - 1},0`;
  return len === 1 ? `${start}` : `${start},${len}`;
}

/** What diff -u writes after a line that has no line break (the file's last). */
export const NO_NEWLINE = "\\ No newline at end of file";

/**
 * Text made of many small pieces, joined into flat chunks every few
 * thousand (a piece per line kept to the end would make the garbage
 * collector's old generation the bulk of the work).
 */
export class Pieces {
  private parts: string[] = [];
  private readonly chunks: string[] = [];

  add(s: string): void {
    this.parts.push(s);
    if (this.parts.length >= 8192) this.compact();
  }

  addAll(other: Pieces): void {
    other.compact();
    this.compact();
    for (const c of other.chunks) this.chunks.push(c);
  }

  text(): string {
    return this.flatChunks().join("");
  }

  /** The text as its flat chunks, in order (a large diff is written chunk by chunk, never joined whole). */
  flatChunks(): string[] {
    this.compact();
    return this.chunks;
  }

  private compact(): void {
    if (this.parts.length === 0) return;
    this.chunks.push(this.parts.join(""));
    this.parts = [];
  }
}
