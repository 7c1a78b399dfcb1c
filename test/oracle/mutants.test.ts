import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { contextsOf } from "../../grammar/schema/index.js";
import { keepalivedAvailable, KEEPALIVED_BIN, runKeepalived } from "./keepalived.js";
import { createRng, generateMutants, mutate, MUTANT_KINDS, type MutantKind } from "./mutants.js";
import { removeTrees, writeTree } from "./tempdir.js";

afterAll(removeTrees);

const isKeyword = (w: string) => contextsOf(w).length > 0;

const BASE = [
  "global_defs {", // 1
  "  router_id r1", // 2
  "  smtp_alert on # comment", // 3
  "  dynamic_interfaces", // 4
  "}", // 5
  "vrrp_instance VI_1 {", // 6
  "  state BACKUP", // 7
  "  interface eth0", // 8
  "  virtual_router_id 51", // 9
  "  priority 100", // 10
  "  virtual_ipaddress {", // 11
  "    10.0.0.1/24", // 12
  "  }", // 13
  "}", // 14
  "",
].join("\n");

describe("createRng", () => {
  test("is deterministic per seed and stays in [0, 1)", () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(createRng(43)()).not.toBe(xs[0]);
  });
});

describe("mutate", () => {
  test("bad-boolean has one site here and replaces only the value", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const m = mutate(BASE, "bad-boolean", seed)!;
      expect(m.line).toBe(3);
      expect(m.before).toBe("  smtp_alert on # comment");
      expect(["  smtp_alert 1 # comment", "  smtp_alert enabled # comment"]).toContain(m.after);
      expect(m.text.split("\n")[2]).toBe(m.after);
    }
  });

  test("number mutations touch a numeric argument of a leaf line", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const range = mutate(BASE, "out-of-range", seed)!;
      expect([9, 10]).toContain(range.line);
      expect(range.after).toMatch(/^ {2}(virtual_router_id|priority) (4294967296|99999999999|-99999999999)$/);
      const bad = mutate(BASE, "malformed-number", seed)!;
      expect(bad.after).toMatch(/^ {2}(virtual_router_id|priority) (51x|0x51|51\.5\.5|51,0|100x|0x100|100\.5\.5|100,0)$/);
    }
  });

  test("misspelling changes the keyword only, and avoids real keywords when asked", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const m = mutate(BASE, "misspell-keyword", seed, { isKeyword })!;
      const [kw, ...rest] = m.after.trim().split(/\s+/);
      const [origKw, ...origRest] = m.before!.trim().split(/\s+/);
      expect(kw).not.toBe(origKw);
      expect(isKeyword(kw)).toBe(false);
      expect(rest).toEqual(origRest);
    }
  });

  test("wrong-block moves a leaf line under another block opener", () => {
    const m = mutate(BASE, "wrong-block", 7)!;
    const lines = m.text.split("\n");
    expect(lines.length).toBe(BASE.split("\n").length);
    expect(lines[m.line - 1]).toBe(m.after);
    expect(m.after.trim()).toBe(m.before!.trim());
    // the opener right above the moved line is not the block it came from
    const opener = lines[m.line - 2].trim();
    expect(opener.endsWith("{")).toBe(true);
    const origLines = BASE.split("\n");
    const origParent = origLines.slice(0, m.originalLine - 1).reverse().find((l) => l.trim().endsWith("{"))!;
    expect(opener.split(/\s+/)[0]).not.toBe(origParent.trim().split(/\s+/)[0]);
  });

  test("insertions and removals", () => {
    const close = mutate(BASE, "stray-close-brace", 3)!;
    expect(close.before).toBeNull();
    expect(close.after.trim()).toBe("}");
    expect(close.text.split("\n").length).toBe(BASE.split("\n").length + 1);
    const open = mutate(BASE, "stray-open-brace", 3)!;
    expect(open.after.trim()).toBe("{");
    const removed = mutate("a {\n  priority 100 # x\n}\n", "remove-argument", 1)!;
    expect(removed).toMatchObject({ line: 2, after: "  priority # x" });
    const quote = mutate('a {\n  notify "/bin/x y"\n}\n', "unclosed-quote", 1)!;
    expect(quote).toMatchObject({ line: 2, after: '  notify "/bin/x y' });
    expect(mutate("a {\n  router_id r1\n}\n", "unclosed-quote", 1)).toMatchObject({ after: '  router_id "r1' });
  });

  test("texts without a site give null instead of throwing", () => {
    for (const kind of MUTANT_KINDS) {
      expect(() => mutate("", kind, 1)).not.toThrow();
    }
    expect(mutate("# only a comment\n", "out-of-range", 1)).toBeNull();
    expect(mutate("a {\n}\n", "bad-boolean", 1)).toBeNull();
  });
});

describe("generateMutants", () => {
  test("same seed, same mutants; distinct texts; all kinds represented", () => {
    const a = generateMutants(BASE, { seed: 9, count: 18, isKeyword });
    const b = generateMutants(BASE, { seed: 9, count: 18, isKeyword });
    expect(a).toEqual(b);
    expect(new Set(a.map((m) => m.text)).size).toBe(a.length);
    expect(new Set(a.map((m) => m.kind))).toEqual(new Set(MUTANT_KINDS));
    expect(generateMutants(BASE, { seed: 10, count: 18 })).not.toEqual(a);
  });
});

const title = keepalivedAvailable()
  ? "mutants checked against keepalived"
  : `mutants checked against keepalived — SKIPPED: ${KEEPALIVED_BIN} not found`;

describe.skipIf(!keepalivedAvailable())(title, () => {
  test("the base configuration is clean", () => {
    const dir = writeTree({ "k.conf": BASE });
    expect(runKeepalived(path.join(dir, "k.conf")).messages).toEqual([]);
  });

  const expected: Array<[MutantKind, string]> = [
    ["misspell-keyword", "unknown-keyword"],
    ["out-of-range", "value"],
    ["malformed-number", "value"],
    ["bad-boolean", "value"],
    ["unclosed-quote", "quote"],
    ["stray-open-brace", "unexpected-brace"],
  ];
  test.each(expected)("%s is reported by keepalived as %s at the mutated line", (kind, oracleKind) => {
    for (const seed of [1, 2, 3, 4]) {
      const m = mutate(BASE, kind, seed, { isKeyword })!;
      const dir = writeTree({ "k.conf": m.text });
      const r = runKeepalived(path.join(dir, "k.conf"));
      expect(
        r.messages.some((x) => x.line === m.line && x.kind === oracleKind),
        `${m.description}\n${r.raw}`,
      ).toBe(true);
    }
  });

  test("removed arguments and moved lines are reported at the mutated line", () => {
    for (const kind of ["remove-argument", "wrong-block"] as const) {
      for (const seed of [1, 2, 3, 4]) {
        const m = mutate(BASE, kind, seed)!;
        const dir = writeTree({ "k.conf": m.text });
        const r = runKeepalived(path.join(dir, "k.conf"));
        expect(r.messages.some((x) => x.line === m.line), `${m.description}\n${r.raw}`).toBe(true);
      }
    }
  });

  test("a stray } inside or after a block is found by keepalived at the inserted line or later", () => {
    for (const seed of [1, 2, 3, 4]) {
      const m = mutate(BASE, "stray-close-brace", seed)!;
      const dir = writeTree({ "k.conf": m.text });
      const r = runKeepalived(path.join(dir, "k.conf"));
      expect(r.exitCode, m.description).toBe(5);
      expect(r.messages.some((x) => x.kind === "extra-brace" && x.line! >= m.line)).toBe(true);
    }
  });
});
