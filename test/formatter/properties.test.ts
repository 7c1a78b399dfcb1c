// Properties of the formatter on random keepalived-ish text: it never throws, is idempotent, keeps every
// non-blank character, and keeps what keepalived reads (typed AST projection).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { format, formatChanges, formatRange } from "../../src/formatter/index.js";
import { corpusFiles, projection, readBytes } from "./helpers.js";

const fragments = [
  "vrrp_instance", "VI_1", "state", "MASTER", "priority", "100", "virtual_ipaddress", "10.0.0.1/24", "track_script",
  "chk", "global_defs", "router_id", "notify_master", "\"/bin/echo a  b\"", "\"q{}\"", "\"", "x\"y z\"w",
  "{", "}", "VI_2{", "}}", "a{b}c", "# comment", "! bang", "#", "a#b", "\\#x", "\\", "$A=1", "$A=x \\", "$B=", "$A",
  "${A}", "${UNDEF}", "$A{", "@lint-test", "@other", "@^x", "~SEQ(i,1,3)", "include", "/tmp/*.conf", "includeb",
  "# keepalived-lint format off", "# keepalived-lint format on", "\t", "  ", "\r", "\f", "é", "\u0000",
  "virtual_server", "10.0.0.1", "80", "real_server", "HTTP_GET", "url", "path", "/", "status_code", "200",
];

const line = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...fragments) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 7 })
  .chain((words) => fc.array(fc.constantFrom(" ", "", "\t", "   "), { minLength: words.length + 1, maxLength: words.length + 1 }).map((sep) => sep[0] + words.map((w, i) => w + sep[i + 1]).join("")));
const config = fc.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom("\n", "\r\n"), fc.boolean()).map(([ls, eol, finalEol]) => ls.join(eol) + (finalEol ? eol : ""));

function nonBlank(s: string): string {
  return [...s.replace(/[ \t\r\n\f\v]/g, "")].sort().join("");
}

/** The text formatChanges' changes make of `text`, and whether they came in order, each a real change at the offsets it names. */
function applyChanges(text: string, indent: number | "tab" = 4): { text: string; ordered: boolean } {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  const out: string[] = [];
  let next = 0;
  let ordered = true;
  formatChanges(text, { indent }, (from, to, replacement, start, end) => {
    const replaced = lines.slice(from, to).join("");
    if (from < next || to < from || to > lines.length || replacement === replaced || text.slice(start, end) !== replaced) ordered = false;
    out.push(...lines.slice(next, from), replacement);
    next = Math.max(next, to);
  });
  out.push(...lines.slice(next));
  return { text: out.join(""), ordered };
}

describe("formatter properties", () => {
  it("formatChanges makes of the text what format() makes, line by line in order (format --diff prints them)", () => {
    fc.assert(
      fc.property(config, fc.constantFrom<number | "tab">(4, 2, "tab"), (text, indent) => {
        expect(applyChanges(text, indent)).toEqual({ text: format(text, { indent }), ordered: true });
      }),
      { numRuns: 1500 },
    );
  });

  it("never throws, is idempotent and keeps every non-blank character", () => {
    fc.assert(
      fc.property(config, (text) => {
        const once = format(text);
        expect(format(once)).toBe(once);
        expect(nonBlank(once)).toBe(nonBlank(text));
      }),
      { numRuns: 1500 },
    );
  });

  it("keeps what keepalived reads", () => {
    fc.assert(
      fc.property(config, (text) => {
        expect(projection(format(text))).toEqual(projection(text));
      }),
      { numRuns: 800 },
    );
  });

  it("other indent widths are idempotent too", () => {
    fc.assert(
      fc.property(config, fc.constantFrom<number | "tab">(0, 2, 8, "tab"), (text, indent) => {
        const once = format(text, { indent });
        expect(format(once, { indent })).toBe(once);
        expect(nonBlank(once)).toBe(nonBlank(text));
      }),
      { numRuns: 400 },
    );
  });

  // format() builds its text from slices of the input; formatRange() from one string per output line
  it("formatting the whole text as a range gives format()'s text", () => {
    fc.assert(
      fc.property(config, fc.constantFrom<number | "tab">(4, 2, "tab"), (text, indent) => {
        // the formatted text too: there most lines are copied as they are, and a `{` line may join one
        for (const t of [text, format(text), format(text) + "x\n{\n"]) {
          const edits = formatRange(t, { start: 0, end: t.length }, { indent });
          const ranged = edits.reduce((s, e) => s.slice(0, e.start) + e.text + s.slice(e.end), t);
          expect(ranged).toBe(format(t, { indent }));
        }
      }),
      { numRuns: 800 },
    );
  });

  const corpus = corpusFiles();
  it.skipIf(corpus.length === 0)("keeps every non-blank character of the corpus files", { timeout: 300_000 }, () => {
    const lost: string[] = [];
    for (const file of corpus) {
      const text = readBytes(file);
      if (nonBlank(format(text)) !== nonBlank(text)) lost.push(file);
    }
    expect(lost).toEqual([]);
  });

  it.skipIf(corpus.length === 0)("formatChanges makes of each corpus file what format() makes", { timeout: 300_000 }, () => {
    const differ: string[] = [];
    for (const file of corpus) {
      const text = readBytes(file);
      const changed = applyChanges(text);
      if (changed.text !== format(text) || !changed.ordered) differ.push(file);
    }
    expect(differ).toEqual([]);
  });
});

// Found by a random run (seed 902762979): a form feed before a comment made the formatter end a multiline
// definition there, while keepalived skips the line and keeps appending, so the tab on the next line
// (part of the definition's value) became a space.
it("a comment line behind a form feed inside a multiline definition keeps the next line verbatim", () => {
  const text = " $A=x \\ \n \f # comment \n vrrp_instance\tvrrp_instance ";
  expect(projection(format(text))).toEqual(projection(text));
  expect(format(text)).toContain("vrrp_instance\tvrrp_instance");
});
