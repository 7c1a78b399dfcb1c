// parse --json writes the reader's nodes as bytes straight from its store (src/cli/tree-json.ts).
// Whatever the input, those bytes must be JSON.stringify(value, null, 2) of the node as the
// reader's public AST describes it; `expected` below builds that value from ConfigNode alone.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConfigNode, Word } from "../../grammar/ast.js";
import { memoryFiles } from "../../grammar/files.js";
import { parseText, type ParseResult } from "../../grammar/reader.js";
import type { SourceFile } from "../../grammar/source.js";
import { storeNodeOf } from "../../grammar/tree.js";
import { ByteOut } from "../../src/cli/byte-out.js";
import { TreeJson } from "../../src/cli/tree-json.js";
import { corpusFiles, relativeName, sampleFiles } from "../formatter/helpers.js";

/** The reader's own position of an offset (the writer keeps a line cursor of its own). */
function at(file: SourceFile | undefined, offset: number) {
  return file ? file.position(offset) : { line: 1, column: 1 };
}

function expectedWord(w: Word, files: ReadonlyMap<string, SourceFile>) {
  const p = at(files.get(w.file), w.start);
  const out: Record<string, unknown> = { text: w.text, quoted: w.quoted };
  if (w.synthetic) out.synthetic = true;
  return Object.assign(out, { file: w.file, line: p.line, column: p.column });
}

function expected(n: ConfigNode, files: ReadonlyMap<string, SourceFile>): unknown {
  const s = at(files.get(n.file), n.start);
  const e = at(files.get(n.file), n.end);
  const out: Record<string, unknown> = {
    name: n.name,
    kind: n.kind,
    context: n.context,
    known: n.known,
    file: n.file,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    keyword: expectedWord(n.keyword, files),
    args: n.args.map((a) => expectedWord(a, files)),
  };
  if (n.block) out.block = { kind: n.block.kind, childContext: n.block.childContext, closed: n.block.close !== undefined };
  out.children = n.children.map((c) => expected(c, files));
  return out;
}

/** Each top-level node as TreeJson writes it, as a standalone value (depth 0), and as expected. */
function both(parsed: ParseResult): { written: string[]; wanted: string[] } {
  const written: string[] = [];
  const wanted: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const n of parsed.ast.children) {
    const chunks: Uint8Array[] = [];
    const out = new ByteOut((c) => chunks.push(c.slice()));
    new TreeJson(out, parsed.files).write(storeNodeOf(n)!, 0);
    out.flush();
    written.push(chunks.map((c) => decoder.decode(c)).join(""));
    wanted.push(JSON.stringify(expected(n, parsed.files), null, 2));
  }
  return { written, wanted };
}

describe("parse --json's node writer", () => {
  it("every node of the keepalived samples and the corpus, byte for byte", () => {
    const files = [...sampleFiles(), ...corpusFiles()];
    expect(files.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    let nodes = 0;
    for (const file of files) {
      const { written, wanted } = both(parseText(readFileSync(file, "latin1"), file));
      nodes += written.length;
      const i = written.findIndex((w, k) => w !== wanted[k]);
      if (i >= 0) wrong.push(`${relativeName(file)}: top-level node ${i + 1}`);
    }
    expect(wrong).toEqual([]);
    expect(nodes).toBeGreaterThan(100);
  });

  it("words that need escapes, non-ASCII, quotes, definitions, entries, unknown and unclosed blocks, an include", () => {
    const main =
      '$IF=eth0\n$M=a \\\n b\nglobal_defs {\n  router_id "r\\"1"\n  vrrp_mcast_group4 é😀\u0001\x7f\n  unknown_kw x\\y {\n  }\n}\n' +
      'vrrp_instance "VI 1" {\n  interface $IF\n  virtual_ipaddress {\n    10.0.0.1/24 dev $IF\n  }\n  track_script {\n' +
      "include inc.conf\n  }\n}\nvrrp_script s {\n";
    const parsed = parseText(main, "/é/k.conf", {}, memoryFiles({ "/é/k.conf": main, "/é/inc.conf": "chk\n\tchk2 weight 2\n" }));
    const { written, wanted } = both(parsed);
    expect(written).toEqual(wanted);
    // The cases are there: a backslash (keepalived's reader ends the quoted word at the second quote), a
    // synthetic word, a word from the included file, control characters and non-ASCII.
    const all = written.join("\n");
    expect(all).toContain('"text": "r\\\\",');
    expect(all).toContain('"synthetic": true');
    expect(all).toContain('"file": "/é/inc.conf"');
    expect(all).toContain('"text": "é😀\\u0001\x7f"');
    expect(all).toContain('"closed": false');
  });

  it("one writer for two parses, whose stores number their contexts differently", () => {
    const a = parseText("vrrp_instance VI {\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n", "/a.conf");
    const b = parseText("virtual_server 10.0.0.2 80 {\n  real_server 10.0.0.3 80 {\n    TCP_CHECK {\n    }\n  }\n}\n", "/b.conf");
    const chunks: Uint8Array[] = [];
    const out = new ByteOut((c) => chunks.push(c.slice()));
    const tree = new TreeJson(out, new Map([...a.files, ...b.files]));
    const roots = [...a.ast.children, ...b.ast.children];
    for (const n of roots) tree.write(storeNodeOf(n)!, 0);
    out.flush();
    const files = new Map([...a.files, ...b.files]);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(roots.map((n) => JSON.stringify(expected(n, files), null, 2)).join(""));
  });

  it("any text: the written nodes are the expected JSON", () => {
    const piece = fc.constantFrom(
      "vrrp_instance", "VI", "virtual_server", "10.0.0.1", "80", "real_server", "weight", "{", "}", '"', "\\", "#", "!",
      "$A", "$A=x", "@id", "include x.conf", "\n", " ", "\t", "\u0000", "\u001f", "é", "\ud800", "😀", "virtual_ipaddress", "track_script",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = pieces.join("");
        const parsed = parseText(text, "/k.conf", {}, memoryFiles({ "/k.conf": text, "/x.conf": 'global_defs {\n router_id "a b"\n}\n' }));
        const { written, wanted } = both(parsed);
        expect(written).toEqual(wanted);
      }),
      { numRuns: 300 },
    );
  });
});

describe("ByteOut", () => {
  const collect = (write: (out: ByteOut) => void) => {
    const chunks: Uint8Array[] = [];
    const out = new ByteOut((c) => chunks.push(c.slice()));
    write(out);
    out.flush();
    // Each chunk decoded on its own, strictly: a chunk that cut a character in two fails here.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    return { text: chunks.map((c) => decoder.decode(c)).join(""), chunks: chunks.length };
  };

  it("writes integers as String() does", () => {
    const values = [0, 7, 9, 10, 42, 99, 100, 999, 1000, 65535, 99999, 100000, 498004, 999999, 1000000, 123456789, 2147483647, 4294967296];
    const { text } = collect((out) => values.forEach((v, i) => (i > 0 && out.text(","), out.uint(v))));
    expect(text).toBe(values.join(","));
  });

  it("writes a slice as JSON.stringify writes the string", () => {
    const texts = ["plain", 'a"b', "a\\b", "tab\there", "nul\u0000", "\u007f", "é", "😀", "\ud800x", "", "\n\r\b\f"];
    const { text } = collect((out) => texts.forEach((t) => out.jsonString(`[${t}]`, 1, t.length + 1)));
    expect(text).toBe(texts.map((t) => JSON.stringify(t)).join(""));
  });

  it("hands on whole UTF-8 chunks, and output larger than its buffer in full", () => {
    const word = "é😀x".repeat(1000);
    const { text, chunks } = collect((out) => {
      for (let i = 0; i < 200; i++) out.jsonString(word, 0, word.length);
    });
    expect(chunks).toBeGreaterThan(1);
    expect(text).toBe(JSON.stringify(word).repeat(200));
  });
});
