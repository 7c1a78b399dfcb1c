// Bad input never throws out of the schema's checkers, and every problem points
// at a word that exists, so callers can place it without bounds checks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allContexts, allKeywords, checkValue, parseEntryLine } from "../../../grammar/schema/index.js";

// Words that exercise the parsers: numbers, signs, dots, addresses, keywords of the line grammars, junk.
const word = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " 5", "-1", "+7", "0x10", "1.5", "1e3", "255", "254", "-254", "99999999999999999999", ".", "1.2.3", "$X"),
  fc.constantFrom("10.0.0.1", "10.0.0.1/24", "fe80::1", "::", "1:2:3:4:5:6:7:8", "10.0.0.1-20", "2001:db8::/129"),
  fc.constantFrom("weight", "reverse", "dev", "via", "gw", "table", "nexthop", "fwmark", "inet6", "track_group", "all", "type", "port"),
);
const words = fc.array(word, { maxLength: 8 }).map((ws) => ws.map((text) => ({ text })));

describe("schema checkers on arbitrary words", () => {
  const specs = allKeywords();
  const valueContexts = [...allContexts()].filter((c) => c.kind === "value_block").map((c) => c.name);

  it("checkValue returns problems whose index is an argument", () => {
    fc.assert(
      fc.property(fc.constantFrom(...specs), words, fc.constantFrom("2.2.7" as const, "newest" as const), (spec, args, target) => {
        const problems = checkValue(spec, args, target);
        for (const p of problems) {
          expect(p.index).toBeGreaterThanOrEqual(0);
          expect(p.index).toBeLessThan(args.length);
          expect(p.message).toMatch(/^[^A-Z]/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("parseEntryLine returns errors and fields that point at words of the line", () => {
    fc.assert(
      fc.property(fc.constantFrom(...valueContexts), words, (context, line) => {
        const r = parseEntryLine(context, line);
        for (const e of r.errors) {
          expect(e.index).toBeGreaterThanOrEqual(0);
          expect(e.index).toBeLessThan(line.length);
        }
        for (const f of Object.values(r.fields)) expect(line[f.index]?.text).toBe(f.text);
      }),
      { numRuns: 3000 },
    );
  });
});
