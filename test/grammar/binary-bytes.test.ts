// A file of control characters is not read (grammar/preprocessor.ts). For an ASCII file the
// reader is handed the bytes too and looks for them four bytes at a time: its verdict must be
// the one it reaches from the text alone, wherever the bytes lie in their buffer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryFiles, type FileAccess } from "../../grammar/files.js";
import { readConfig } from "../../grammar/reader.js";

/** memoryFiles, but each read also hands over the ASCII bytes, `offset` bytes into a larger buffer. */
function withBytes(files: Record<string, string>, offset: number): FileAccess {
  const base = memoryFiles(files, "/c");
  return {
    ...base,
    readFile(path) {
      const r = base.readFile(path);
      if (!r.ok) return r;
      const buffer = new Uint8Array(r.text.length + 8);
      for (let i = 0; i < r.text.length; i++) buffer[offset + i] = r.text.charCodeAt(i);
      return { ...r, bytes: buffer.subarray(offset, offset + r.text.length) };
    },
  };
}

const verdicts = (fs: FileAccess) => readConfig(fs, ["/c/k.conf"]).diagnostics.filter((d) => d.ruleId === "include-error").map((d) => d.message);

describe("control characters found from the bytes", () => {
  it("five NULs: not read, the first named by its offset, at any alignment", () => {
    const files = { "/c/k.conf": "include env\n", "/c/env": "A=secret\0B=1\0C=2\0D=3\0E=4\0" };
    for (let offset = 0; offset < 4; offset++) {
      expect(verdicts(withBytes(files, offset))).toEqual(['"/c/env" is not a keepalived configuration: it holds control characters ("\\x00" at offset 8) - skipping']);
    }
  });

  it("five DELs among letters, each alone in its four bytes", () => {
    const files = { "/c/k.conf": "include del\n", "/c/del": "abc\x7fdefgh\x7fijklmno\x7fpqrstuvw\x7fxyzabcdefghijk\x7f" };
    for (let offset = 0; offset < 4; offset++) {
      expect(verdicts(withBytes(files, offset))).toEqual(['"/c/del" is not a keepalived configuration: it holds control characters ("\\x7f" at offset 3) - skipping']);
    }
  });

  it("tabs, line ends, vertical tabs, form feeds and carriage returns are text; four strays are tolerated", () => {
    const files = { "/c/k.conf": "include a\ninclude b\n", "/c/a": "\t\n\x0b\x0c\r".repeat(50), "/c/b": "x\x01y\x7fz\x1f\x08" };
    expect(verdicts(withBytes(files, 1))).toEqual([]);
  });

  it("every ASCII code, five times at every place in a 4-byte word: the same verdict as from the text", () => {
    for (let code = 0; code < 128; code++) {
      const c = String.fromCharCode(code);
      for (let shift = 0; shift < 4; shift++) {
        const files = { "/c/k.conf": "include x\n", "/c/x": "ab".slice(0, shift % 2) + `${c}abc${c}defgh${c}ij${c}klmnopq${c}`.padStart(30 + shift, "z") };
        expect(verdicts(withBytes(files, shift)), `code ${code}, shift ${shift}`).toEqual(verdicts(memoryFiles(files, "/c")));
      }
    }
  });

  it("any ASCII text: the same verdict from the bytes as from the text", () => {
    const char = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom("a", " ", "{", "}", "\n") },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) },
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 80 }), fc.integer({ min: 0, max: 7 }), (chars, offset) => {
        const files = { "/c/k.conf": "include x\n", "/c/x": chars.join("") };
        expect(verdicts(withBytes(files, offset))).toEqual(verdicts(memoryFiles(files, "/c")));
      }),
      { numRuns: 500 },
    );
  });
});
