// The reader reads most lines through a plain-line scanner and the rest
// through the chevrotain lexer (grammar/plain-line.ts). Both paths must give
// the same AST. A line prefixed with a matching `@id ` always takes the
// general path, so a config read as written must equal the same config read
// with `@x ` before every line (positions shifted by the three characters).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { ConfigNode } from "../../grammar/ast.js";
import { parseText } from "../../grammar/reader.js";

const PREFIX = "@x ";

interface Shape {
  line: number;
  column: number;
  text: string;
}

function outline(text: string, prefixed: boolean): string[] {
  const r = parseText(text, "/k.conf", { configId: "x" });
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
  { weight: 1, arbitrary: fc.constantFrom("#c", "! note", "a#b", "\"q w\"", "\\", "\\#", "$V", "\r", "\0") },
  // Not blanks for keepalived (nor for the scanner), though JavaScript's trim() takes them for spaces.
  { weight: 1, arbitrary: fc.constantFrom("\u00a0", "\u2028", "\ufeff") },
);
const line = fc.array(piece, { maxLength: 12 }).map((ps) => ps.join(""));
const config = fc.tuple(fc.array(line, { maxLength: 25 }), fc.constantFrom("\n", "\r\n"));

describe("plain-line scanner and chevrotain lexer read alike", () => {
  test("a line read as written equals the same line forced through the lexer (hand-picked)", () => {
    const text = "vrrp_instance VI_1{\n  state BACKUP # comment\n  virtual_ipaddress { 10.0.0.1/24 dev eth0 }\n}\n";
    const plain = outline(text, false);
    expect(plain).toContain("  keyword vrrp_instance true state@2:3 BACKUP@2:9 rest=\"\"");
    expect(plain).toContain("    entry vrrp_instance.virtual_ipaddress true 10.0.0.1/24@3:23 dev@3:35 eth0@3:39 rest=\"dev eth0\"");
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
