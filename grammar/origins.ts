/**
 * Where each character of a rewritten line (after `$NAME` substitution) came
 * from, kept as runs rather than one entry per character: run k covers the
 * text from at[k] up to at[k + 1] (the last one to the end). src[k] >= 0 is the
 * file offset of the run's first character, the others following on; src[k] < 0
 * names a synthetic record (the inserted text of one reference), the same for
 * every character of the run.
 *
 * Runs because a line can take up to a thousand substitutions: with a
 * per-character table each one copied the whole line, and a fuzzed input of a
 * few hundred lines spent seconds there (issue 24). A substitution now costs
 * the number of runs, which is at most twice the substitutions made so far.
 */
export class Origins {
  private constructor(
    private readonly at: number[],
    private readonly src: number[],
    readonly length: number,
  ) {}

  /** Text read as written: character i is at file offset base + i. */
  static plain(base: number, length: number): Origins {
    return length > 0 ? new Origins([0], [base], length) : new Origins([], [], 0);
  }

  /** Text that wholly stands for one synthetic record (id < 0). */
  static synthetic(id: number, length: number): Origins {
    return length > 0 ? new Origins([0], [id], length) : new Origins([], [], 0);
  }

  /** The origin of character i: a file offset (>= 0) or a synthetic id (< 0); undefined for an empty text. */
  get(i: number): number | undefined {
    if (this.at.length === 0) return undefined;
    const k = this.runOf(Math.min(Math.max(i, 0), this.length - 1));
    const s = this.src[k];
    return s >= 0 ? s + (i - this.at[k]) : s;
  }

  /** Calls visit once per run piece inside [a, b): its origin for position `from` and the piece [from, to). */
  forEachRun(a: number, b: number, visit: (src: number, from: number, to: number) => void) {
    if (a >= b || this.at.length === 0) return;
    for (let k = this.runOf(a); k < this.at.length && this.at[k] < b; k++) {
      const from = Math.max(a, this.at[k]);
      const to = Math.min(b, this.end(k));
      if (from >= to) continue;
      const s = this.src[k];
      visit(s >= 0 ? s + (from - this.at[k]) : s, from, to);
    }
  }

  /** The origins of text [a, b), renumbered from 0. */
  slice(a: number, b: number): Origins {
    a = Math.max(0, a);
    b = Math.min(this.length, b);
    const at: number[] = [];
    const src: number[] = [];
    this.forEachRun(a, b, (s, from) => {
      at.push(from - a);
      src.push(s);
    });
    return new Origins(at, src, Math.max(0, b - a));
  }

  /** These origins with text [from, to) replaced by `length` characters of synthetic record `id`. */
  replace(from: number, to: number, length: number, id: number): Origins {
    const at: number[] = [];
    const src: number[] = [];
    this.forEachRun(0, from, (s, a) => {
      at.push(a);
      src.push(s);
    });
    if (length > 0) {
      at.push(from);
      src.push(id);
    }
    const shift = from + length - to;
    this.forEachRun(to, this.length, (s, a) => {
      at.push(a + shift);
      src.push(s);
    });
    return new Origins(at, src, this.length + shift);
  }

  /** The run holding character i (0 <= i < length). */
  private runOf(i: number): number {
    let lo = 0;
    let hi = this.at.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private end(k: number): number {
    return k + 1 < this.at.length ? this.at[k + 1] : this.length;
  }
}
