/**
 * "did you mean" for every name a user types: rule ids (settings, --rule,
 * explain, suppression comments) and keywords (unknown-keyword).
 */

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), capped: returns max+1 once above `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      row[j] = v;
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return Math.min(prev[b.length], max + 1);
}

/**
 * The candidates closest to `name` (case-insensitive; at most a third of the
 * name's length away, and at most 3), best first; a candidate that contains
 * the name (first) or contains it or is contained in it counts too (`nopreempt` →
 * the nopreempt-* rules).
 */
export function closestNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const max = Math.min(3, Math.max(1, Math.floor(lower.length / 3)));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const cl = c.toLowerCase();
    const d = editDistance(lower, cl, max);
    if (d <= max) scored.push([c, d]);
    else if (lower.length >= 4 && cl.startsWith(lower)) scored.push([c, max + 1]);
    else if (lower.length >= 4 && (cl.includes(lower) || lower.includes(cl))) scored.push([c, max + 2]);
  }
  return scored.sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1)).slice(0, limit).map(([c]) => c);
}

/** `; did you mean "a"?` / `; did you mean "a" or "b"?`, or "" when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const close = closestNames(name, candidates);
  if (close.length === 0) return "";
  const quoted = close.map((c) => `"${c}"`);
  return `; did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`}?`;
}
