/**
 * Deterministic mutants of real configurations, one change each, of the kinds
 * keepalived reports while parsing: a misspelled keyword, an out-of-range or
 * non-numeric number, a wrong-case enum, a dropped argument, a stray or missing
 * brace. Written to a temp dir; returns the main files.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { writeTree } from "../oracle/tempdir.js";
import { createRng } from "../oracle/mutants.js";

interface Mutation {
  name: string;
  /** Changes one line; undefined when it does not apply to this line. */
  apply(line: string): string | undefined;
}

const KEYWORD_LINE = /^(\s*)([a-z_]+)(\s+)(\S.*)?$/;

export const MUTATIONS: readonly Mutation[] = [
  { name: "misspell", apply: (l) => { const m = KEYWORD_LINE.exec(l); return m && m[2]!.length > 5 ? `${m[1]}${m[2]!.slice(0, -1)}x${l.slice(m[1]!.length + m[2]!.length)}` : undefined; } },
  { name: "swap-letters", apply: (l) => { const m = KEYWORD_LINE.exec(l); return m && m[2]!.length > 6 ? `${m[1]}${m[2]![1]}${m[2]![0]}${l.slice(m[1]!.length + 2)}` : undefined; } },
  { name: "upper-case", apply: (l) => { const m = KEYWORD_LINE.exec(l); return m && m[4] ? `${m[1]}${m[2]!.toUpperCase()}${l.slice(m[1]!.length + m[2]!.length)}` : undefined; } },
  { name: "big-number", apply: (l) => (/^\s*[a-z_]+\s+\d+\s*$/.test(l) ? l.replace(/\d+\s*$/, "99999999999") : undefined) },
  { name: "not-a-number", apply: (l) => (/^\s*[a-z_]+\s+\d+\s*$/.test(l) ? l.replace(/\d+\s*$/, "12abc") : undefined) },
  { name: "hex-number", apply: (l) => (/^\s*[a-z_]+\s+\d+\s*$/.test(l) ? l.replace(/(\d+)\s*$/, "0x$1") : undefined) },
  { name: "negative", apply: (l) => (/^\s*[a-z_]+\s+\d+\s*$/.test(l) ? l.replace(/(\d+)\s*$/, "-$1") : undefined) },
  { name: "lower-enum", apply: (l) => (/^\s*[a-z_]+\s+[A-Z][A-Z_]+\s*$/.test(l) ? l.replace(/([A-Z][A-Z_]+)\s*$/, (s) => s.toLowerCase()) : undefined) },
  { name: "drop-argument", apply: (l) => { const m = KEYWORD_LINE.exec(l); return m && m[4] && !/[{}]/.test(m[4]) ? `${m[1]}${m[2]}` : undefined; } },
  { name: "extra-close", apply: (l) => (/^\s*}\s*$/.test(l) ? `${l}\n}` : undefined) },
  { name: "drop-open", apply: (l) => (/^\s*[a-z_]+.*\{\s*$/.test(l) ? l.replace(/\{\s*$/, "") : undefined) },
  { name: "drop-close", apply: (l) => (/^\s*}\s*$/.test(l) ? "" : undefined) },
  { name: "bad-address", apply: (l) => (/^\s*\d+\.\d+\.\d+\.\d+(\/\d+)?(\s|$)/.test(l) ? l.replace(/(\d+\.\d+\.\d+\.)\d+/, "$1300") : undefined) },
  { name: "prefix-33", apply: (l) => (/^\s*\d+\.\d+\.\d+\.\d+\/\d+/.test(l) ? l.replace(/\/\d+/, "/33") : undefined) },
  { name: "unterminated-quote", apply: (l) => (/"[^"]*"/.test(l) ? l.replace(/"([^"]*)"/, '"$1') : undefined) },
];


/** Up to `perMutation` mutants per (source, mutation), at pseudo-randomly chosen lines. */
export function mutants(sources: readonly string[], perMutation = 1, seed = 2207): { name: string; text: string }[] {
  const rnd = createRng(seed);
  const out: { name: string; text: string }[] = [];
  for (const src of sources) {
    const lines = fs.readFileSync(src, "utf8").split("\n");
    for (const mut of MUTATIONS) {
      const candidates = lines.map((l, i) => (l.trim().startsWith("#") || l.trim().startsWith("!") ? undefined : mut.apply(l) !== undefined ? i : undefined)).filter((i): i is number => i !== undefined);
      for (let k = 0; k < perMutation && candidates.length > 0; k++) {
        const i = candidates.splice(Math.floor(rnd() * candidates.length), 1)[0]!;
        const copy = [...lines];
        copy[i] = mut.apply(copy[i]!)!;
        out.push({ name: `${path.basename(src)}.${mut.name}.${i + 1}.conf`, text: copy.join("\n") });
      }
    }
  }
  return out;
}

export function writeMutants(sources: readonly string[], perMutation = 2): string[] {
  const list = mutants(sources, perMutation);
  const dir = writeTree(Object.fromEntries(list.map((m) => [m.name, m.text])));
  return list.map((m) => path.join(dir, m.name));
}
