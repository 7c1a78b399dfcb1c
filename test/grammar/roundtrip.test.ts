// The lossless tree gives back every byte; no input throws; every position lies in its file.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ConfigNode } from "../../grammar/ast.js";
import { buildCst, printCst } from "../../grammar/cst.js";
import { parseText } from "../../grammar/reader.js";

const CORPUS = resolve(__dirname, "../../../shared/corpus/keepalived-devel-tools");
const SAMPLES = "/usr/share/doc/keepalived/samples";

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...filesUnder(p));
    else if (st.isFile() && !/LICENSE|README/.test(name)) out.push(p);
  }
  return out.sort();
}

/** Words whose span does not lie inside their file (collected, so one expect covers a whole file). */
function badPositions(text: string, path: string, nodes: ConfigNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    for (const w of [n.keyword, ...n.args]) {
      if (w.file === path && !(w.start >= 0 && w.start <= w.end && w.end <= text.length)) out.push(`${w.text}@${w.start}-${w.end}`);
    }
    badPositions(text, path, n.children, out);
  }
  return out;
}

/** Keepalived-ish text: keywords, braces, quotes, comments, definitions, odd bytes. */
const configish = fc.array(
  fc.oneof(
    fc.constantFrom("vrrp_instance", "VI_1", "state", "MASTER", "{", "}", "\"", "#", "!", "\\", "$A", "${A}", "$A=x",
      "@id", "~SEQ(i,1,3)", "include", "\n", "\r\n", "\r", " ", "\t", "\0", "virtual_ipaddress", "track_script", "weight", "-20",
      "global_defs", "\u00a0", "é", "𝄞"),
    fc.string({ maxLength: 6 }),
  ),
  { maxLength: 60 },
).map((parts) => parts.join(""));

describe("lossless tree", () => {
  const corpus = filesUnder(CORPUS);
  const samples = filesUnder(SAMPLES);
  test.skipIf(corpus.length === 0)(`every corpus file round-trips and parses without throwing (${corpus.length} files)`, () => {
    let parsed = 0;
    for (const f of corpus) {
      const text = readFileSync(f, "latin1");
      expect(printCst(buildCst(text)), f).toBe(text);
      const r = parseText(text, f);
      expect(badPositions(text, f, r.ast.children), f).toEqual([]);
      parsed++;
    }
    expect(parsed).toBeGreaterThan(900);
  }, 300_000);
  test.skipIf(samples.length === 0)("every keepalived sample round-trips and parses", () => {
    for (const f of samples) {
      const text = readFileSync(f, "latin1");
      expect(printCst(buildCst(text)), f).toBe(text);
      expect(() => parseText(text, f)).not.toThrow();
    }
  });
  test("CRLF variants round-trip", () => {
    const text = "vrrp_instance V {\r\n  state MASTER # c\r\n}\r\n";
    expect(printCst(buildCst(text))).toBe(text);
  });
  test("property: any input round-trips and never throws; positions stay in the file", () => {
    fc.assert(
      fc.property(configish, (text) => {
        expect(printCst(buildCst(text))).toBe(text);
        const r = parseText(text, "/p.conf", { configId: "id" });
        expect(badPositions(text, "/p.conf", r.ast.children)).toEqual([]);
        for (const d of r.diagnostics) {
          expect(d.start).toBeGreaterThanOrEqual(0);
          expect(d.end).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 2000 },
    );
  });
  test("property: arbitrary unicode strings never throw", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
      expect(printCst(buildCst(text))).toBe(text);
      parseText(text);
    }), { numRuns: 1000 });
  });
});
