// The reader reads most lines through a plain-line scanner and the rest
// through the chevrotain lexer (grammar/plain-line.ts). Both paths must give
// the same AST. A line prefixed with a matching `@id ` always takes the
// general path, so a config read as written must equal the same config read
// with `@x ` before every line (positions shifted by the three characters).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ConfigNode } from "../../grammar/ast.js";
import { charCodes, PlainLineScanner } from "../../grammar/plain-line.js";
import { memoryFiles } from "../../grammar/files.js";
import { parseText, readConfig } from "../../grammar/reader.js";

const PREFIX = "@x ";

interface Shape {
  line: number;
  column: number;
  text: string;
}

function outline(text: string, prefixed: boolean): string[] {
  const r = parseText(text, "/k.conf", { configId: "x", template: "off" });
  const file = r.files.get("/k.conf")!;
  const shift = prefixed ? PREFIX.length : 0;
  const at = (offset: number): Shape => {
    const p = file.position(offset);
    return { line: p.line, column: p.column - shift, text: "" };
  };
  const out: string[] = [];
  const walk = (nodes: ConfigNode[], depth: number) => {
    for (const n of nodes) {
      const words = [n.keyword, ...n.args].map((w) => {
        const p = at(w.start);
        return `${w.quoted ? '"' : ""}${w.text}@${p.line}:${p.column}`;
      });
      const block = n.block ? ` {${n.block.open ? at(n.block.open.start).column : "-"} }${n.block.close ? at(n.block.close.start).column : "-"}` : "";
      out.push(`${"  ".repeat(depth)}${n.kind} ${n.context} ${n.known} ${words.join(" ")} rest=${JSON.stringify(n.rest)}${block}`);
      walk(n.children, depth + 1);
    }
  };
  walk(r.ast.children, 0);
  for (const d of r.diagnostics) {
    const p = at(d.start);
    out.push(`! ${d.ruleId} ${p.line}:${p.column} ${d.message}`);
  }
  return out;
}

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("vrrp_instance", "VI_1", "state", "BACKUP", "virtual_ipaddress", "10.0.0.1/24", "dev", "eth0",
    "track_script", "chk", "weight", "-20", "global_defs", "router_id", "vrrp_script", "script", "notify_master", "/bin/true", "x.y-z_1") },
  { weight: 4, arbitrary: fc.constantFrom(" ", "  ", "\t", "\f", "\v") },
  { weight: 3, arbitrary: fc.constantFrom("{", "}") },
  { weight: 1, arbitrary: fc.constantFrom("#c", "! note", "a#b", "\\", "\\#", "$V", "\r", "\0") },
  // Quoted strings (read by the scanner unless they hold a character it refuses), and lone quotes
  // that pair up with a later one on the line or stay unmatched. Pieces join without blanks, so
  // quotes also touch words and braces.
  { weight: 3, arbitrary: fc.constantFrom("\"q w\"", "\"\"", "\"", "\"#x\"", "\"! y {\"", "\"}\"", "\"a\\b\"", "\"$V\"", "\"$V x\"", "\"${V}\"", "\"/bin/x -y\"") },
  // Not blanks for keepalived (nor for the scanner), though JavaScript's trim() takes them for spaces.
  { weight: 1, arbitrary: fc.constantFrom("\u00a0", "\u2028", "\ufeff") },
);
const line = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(""));
// The first line opens a block whose keywords include script keywords (`script`, `notify_master`),
// which keep their raw line (ConfigNode.rest).
// Defining $V makes its uses (also inside quotes) change the line.
const opening = fc.tuple(fc.constantFrom([], ["$V=v \"w\""]), fc.constantFrom([], ["vrrp_script chk {"], ["vrrp_instance VI_1 {"], ["global_defs {"]));
const config = fc.tuple(opening, fc.array(line, { maxLength: 25 }), fc.constantFrom("\n", "\r\n"))
  .map(([[define, block], rest, eol]): [string[], string] => [[...define, ...block, ...rest], eol]);

describe("plain-line scanner and chevrotain lexer read alike", () => {
  test("a line read as written equals the same line forced through the lexer (hand-picked)", () => {
    const text = "vrrp_instance VI_1{\n  state BACKUP # comment\n  virtual_ipaddress { 10.0.0.1/24 dev eth0 }\n}\n";
    const plain = outline(text, false);
    expect(plain).toContain("  keyword vrrp_instance true state@2:3 BACKUP@2:9 rest=\"\"");
    expect(plain).toContain("    entry vrrp_instance.virtual_ipaddress true 10.0.0.1/24@3:23 dev@3:35 eth0@3:39 rest=\"dev eth0\"");
    const forced = text.split("\n").map((l) => (l === "" ? l : PREFIX + l)).join("\n");
    expect(outline(forced, true)).toEqual(plain);
  });

  test("charCodes: an ASCII text's bytes, any other text's UTF-16 units, one code per string offset", () => {
    const ascii = charCodes("vrrp_instance VI_1 {\r\n\t}\x7f");
    expect(ascii).toBeInstanceOf(Uint8Array);
    expect([...ascii]).toEqual([..."vrrp_instance VI_1 {\r\n\t}\x7f"].map((c) => c.charCodeAt(0)));
    for (const text of ["caf\u00e9", "\ufeffx", "a\ud800b", "\u{1f600} y", "\x80"]) {
      const codes = charCodes(text);
      expect(codes).toBeInstanceOf(Uint16Array);
      expect(codes.length).toBe(text.length);
      expect([...codes]).toEqual(Array.from({ length: text.length }, (_, i) => text.charCodeAt(i)));
    }
    expect(charCodes("").length).toBe(0);
  });

  test("closed double-quoted strings are plain: one word each, quotes in the span", () => {
    const items = (line: string) => {
      const s = new PlainLineScanner();
      s.scan(charCodes(line), 0);
      return s.plain ? [...s.items.slice(0, 2 * s.count)] : "refused";
    };
    expect(items('script "/bin/x -y" # c')).toEqual([0, 6, 7, 18]);
    expect(items('x"a #{b"y ""')).toEqual([0, 1, 1, 8, 8, 9, 10, 12]);
    expect(items('a "b')).toBe("refused");
    expect(items('a "$b"')).toBe("refused");
    expect(items('a "\\b"')).toBe("refused");
  });

  test("quoted words and script keywords read alike on both paths (hand-picked)", () => {
    const text = 'vrrp_script chk {\n  script "/usr/bin/pgrep -x memcached"\n}\nvrrp_instance VI_1 {\n  notify_master x"a b"y "" "#{!}"\n}\n';
    const plain = outline(text, false);
    expect(plain).toContain(String.raw`  keyword vrrp_script true script@2:3 "/usr/bin/pgrep -x memcached@2:10 rest="\"/usr/bin/pgrep -x memcached\""`);
    expect(plain).toContain(String.raw`  keyword vrrp_instance true notify_master@5:3 x@5:17 "a b@5:18 y@5:23 "@5:25 "#{!}@5:28 rest="x\"a b\"y \"\" \"#{!}\""`);
    const forced = text.split("\n").map((l) => (l === "" ? l : PREFIX + l)).join("\n");
    expect(outline(forced, true)).toEqual(plain);
  });

  test("words that start or end with a non-ASCII space keep it in the raw rest on both paths", () => {
    const text = "vrrp_instance VI_1 {\n  notify_master \u00a0x y\ufeff\n}\n";
    const plain = outline(text, false);
    expect(plain).toContain("  keyword vrrp_instance true notify_master@2:3 \u00a0x@2:17 y\ufeff@2:20 rest=\"\u00a0x y\ufeff\"");
    const forced = text.split("\n").map((l) => (l === "" ? l : PREFIX + l)).join("\n");
    expect(outline(forced, true)).toEqual(plain);
  });

  test("a '{' taken as a value-block entry in an included file comes through the include on both paths", () => {
    const entry = (line: string) => {
      const fs = memoryFiles({ "/a.conf": "include /b.conf\n", "/b.conf": `vrrp_instance V {\n  virtual_ipaddress {\n${line}\n  }\n}\n}\n` });
      const e = readConfig(fs, ["/a.conf"], { configId: "x" }).ast.children[0].children[0].children[1];
      return { name: e.name, via: e.keyword.via?.map((v) => v.name) };
    };
    expect(entry("    10.0.0.1 { x")).toEqual({ name: "{", via: ["/b.conf"] });
    expect(entry("@x     10.0.0.1 { x")).toEqual(entry("    10.0.0.1 { x"));
  });

  test("a line too long for keepalived is reported and read in full, and the lines around it as usual", () => {
    const long = "x".repeat(1100);
    const text = `global_defs {\n  router_id ${long}\n  script_user nobody\n}\n`;
    const r = parseText(text, "/k.conf");
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(["line-too-long"]);
    const [g] = r.ast.children;
    expect(g.children.map((n) => [n.name, n.args.map((a) => a.text)])).toEqual([["router_id", [long]], ["script_user", ["nobody"]]]);
    expect(g.block?.close?.start).toBe(text.lastIndexOf("}"));
  });

  test("a configuration longer than one run of plain lines reads the same across the runs' seams", () => {
    // The scanner hands the parser a few thousand items at a time; blocks and lines straddle the seams.
    const server = (i: number) => `virtual_server 10.0.0.${i % 250} 80 {\n  delay_loop 6\n  real_server 10.1.0.1 80 { weight ${i} }\n}\n`;
    const text = Array.from({ length: 3000 }, (_, i) => server(i)).join("");
    const plain = outline(text, false);
    expect(plain.filter((l) => l.startsWith("keyword root true virtual_server"))).toHaveLength(3000);
    expect(plain.filter((l) => l.startsWith("!"))).toEqual([]);
    // "  real_server 10.1.0.1 80 { weight 2999 }": weight at column 29, its value at 36.
    expect(plain.at(-1)).toBe(`    keyword virtual_server.real_server true weight@${4 * 3000 - 1}:29 2999@${4 * 3000 - 1}:36 rest=""`);
    const forced = text.split("\n").map((l) => (l === "" ? l : PREFIX + l)).join("\n");
    expect(outline(forced, true)).toEqual(plain);
  });

  test("property: any mix of plain and special lines gives the same AST on both paths", () => {
    fc.assert(
      fc.property(config, ([lines, eol]) => {
        const text = lines.join(eol) + eol;
        const forced = lines.map((l) => PREFIX + l).join(eol) + eol;
        expect(outline(forced, true)).toEqual(outline(text, false));
      }),
      { numRuns: 400 },
    );
  });
});
