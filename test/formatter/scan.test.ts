// The formatter's fast scanner must cut exactly the tokens of the reader's chevrotain lexer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lex } from "../../grammar/lexer.js";
import { scanTokens } from "../../src/formatter/scan.js";
import { corpusFiles, readBytes, sampleFiles } from "./helpers.js";

const viaLexer = (text: string) => lex(text).tokens.map((t) => ({ type: t.tokenType.name, text: t.image, start: t.startOffset }));

const special = fc.constantFrom(" ", "\t", "\f", "\v", "\r", "\n", "\r\n", '"', "#", "!", "{", "}", "\\", "\\#", "\\!", "\0", "a", "b1", "é", "$", "\u00a0", "😀");
const text = fc.array(fc.oneof({ weight: 5, arbitrary: special }, { weight: 1, arbitrary: fc.string({ maxLength: 3 }) }), { maxLength: 40 }).map((a) => a.join(""));

describe("scanTokens", () => {
  it("cuts what the lexer cuts, on random text", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(scanTokens(t)).toEqual(viaLexer(t));
      }),
      { numRuns: 5000 },
    );
  });

  it("cuts what the lexer cuts, on a range of a text that starts after a line break", () => {
    const t = 'a "b\n{ c#d\r\n}\\#x "y';
    const from = t.indexOf("\n") + 1;
    expect(scanTokens(t, from)).toEqual(viaLexer(t.slice(from)).map((x) => ({ ...x, start: x.start + from })));
  });

  it("cuts what the lexer cuts, on the samples and the corpus", { timeout: 300_000 }, () => {
    const differ: string[] = [];
    for (const f of [...sampleFiles(), ...corpusFiles()]) {
      const t = readBytes(f);
      if (JSON.stringify(scanTokens(t)) !== JSON.stringify(viaLexer(t))) differ.push(f);
    }
    expect(differ).toEqual([]);
  });
});
