// forgetMade (grammar/tree.ts): parse --json lets go of each top-level block's made words and child lists
// once written. Asked again, the views make them anew: the same tree, as new objects.
import { describe, expect, it } from "vitest";
import type { ConfigNode } from "../../grammar/ast.js";
import { parseText } from "../../grammar/reader.js";
import { forgetMade } from "../../grammar/tree.js";

/** Every node's name, span, words and block, in walk order. */
function shape(nodes: readonly ConfigNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    out.push(`${n.name} ${n.start}-${n.end} ${[n.keyword, ...n.args].map((w) => `${w.text}@${w.start}`).join(",")} ${n.block?.kind ?? ""} ${n.block?.close?.start ?? ""}`);
    shape(n.children, out);
  }
  return out;
}

describe("forgetMade", () => {
  it("lets go of a block's made objects; asked again, its views make the same tree anew", () => {
    const { ast } = parseText('vrrp_instance VI_1 {\n  state BACKUP\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n  notify "/bin/x \\"y\\""\n}\nglobal_defs {\n  router_id a\n}\n', "/k.conf");
    const before = shape(ast.children);
    const [vi] = ast.children;
    const child = vi!.children[0]!;
    const keyword = child.keyword;
    forgetMade(vi!);
    expect(shape(ast.children)).toEqual(before);
    // New objects: made again, not kept.
    expect(vi!.children[0]).not.toBe(child);
    expect(vi!.children[0]!.keyword).not.toBe(keyword);
    expect(vi!.children[0]!.keyword).toEqual(keyword);
    // The top-level views themselves stay.
    expect(ast.children[0]).toBe(vi);
  });
});
