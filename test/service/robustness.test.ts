/**
 * Editor features see half-typed and broken text all the time: none of them
 * may throw, at any offset, whatever the text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DocumentSymbol, Position, Range } from "vscode-languageserver/node.js";
import { memoryFiles } from "../../grammar/files.js";
import {
  analyze,
  codeActions,
  complete,
  definition,
  diagnosticsByFile,
  documentSymbols,
  foldingRanges,
  formatDocument,
  hover,
  positionAt,
  prepareRename,
  rangeOf,
  references,
  rename,
  RenameError,
} from "../../src/service/index.js";

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

const PATH = "/etc/keepalived/keepalived.conf";

// Pieces of real syntax, so random texts reach deep into the reader and the features.
const piece = fc.constantFrom(
  "vrrp_instance", "VI_1", "vrrp_script", "chk", "track_script", "state", "MASTER", "priority", "100", "weight", "-20",
  "{", "}", "\n", " ", "  ", "\t", "#", "!", '"', "include", "conf.d/*.conf", "$X", "$X=eth0\n", "@node1", "~SEQ(i,1,3)",
  "vrrp_sync_group", "group", "virtual_server", "real_server", "10.0.0.1", "80", "TCP_CHECK", "\r\n", "\0", "é", "😀",
);
const text = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 60 }).map((a) => a.join(""));

describe("service robustness", () => {
  it("a range is the positions of its two ends (the end's found without a second search when on the start's line)", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: -3, max: 80 }), fc.integer({ min: -3, max: 80 }), (t, start, end) => {
        const file = analyze(memoryFiles({ [PATH]: t }), PATH).result.files.get(PATH)!;
        expect(rangeOf(file, start, end)).toEqual({ start: positionAt(file, start), end: positionAt(file, Math.max(start, end)) });
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on arbitrary text at any offset", () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const a = analyze(memoryFiles({ [PATH]: t }), PATH);
        const offset = t.length === 0 ? 0 : n % (t.length + 1);
        const file = a.result.files.get(PATH)!;
        const pos = positionAt(file, offset);
        diagnosticsByFile(a);
        hover(a, PATH, offset);
        expect(Array.isArray(complete(a, PATH, offset))).toBe(true);
        definition(a, PATH, offset);
        references(a, PATH, offset);
        prepareRename(a, PATH, offset);
        try {
          rename(a, PATH, offset, "new_name");
        } catch (e) {
          if (!(e instanceof RenameError)) throw e;
        }
        // VS Code rejects an outline whose selection lies outside its range, or a child outside its parent.
        const inside = (inner: Range, outer: Range) => before(outer.start, inner.start) && before(inner.end, outer.end);
        const check = (symbols: DocumentSymbol[], parent?: Range) => {
          for (const s of symbols) {
            expect(inside(s.selectionRange, s.range)).toBe(true);
            if (parent) expect(inside(s.range, parent)).toBe(true);
            check(s.children ?? [], s.range);
          }
        };
        check(documentSymbols(a, PATH));
        foldingRanges(t);
        codeActions(a, PATH, { start: pos, end: pos });
        formatDocument(t);
      }),
      { numRuns: 300 },
    );
  });

  it("answers for a path the analysis never read", () => {
    const a = analyze(memoryFiles({ [PATH]: "" }), PATH);
    expect(hover(a, "/elsewhere.conf", 0)).toBeNull();
    expect(complete(a, "/elsewhere.conf", 0)).toEqual([]);
    expect(documentSymbols(a, "/elsewhere.conf")).toEqual([]);
  });
});
