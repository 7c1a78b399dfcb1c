// parsePiece + moveBy (the editor's incremental re-read): a text read alone and
// moved k characters on has every span a read of the same text k characters
// further into a file has, for views made before the move and after it.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ConfigNode } from "../../grammar/ast.js";
import { parsePiece, parseText } from "../../grammar/reader.js";
import { corpusFiles } from "../formatter/helpers.js";

/** Every position of the tree, in walk order (making every view and word). */
function spans(nodes: readonly ConfigNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    const words = [n.keyword, ...n.args].map((w) => `${w.start}-${w.end}`).join(",");
    out.push(`${n.name} ${n.start}-${n.end} [${words}] ${n.block?.open?.start ?? ""} ${n.block?.close?.start ?? ""}`);
    spans(n.children, out);
  }
  return out;
}

/** Makes the views and words of every other top-level node (and their subtrees), so a move finds some made and some not. */
function touchHalf(nodes: readonly ConfigNode[]) {
  nodes.forEach((n, i) => {
    if (i % 2 === 0) spans([n]);
  });
}

describe("parsePiece and moveBy", () => {
  const files = corpusFiles().filter((_, i) => i % 20 === 0);
  it("moves every span, made before the move or after", () => {
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const text = readFileSync(file, "latin1");
      const piece = parsePiece(text, "/k.conf");
      touchHalf(piece.ast.children);
      piece.moveBy(7);
      piece.moveBy(-3);
      // Four line breaks before the text: the same lines, four characters on.
      const want = parseText("\n\n\n\n" + text, "/k.conf");
      expect(spans(piece.ast.children), file).toEqual(spans(want.ast.children));
    }
  });

  it("keeps the views it made (the editor's kept blocks keep their identity)", () => {
    const piece = parsePiece("vrrp_instance VI_1 {\n  state BACKUP\n}\n", "/k.conf");
    const [node] = piece.ast.children;
    const child = node!.children[0]!;
    const keyword = child.keyword;
    piece.moveBy(100);
    expect(piece.ast.children[0]).toBe(node);
    expect(node!.children[0]).toBe(child);
    expect(child.keyword).toBe(keyword);
    expect([child.start, keyword.start, keyword.end, node!.block?.close?.start]).toEqual([123, 123, 128, 136]);
  });
});
