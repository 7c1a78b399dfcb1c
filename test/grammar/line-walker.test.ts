// LineWalker (grammar/tree.ts): the rules' walk reads each line from the reader's store and makes
// a line's node only when asked. It must hand over exactly the lines, in the order and with the
// facts, that a walk over the nodes (ConfigNode children) gives, and the nodes it makes must be the
// tree's own objects: rules keep nodes and compare them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConfigNode, WalkedLine } from "../../grammar/ast.js";
import { memoryFiles } from "../../grammar/files.js";
import { parseText, readConfig } from "../../grammar/reader.js";
import { LineWalker } from "../../grammar/tree.js";

/** What a rule can read of a line without its node. */
function factsOf(l: Pick<WalkedLine, "kind" | "name" | "context" | "known" | "spec" | "rest" | "childContext" | "opensBlock" | "depth"> & { args: string[] }) {
  return { kind: l.kind, name: l.name, context: l.context, known: l.known, spec: l.spec?.name, rest: l.rest, childContext: l.childContext, opensBlock: l.opensBlock, depth: l.depth, args: l.args };
}

/** The same facts from the nodes, by a plain recursive walk (the oracle); `skip` leaves a block's lines out. */
function fromNodes(top: readonly ConfigNode[], skip: (n: ConfigNode) => boolean = () => false) {
  const out: ReturnType<typeof factsOf>[] = [];
  const go = (n: ConfigNode, depth: number) => {
    out.push(factsOf({ ...pick(n), childContext: n.block?.childContext, opensBlock: n.block !== undefined, depth, args: n.args.map((a) => a.text) }));
    if (!skip(n)) for (const c of n.children) go(c, depth + 1);
  };
  for (const n of top) go(n, 0);
  return out;
}

function pick(n: ConfigNode) {
  return { kind: n.kind, name: n.name, context: n.context, known: n.known, spec: n.spec, rest: n.rest };
}

function fromWalker(top: readonly ConfigNode[], skip: (l: WalkedLine) => boolean = () => false) {
  const out: ReturnType<typeof factsOf>[] = [];
  const walker = new LineWalker();
  for (const n of top) {
    walker.walk(n, (l) => {
      const args = Array.from({ length: l.argCount() }, (_, i) => l.argText(i));
      out.push(factsOf({ kind: l.kind, name: l.name, context: l.context, known: l.known, spec: l.spec, rest: l.rest, childContext: l.childContext, opensBlock: l.opensBlock, depth: l.depth, args }));
      return !skip(l);
    });
  }
  return out;
}

const CONFIG = `global_defs {
  router_id lb1
  vrrp_garp_interval 0.001
}
vrrp_script chk {
  script "/usr/bin/test -f /x"
}
vrrp_instance VI_1 {
  state BACKUP
  interface eth0
  virtual_router_id 51
  priority 100
  virtual_ipaddress {
    10.0.0.1/24 dev eth0
    10.0.0.2/24
  }
  track_script {
    chk weight 0
  }
  bogus_keyword 1
  notify_master "/bin/echo a b"
  unicast_peer {
  }
}
virtual_server 10.0.0.1 80 {
  lb_algo rr
  real_server 10.0.1.1 80 {
    weight 1
    HTTP_GET {
      url {
        path /
        status_code 200
      }
    }
  }
  real_server 10.0.1.2 80 {
    TCP_CHECK {
      connect_timeout 3
    }
  }
}
vrrp_instance VI_2 {
  state MASTER
`;

describe("LineWalker", () => {
  it("hands over every line, in reading order, with what the line's node says", () => {
    const { ast } = parseText(CONFIG, "/k.conf");
    const walked = fromWalker(ast.children);
    expect(walked).toEqual(fromNodes(ast.children));
    // Read by hand, so that the oracle is not all there is: depths, an entry, an unknown keyword, an empty block, the unclosed last block.
    expect(walked.map((l) => `${l.depth} ${l.name}`).slice(9, 15)).toEqual(["1 priority", "1 virtual_ipaddress", "2 10.0.0.1/24", "2 10.0.0.2/24", "1 track_script", "2 chk"]);
    expect(walked.find((l) => l.name === "10.0.0.1/24")).toMatchObject({ kind: "entry", args: ["dev", "eth0"], context: "vrrp_instance.virtual_ipaddress" });
    expect(walked.find((l) => l.name === "bogus_keyword")).toMatchObject({ known: false, opensBlock: false, args: ["1"] });
    expect(walked.find((l) => l.name === "unicast_peer")).toMatchObject({ opensBlock: true, depth: 1 });
    expect(walked.find((l) => l.name === "url")).toMatchObject({ depth: 3, childContext: expect.stringContaining("url") });
    expect(walked.find((l) => l.name === "notify_master")?.rest).toContain("/bin/echo a b");
    expect(walked.at(-1)).toMatchObject({ name: "state", args: ["MASTER"], depth: 1 });
  });

  it("reads lines that came through includes as the nodes do", () => {
    const files = memoryFiles({
      "/a.conf": "include /b.conf\nvrrp_instance A {\n  include /c.conf\n  state MASTER\n}\n",
      "/b.conf": "global_defs {\n  router_id b\n}\n",
      "/c.conf": "priority 100\nvirtual_ipaddress {\n  10.0.0.9\n}\n",
    });
    const { ast } = readConfig(files, ["/a.conf"]);
    expect(fromWalker(ast.children)).toEqual(fromNodes(ast.children));
    expect(fromWalker(ast.children).map((l) => l.name)).toEqual(["global_defs", "router_id", "vrrp_instance", "priority", "virtual_ipaddress", "10.0.0.9", "state"]);
  });

  it("skips the lines of a block its visitor returns false for, and reads the blocks after it right", () => {
    const { ast } = parseText(CONFIG, "/k.conf");
    const skipped = ["virtual_ipaddress", "unicast_peer", "real_server", "global_defs"];
    const walked = fromWalker(ast.children, (l) => skipped.includes(l.name));
    expect(walked).toEqual(fromNodes(ast.children, (n) => skipped.includes(n.name)));
    expect(walked.map((l) => l.name)).not.toContain("HTTP_GET");
    expect(walked.filter((l) => l.name === "real_server")).toHaveLength(2);
    expect(walked.find((l) => l.name === "track_script")).toMatchObject({ opensBlock: true, childContext: "vrrp_instance.track_script" });
  });

  it("any text: the lines are those of the nodes", () => {
    const piece = fc.constantFrom(
      "vrrp_instance", "VI", "virtual_server", "10.0.0.1", "80", "real_server", "weight", "HTTP_GET", "url", "{", "}", '"', "#", "!",
      "$A", "$A=x", "@id", "include x.conf", "\n", " ", "virtual_ipaddress", "track_script", "notify", "bogus",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 0, max: 3 }), (pieces, skipAt) => {
        const text = pieces.join("");
        const { ast } = parseText(text, "/k.conf", {}, memoryFiles({ "/k.conf": text, "/x.conf": "global_defs {\n router_id a\n}\n" }));
        expect(fromWalker(ast.children)).toEqual(fromNodes(ast.children));
        // Skipping the blocks opened at one depth.
        expect(fromWalker(ast.children, (l) => l.depth === skipAt)).toEqual(fromNodes(ast.children, (n) => depthOf(n) === skipAt));
      }),
      { numRuns: 300 },
    );
  });

  it("walks a tree of plain ConfigNode objects (not the reader's) the same way", () => {
    const { ast } = parseText(CONFIG, "/k.conf");
    // Plain copies: what a caller building nodes itself would hand over.
    const copy = (n: ConfigNode, parent?: ConfigNode): ConfigNode => {
      const c: ConfigNode = { kind: n.kind, name: n.name, keyword: n.keyword, args: n.args, context: n.context, known: n.known, spec: n.spec, block: n.block, children: [], parent, rest: n.rest, file: n.file, start: n.start, end: n.end };
      c.children = n.children.map((k) => copy(k, c));
      return c;
    };
    const plain = ast.children.map((n) => copy(n));
    expect(fromWalker(plain)).toEqual(fromNodes(ast.children));
    expect(fromWalker(plain, (l) => l.name === "real_server")).toEqual(fromNodes(ast.children, (n) => n.name === "real_server"));
    const walker = new LineWalker();
    const got: ConfigNode[] = [];
    walker.walk(plain[2]!, (l) => {
      if (l.name === "priority") got.push(l.node, l.sibling(1), l.parent!);
    });
    expect(got).toEqual([plain[2]!.children[3], plain[2]!.children[0], plain[2]]);
    expect(got[1]).toBe(plain[2]!.children[0]);
  });

  it("makes a line's node as the tree's own object, whoever asks first", () => {
    // The walk first: the nodes it makes are the ones the tree's children lists then hold.
    const first = parseText(CONFIG, "/k.conf").ast;
    const made: ConfigNode[] = [];
    const parents: (ConfigNode | undefined)[] = [];
    const walker = new LineWalker();
    for (const n of first.children) {
      walker.walk(n, (l) => {
        if (l.name === "status_code" || l.name === "chk" || l.name === "lb_algo") {
          made.push(l.node);
          parents.push(l.parent);
        }
      });
    }
    const vi = first.children[2]!;
    const vs = first.children[3]!;
    const url = vs.children[1]!.children[1]!.children[0]!;
    expect(made).toEqual([vi.children[5]!.children[0], vs.children[0], url.children[1]]);
    expect(made[0]).toBe(vi.children[5]!.children[0]);
    expect(made[2]).toBe(url.children[1]);
    expect(parents[2]).toBe(url);
    expect(made[2]!.parent).toBe(url);
    // The children first: the walk hands over the same objects.
    const second = parseText(CONFIG, "/k.conf").ast;
    const all: ConfigNode[] = [];
    const collect = (ns: readonly ConfigNode[]) => ns.forEach((n) => (all.push(n), collect(n.children)));
    collect(second.children);
    const walkedNodes: ConfigNode[] = [];
    for (const n of second.children) walker.walk(n, (l) => void walkedNodes.push(l.node));
    expect(walkedNodes).toHaveLength(all.length);
    walkedNodes.forEach((n, i) => expect(n).toBe(all[i]));
  });

  it("finds an earlier line of the same block by its place in the walk", () => {
    const { ast } = parseText("vrrp_instance VI {\n  state BACKUP\n  virtual_ipaddress {\n    10.0.0.1\n  }\n  priority 100\n  state MASTER\n}\n", "/k.conf");
    const walker = new LineWalker();
    const seen = new Map<string, number>();
    let found: ConfigNode | undefined;
    let refused: unknown;
    walker.walk(ast.children[0]!, (l) => {
      if (l.name === "state" && seen.has("state")) found = l.sibling(seen.get("state")!);
      if (l.name === "priority") {
        try {
          l.sibling(seen.get("10.0.0.1")!);
        } catch (e) {
          refused = e;
        }
      }
      if (!seen.has(l.name)) seen.set(l.name, l.at);
    });
    expect(found).toBe(ast.children[0]!.children[0]);
    expect(found?.args[0]?.text).toBe("BACKUP");
    // A line of another block is not a sibling.
    expect(refused).toBeInstanceOf(Error);
  });
});

function depthOf(n: ConfigNode): number {
  let d = 0;
  for (let p = n.parent; p; p = p.parent) d++;
  return d;
}
