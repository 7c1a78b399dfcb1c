/**
 * Seeded, line-based mutations of a keepalived configuration for differential
 * tests: each mutant breaks one line in one typical way and says where. No
 * parser is involved on purpose, so the mutants do not inherit our reader's
 * view of the file; the analysis below only counts braces and splits words.
 */

export type MutantKind =
  | "misspell-keyword"
  | "wrong-block"
  | "out-of-range"
  | "malformed-number"
  | "bad-boolean"
  | "remove-argument"
  | "stray-close-brace"
  | "stray-open-brace"
  | "unclosed-quote";

export const MUTANT_KINDS: readonly MutantKind[] = [
  "misspell-keyword",
  "wrong-block",
  "out-of-range",
  "malformed-number",
  "bad-boolean",
  "remove-argument",
  "stray-close-brace",
  "stray-open-brace",
  "unclosed-quote",
];

export interface Mutant {
  kind: MutantKind;
  /** 1-based line of the changed or inserted line in the mutated text. */
  line: number;
  /** 1-based line the change came from in the original text (differs for moves and insertions). */
  originalLine: number;
  /** The original line, or null when a line was inserted. */
  before: string | null;
  /** The line as it is in the mutated text. */
  after: string;
  description: string;
  /** The whole mutated configuration. */
  text: string;
}

export interface MutantOptions {
  seed?: number;
  /** How many mutants to try to produce; fewer come back when the text offers fewer sites. */
  count?: number;
  kinds?: readonly MutantKind[];
  /**
   * Tells whether a word is a real keyword, so a misspelling that happens to
   * spell another keyword can be rejected (pass the schema's lookup).
   */
  isKeyword?: (word: string) => boolean;
}

/** mulberry32: small, fast and the same on every platform. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pickOne = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

interface Word {
  text: string;
  start: number;
  end: number;
}

interface LineInfo {
  index: number;
  raw: string;
  words: Word[];
  opens: number;
  closes: number;
  /** Index of the line that opened the enclosing block, or -1 at root level. */
  parent: number;
}

/** Words of the code part of a line (quotes kept), stopping at a comment. */
function splitWords(line: string): Word[] {
  const words: Word[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length || line[i] === "#" || line[i] === "!") break;
    const start = i;
    if (line[i] === '"') {
      const close = line.indexOf('"', i + 1);
      i = close < 0 ? line.length : close + 1;
    } else {
      while (i < line.length && !/\s/.test(line[i])) i++;
    }
    words.push({ text: line.slice(start, i), start, end: i });
  }
  return words;
}

function analyse(lines: readonly string[]): LineInfo[] {
  const stack: number[] = [];
  return lines.map((raw, index) => {
    const words = splitWords(raw);
    const opens = words.filter((w) => w.text === "{" || (w.text.endsWith("{") && !w.text.startsWith('"'))).length;
    const closes = words.filter((w) => w.text === "}").length;
    const info: LineInfo = { index, raw, words, opens, closes, parent: stack.at(-1) ?? -1 };
    for (let k = 0; k < opens; k++) stack.push(index);
    for (let k = 0; k < closes; k++) stack.pop();
    return info;
  });
}

const KEYWORD = /^[A-Za-z][A-Za-z0-9_]*$/;
const INTEGER = /^-?\d+$/;
const BOOLEAN = /^(on|off|true|false|yes|no)$/i;

const isKeywordLine = (l: LineInfo) => l.words.length > 0 && KEYWORD.test(l.words[0].text) && !/^include/.test(l.words[0].text);
const isLeaf = (l: LineInfo) => isKeywordLine(l) && l.opens === 0 && l.closes === 0;

function replaceWord(line: string, w: Word, text: string): string {
  return line.slice(0, w.start) + text + line.slice(w.end);
}

function indentOf(line: string): string {
  return /^\s*/.exec(line)?.[0] ?? "";
}

interface Site {
  lines: string[];
  line: number; // 0-based in the mutated lines
  originalLine: number; // 0-based in the original lines
  before: string | null;
  description: string;
}

function misspell(word: string, rng: Rng): string {
  const ops = [
    () => {
      const i = Math.floor(rng() * (word.length - 1));
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    },
    () => {
      const i = Math.floor(rng() * word.length);
      return word.slice(0, i) + word.slice(i + 1);
    },
    () => {
      const i = Math.floor(rng() * word.length);
      return word.slice(0, i + 1) + word[i] + word.slice(i + 1);
    },
    () => {
      const i = 1 + Math.floor(rng() * (word.length - 1));
      const c = word[i] === "e" ? "a" : "e";
      return word.slice(0, i) + c + word.slice(i + 1);
    },
  ];
  return pickOne(rng, ops)();
}

type Mutator = (lines: string[], info: LineInfo[], rng: Rng, opts: MutantOptions) => Site | null;

function replaceLine(lines: string[], i: number, after: string, description: string): Site {
  const out = lines.slice();
  out[i] = after;
  return { lines: out, line: i, originalLine: i, before: lines[i], description };
}

function insertLine(lines: string[], afterIndex: number, text: string, description: string): Site {
  const out = lines.slice();
  out.splice(afterIndex + 1, 0, text);
  return { lines: out, line: afterIndex + 1, originalLine: afterIndex + 1, before: null, description };
}

/** Lines with a numeric argument after the keyword, with that argument. */
function numericSites(info: LineInfo[]): Array<[LineInfo, Word]> {
  const out: Array<[LineInfo, Word]> = [];
  for (const l of info.filter(isLeaf)) for (const w of l.words.slice(1)) if (INTEGER.test(w.text)) out.push([l, w]);
  return out;
}

const MUTATORS: Record<MutantKind, Mutator> = {
  "misspell-keyword": (lines, info, rng, opts) => {
    const sites = info.filter((l) => isKeywordLine(l) && l.words[0].text.length >= 3);
    if (sites.length === 0) return null;
    const l = pickOne(rng, sites);
    const word = l.words[0];
    for (let attempt = 0; attempt < 20; attempt++) {
      const wrong = misspell(word.text, rng);
      if (wrong === word.text || !KEYWORD.test(wrong) || opts.isKeyword?.(wrong)) continue;
      return replaceLine(lines, l.index, replaceWord(l.raw, word, wrong), `misspelled '${word.text}' as '${wrong}'`);
    }
    return null;
  },

  "wrong-block": (lines, info, rng) => {
    const sources = info.filter((l) => isLeaf(l) && l.parent >= 0);
    const openers = info.filter((l) => l.opens > 0 && isKeywordLine(l));
    for (let attempt = 0; attempt < 20 && sources.length > 0; attempt++) {
      const src = pickOne(rng, sources);
      const parentName = info[src.parent].words[0]?.text;
      const targets = openers.filter((o) => o.index !== src.parent && o.words[0].text !== parentName);
      if (targets.length === 0) return null;
      const target = pickOne(rng, targets);
      const out = lines.slice();
      out.splice(src.index, 1);
      const insertAt = target.index < src.index ? target.index + 1 : target.index; // target shifted by the removal
      const moved = indentOf(lines[target.index]) + "    " + src.raw.trimStart();
      out.splice(insertAt, 0, moved);
      return {
        lines: out,
        line: insertAt,
        originalLine: src.index,
        before: src.raw,
        description: `moved '${src.words[0].text}' from '${parentName}' (line ${src.index + 1}) into '${target.words[0].text}' (line ${target.index + 1})`,
      };
    }
    return null;
  },

  "out-of-range": (lines, info, rng) => {
    const sites = numericSites(info);
    if (sites.length === 0) return null;
    const [l, w] = pickOne(rng, sites);
    // beyond every 32-bit range keepalived reads numbers into
    const value = pickOne(rng, ["4294967296", "99999999999", "-99999999999"]);
    return replaceLine(lines, l.index, replaceWord(l.raw, w, value), `'${l.words[0].text}' ${w.text} -> ${value}`);
  },

  "malformed-number": (lines, info, rng) => {
    const sites = numericSites(info);
    if (sites.length === 0) return null;
    const [l, w] = pickOne(rng, sites);
    const n = w.text.replace(/^-/, "");
    const value = pickOne(rng, [`${n}x`, `0x${n}`, `${n}.5.5`, `${n},0`]);
    return replaceLine(lines, l.index, replaceWord(l.raw, w, value), `'${l.words[0].text}' ${w.text} -> ${value}`);
  },

  "bad-boolean": (lines, info, rng) => {
    const sites: Array<[LineInfo, Word]> = [];
    for (const l of info.filter(isLeaf)) for (const w of l.words.slice(1)) if (BOOLEAN.test(w.text)) sites.push([l, w]);
    if (sites.length === 0) return null;
    const [l, w] = pickOne(rng, sites);
    const value = pickOne(rng, /^(on|true|yes)$/i.test(w.text) ? ["1", "enabled"] : ["0", "disabled"]);
    return replaceLine(lines, l.index, replaceWord(l.raw, w, value), `'${l.words[0].text}' ${w.text} -> ${value}`);
  },

  "remove-argument": (lines, info, rng) => {
    const sites = info.filter((l) => isLeaf(l) && l.words.length >= 2);
    if (sites.length === 0) return null;
    const l = pickOne(rng, sites);
    const after = l.raw.slice(0, l.words[0].end) + l.raw.slice(l.words.at(-1)!.end);
    return replaceLine(lines, l.index, after, `removed the arguments of '${l.words[0].text}'`);
  },

  "stray-close-brace": (lines, info, rng) => {
    if (lines.length === 0) return null;
    const i = Math.floor(rng() * lines.length);
    return insertLine(lines, i, indentOf(lines[i]) + "}", `stray '}' after line ${i + 1}`);
  },

  "stray-open-brace": (lines, info, rng) => {
    const sites = info.filter(isLeaf);
    if (sites.length === 0) return null;
    const l = pickOne(rng, sites);
    return insertLine(lines, l.index, indentOf(l.raw) + "{", `stray '{' after '${l.words[0].text}'`);
  },

  "unclosed-quote": (lines, info, rng) => {
    const sites = info.filter((l) => isLeaf(l) && l.words.length >= 2);
    if (sites.length === 0) return null;
    const l = pickOne(rng, sites);
    const w = l.words.at(-1)!;
    const quoted = w.text.length >= 2 && w.text.startsWith('"') && w.text.endsWith('"');
    const value = quoted ? w.text.slice(0, -1) : `"${w.text}`;
    return replaceLine(lines, l.index, replaceWord(l.raw, w, value), `unclosed quote in '${l.words[0].text}'`);
  },
};

/** One mutant of the given kind, or null when the text has no place for it. */
export function mutate(text: string, kind: MutantKind, seed: number, opts: MutantOptions = {}): Mutant | null {
  const lines = text.split("\n");
  const site = MUTATORS[kind](lines, analyse(lines), createRng(seed), opts);
  if (!site) return null;
  return {
    kind,
    line: site.line + 1,
    originalLine: site.originalLine + 1,
    before: site.before,
    after: site.lines[site.line],
    description: site.description,
    text: site.lines.join("\n"),
  };
}

/**
 * Up to `count` distinct mutants, cycling through the kinds; the same text and
 * options always give the same list.
 */
export function generateMutants(text: string, opts: MutantOptions = {}): Mutant[] {
  const kinds = opts.kinds ?? MUTANT_KINDS;
  const count = opts.count ?? kinds.length;
  const rng = createRng(opts.seed ?? 1);
  const seen = new Set<string>();
  const out: Mutant[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 4; attempt++) {
    const kind = kinds[attempt % kinds.length];
    const m = mutate(text, kind, Math.floor(rng() * 2 ** 32), opts);
    if (!m || m.text === text || seen.has(m.text)) continue;
    seen.add(m.text);
    out.push(m);
  }
  return out;
}
