// The parser finds keywords with KeywordTable (no string per line); it must
// answer exactly as the schema's maps do.
import { describe, expect, test } from "vitest";
import { keywordTable } from "../../grammar/keyword-table.js";
import { charCodes } from "../../grammar/plain-line.js";
import { allContexts } from "../../grammar/schema/index.js";

describe("KeywordTable", () => {
  test("finds every keyword of every context, at any offset of a text", () => {
    let checked = 0;
    for (const c of allContexts()) {
      const table = keywordTable(c);
      for (const [name, spec] of c.keywords) {
        const text = `x ${name} y`;
        expect(table.get(charCodes(text), 2, 2 + name.length)).toBe(spec);
        // Also in a text that is not ASCII (its codes are UTF-16 units, not bytes).
        expect(table.get(charCodes(`é ${name} ü`), 2, 2 + name.length)).toBe(spec);
        expect(table.getText(name)).toBe(spec);
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
          expect(table.getText(other)).toBeUndefined();
        }
      }
      expect(table.getText("")).toBeUndefined();
    }
    const root = [...allContexts()].find((c) => c.name === "root")!;
    expect(keywordTable(root).getText("virtual_ipaddress")).toBeUndefined();
    expect(keywordTable(root).getText("vrrp_instance")).toBeDefined();
    // A keyword spelled with a non-ASCII letter in place of an ASCII one is not the keyword.
    expect(keywordTable(root).getText("vrrp_instancé")).toBeUndefined();
    expect(keywordTable(root).getText(`vrrp_instance${"_".repeat(100)}`)).toBeUndefined();
  });
});
