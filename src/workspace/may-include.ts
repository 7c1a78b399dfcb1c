/**
 * Which of a tree's configurations may read a file, told from their text
 * alone. Finding a fragment's owners reads every candidate's configuration
 * (includes, definitions, loops: a full expansion each); in a checkout with
 * hundreds of configs, some of them huge or generated, that cost every lint of
 * one small file seconds to minutes. A candidate whose include lines cannot
 * name the file, directly or through another candidate, need not be read.
 *
 * The test only ever keeps too much: an include pattern the text cannot tell
 * (it uses a definition, a sequence, quotes or a continued line) keeps its
 * file, and an absolute pattern is compared by its last segment only (repository
 * mode maps host directories into the checkout).
 */
import { basename, dirname, isAbsolute, resolve } from "../../grammar/paths.js";
import { globToRegExp, hasGlobChars } from "./glob-match.js";

/** An include keyword at a word start, and the rest of its line. */
const INCLUDE_LINE = /(?<![\w$])include[rmwba]?(?=[ \t]|$)([^\n]*)/gm;
/** What makes a pattern depend on more than its text: definitions, sequences, conditionals, quoting, continuation. */
const UNTELLABLE = /[$~@"'\\`]/;

/**
 * The include patterns a text names, or `undefined` when one of them cannot
 * be told from the text (then the file must be read to know what it includes).
 */
export function includePatterns(text: string): string[] | undefined {
  if (!text.includes("include")) return [];
  const patterns: string[] = [];
  for (const m of text.matchAll(INCLUDE_LINE)) {
    // A comment after the pattern: keepalived reads the line without it.
    const rest = m[1].replace(/\s[#!].*$/, "").trim();
    if (rest === "" || UNTELLABLE.test(rest)) return undefined;
    patterns.push(rest);
    // The first word too, should a closing brace or another word follow it on the line.
    const first = rest.split(/\s+/)[0];
    if (first !== rest) patterns.push(first);
  }
  return patterns;
}

/** A pattern, written in `from`, as a test of the paths it may name. */
function matcherOf(pattern: string, from: string): (target: string) => boolean {
  const segment = globToRegExp(basename(pattern));
  if (isAbsolute(pattern)) return (t) => segment.test(basename(t));
  const full = resolve(dirname(from), pattern);
  const dir = dirname(full);
  if (hasGlobChars(dir)) {
    const whole = globToRegExp(full);
    return (t) => whole.test(t);
  }
  return (t) => dirname(t) === dir && segment.test(basename(t));
}

/**
 * The candidates that may read `path`, directly or through other candidates
 * (a superset of its owners and of every candidate between them).
 * `patternsOf` tells a candidate's include patterns from its text; a candidate
 * whose patterns cannot be told is read (`reads`: the files its configuration
 * reads) and kept only when it reads `path` or a kept candidate.
 */
export function mayRead(
  path: string,
  candidates: readonly string[],
  patternsOf: (candidate: string) => string[] | undefined,
  reads: (candidate: string) => ReadonlySet<string>,
): string[] {
  const kept = new Set<string>();
  const pending: { file: string; names: ((target: string) => boolean)[] }[] = [];
  const unknown: string[] = [];
  for (const c of candidates) {
    if (c === path) continue;
    const patterns = patternsOf(c);
    if (patterns === undefined) unknown.push(c);
    else if (patterns.length > 0) pending.push({ file: c, names: patterns.map((p) => matcherOf(p, c)) });
  }
  const read = new Map<string, ReadonlySet<string>>();
  const readsOf = (u: string) => {
    let files = read.get(u);
    if (!files) read.set(u, (files = reads(u)));
    return files;
  };
  const queue: string[] = [path];
  const targets = new Set(queue);
  let done = 0;
  for (;;) {
    // Each newly kept file is a target once: whoever may name it is kept in turn.
    for (; done < queue.length; done++) {
      const target = queue[done];
      for (const p of pending) {
        if (kept.has(p.file) || !p.names.some((names) => names(target))) continue;
        kept.add(p.file);
        queue.push(p.file);
        targets.add(p.file);
      }
    }
    const reader = unknown.find((u) => !kept.has(u) && [...readsOf(u)].some((f) => f !== u && targets.has(f)));
    if (reader === undefined) break;
    kept.add(reader);
    queue.push(reader);
    targets.add(reader);
  }
  return candidates.filter((c) => kept.has(c));
}
