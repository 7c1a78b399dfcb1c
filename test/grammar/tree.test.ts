// TreeStore keeps words and nodes in narrow columns (grammar/tree.ts,
// grammar/word-columns.ts); these are the cases that leave the narrow path:
// long lines, long words, and switching files through includes.
import { describe, expect, test } from "vitest";
import type { ConfigNode, Word } from "../../grammar/ast.js";
import { memoryFiles } from "../../grammar/files.js";
import { parseText, readConfig } from "../../grammar/reader.js";

const word = (w: Word) => ({ file: w.file, start: w.start, end: w.end, text: w.text, quoted: w.quoted, via: w.via?.map((v) => v.name) });
const node = (n: ConfigNode): unknown => ({
  name: n.name, context: n.context, file: n.file, start: n.start, end: n.end, args: n.args.map(word), keyword: word(n.keyword),
  children: n.children.map(node), block: n.block && { ...n.block },
});

describe("TreeStore columns", () => {
  test("a line of more words than a byte counts keeps them all", () => {
    const args = Array.from({ length: 300 }, (_, i) => `a${i}`);
    const text = `vrrp_instance V {\n  notify_master ${args.join(" ")}\n}\n`;
    const n = parseText(text, "/k.conf").ast.children[0].children[0];
    expect(n.args.map((w) => w.text)).toEqual(args);
    expect(n.end).toBe(text.lastIndexOf("a299") + 4);
  });

  test("words longer than a length column holds read as on the general path", () => {
    const long = "x".repeat(70_000);
    for (const line of [`router_id ${long} y`, `router_id "${long}" y`]) {
      const text = `global_defs {\n  ${line}\n}\n`;
      const n = parseText(text, "/k.conf").ast.children[0].children[0];
      expect(n.args.map((w) => [w.text.length, w.quoted])).toEqual([[70_000, line.includes('"')], [1, false]]);
      // Each line gains 3 characters ("@x "): the words of the second line move by 6.
      const forced = parseText(`@x global_defs {\n@x   ${line}\n@x }\n`, "/k.conf", { configId: "x" }).ast.children[0].children[0];
      expect(forced.args.map((w) => [w.text, w.quoted, w.start - 6])).toEqual(n.args.map((w) => [w.text, w.quoted, w.start]));
    }
  });

  test("words after an include belong to the including file again", () => {
    const files = {
      "/a.conf": "global_defs {\n  router_id a1\n}\ninclude /b.conf\nvrrp_instance A {\n  state MASTER\n}\n",
      "/b.conf": "vrrp_instance B {\n  state BACKUP\n  include /c.conf\n}\n",
      "/c.conf": "priority 100\n",
    };
    const roots = readConfig(memoryFiles(files), ["/a.conf"]).ast.children.map(node);
    expect(roots.map((r) => (r as { name: string; file: string }).name + "@" + (r as { file: string }).file)).toEqual(
      ["global_defs@/a.conf", "vrrp_instance@/b.conf", "vrrp_instance@/a.conf"],
    );
    const [, b, a] = roots as { args: { file: string; via?: string[]; text: string }[]; children: { name: string; keyword: { file: string; via?: string[] }; end: number }[]; block: { close?: { file: string } } }[];
    expect(b.args[0]).toMatchObject({ file: "/b.conf", text: "B", via: ["/b.conf"] });
    expect(b.children.map((c) => [c.name, c.keyword.file, c.keyword.via])).toEqual([
      ["state", "/b.conf", ["/b.conf"]], ["priority", "/c.conf", ["/b.conf", "/c.conf"]],
    ]);
    expect(b.block.close?.file).toBe("/b.conf");
    expect(a.args[0]).toMatchObject({ file: "/a.conf", text: "A", via: undefined });
    expect(a.children[0].keyword).toMatchObject({ file: "/a.conf", via: undefined });
    expect(a.children[0].end).toBe(files["/a.conf"].indexOf("MASTER") + 6);
  });
});
