// The parser finds keywords with KeywordTable (no string per line); it must
// answer exactly as the schema's maps do.
import { describe, expect, test } from "vitest";
import { keywordTable } from "../../grammar/keyword-table.js";
import { allContexts } from "../../grammar/schema/index.js";

describe("KeywordTable", () => {
  test("finds every keyword of every context, at any offset of a text", () => {
    let checked = 0;
    for (const c of allContexts()) {
      const table = keywordTable(c);
      for (const [name, spec] of c.keywords) {
        const text = `x ${name} y`;
        expect(table.get(text, 2, 2 + name.length)).toBe(spec);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  test("finds nothing for prefixes, extensions, other contexts' keywords and the empty word", () => {
    for (const c of allContexts()) {
      const table = keywordTable(c);
      for (const name of c.keywords.keys()) {
        for (const other of [name.slice(0, -1), `${name}_`, `_${name}`, name.toUpperCase()]) {
          if (c.keywords.has(other)) continue;
          expect(table.get(other, 0, other.length)).toBeUndefined();
        }
      }
      expect(table.get("", 0, 0)).toBeUndefined();
    }
    const root = [...allContexts()].find((c) => c.name === "root")!;
    expect(keywordTable(root).get("virtual_ipaddress", 0, 17)).toBeUndefined();
    expect(keywordTable(root).get("vrrp_instance", 0, 13)).toBeDefined();
  });
});
