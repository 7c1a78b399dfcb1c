/**
 * Two objects of one kind with the same name. keepalived rejects a second
 * vrrp_instance, vrrp_sync_group, track_group or bfd_instance of the same
 * name ("already defined") and ignores it; for scripts, track files and
 * processes every reference finds the first one only, so the second is dead.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { keywordOf } from "../../grammar/schema/index.js";
import { argCount, argTextOf } from "../../grammar/tree.js";
import { defineRule, lineOfRelated, type RuleContext } from "../../src/engine/rule.js";
import { FirstPerBlock } from "./helpers-blocks.js";

export default defineRule({
  meta: {
    id: "duplicate-name",
    severity: "error",
    category: "schema",
    description: "Two vrrp_instance, vrrp_script, virtual_server, … blocks with the same name",
    fixable: false,
    // Real servers are compared inside their virtual_server; the named top-level blocks across blocks.
    scope: "block",
  },
  create(ctx) {
    // Real servers are compared within their virtual_server: the walk hands over one's real servers before the next one's.
    // Within one, the address and port are the whole key, and only the first line of each is kept: a large LVS
    // estate has tens of thousands of real servers, and a key and a record for each were most of this rule's memory.
    const seen = new FirstPerBlock<ConfigNode>();
    let block: ConfigNode | undefined;
    return {
      keywords: {
        real_server(node) {
          if (node.parent !== block) seen.startBlock();
          block = node.parent;
          if (node.kind !== "keyword" || !node.known || argCount(node) === 0) return;
          const service = serviceOf(node);
          const first = seen.get(service);
          if (first === undefined) seen.set(service, node);
          else reportSecond(ctx, first, node);
        },
      },
    };
  },
  // Every keyword that names an object is a top-level one (the schema's `defines`, and virtual_server):
  // the editor keeps each block's name and compares the names alone after an edit.
  gather(ctx) {
    return { facts: () => ctx.ast.children.map(namedBy).filter((n) => n !== undefined) };
  },
  // The same names in the same order: the same verdict.
  sameFacts(a, b) {
    const x = a as Named[];
    const y = b as Named[];
    return x.length === y.length && x.every((n, i) => n.key === y[i].key);
  },
  acrossBlocks(ctx, gathered) {
    const seen = new Map<string, Named>();
    for (const names of gathered as (Named[] | undefined)[]) for (const named of names ?? []) judge(ctx, seen, named);
  },
});

/** A line that names an object: what it names (kind and name, or service). */
interface Named {
  node: ConfigNode;
  key: string;
}

/** The name a top-level line gives an object, as a key (real servers are compared in create()). */
function namedBy(node: ConfigNode): Named | undefined {
  if (node.kind !== "keyword" || !node.known) return undefined;
  // Args read as texts: Word objects would be kept to the end of the lint.
  const spec = keywordOf(node);
  if (!spec?.defines && node.name !== "virtual_server") return undefined;
  if (argCount(node) === 0) return undefined;
  // vrrp_track_file and track_file name the same kind of object.
  if (spec?.defines) return { node, key: `${spec.defines}\0${argTextOf(node, 0)}` };
  // The same address and port with another protocol is another service (DNS over TCP and UDP).
  return { node, key: `virtual_server\0${serviceOf(node)}\0${protocolOf(node)}` };
}

/** A virtual server's protocol as keepalived compares it ("" when it sets none). */
function protocolOf(node: ConfigNode): string {
  const lines = node.children;
  for (let i = 0; i < lines.length; i++) if (lines[i].name === "protocol") return argTextOf(lines[i], 0)?.toUpperCase() ?? "";
  return "";
}

/** A virtual or real server's address and port as written. */
function serviceOf(node: ConfigNode): string {
  let service = "";
  for (let i = 0, n = argCount(node); i < n; i++) service += i === 0 ? argTextOf(node, i) : ` ${argTextOf(node, i)}`;
  return service;
}

/** How a finding names the object: `vrrp_instance "VI_1"`, `real_server 10.0.0.1 80` (made only for a finding). */
function whatOf(node: ConfigNode): string {
  return keywordOf(node)?.defines ? `${node.name} "${argTextOf(node, 0)}"` : `${node.name} ${serviceOf(node)}`;
}

/** Reports `named` when `seen` has an object of its kind and name; else it is the first. */
function judge(ctx: RuleContext, seen: Map<string, Named>, named: Named): void {
  const first = seen.get(named.key);
  if (!first) seen.set(named.key, named);
  else reportSecond(ctx, first.node, named.node);
}

/** `node` names what `earlier` named first. */
function reportSecond(ctx: RuleContext, earlier: ConfigNode, node: ConfigNode): void {
  // The earlier line's number is filled in when the findings are finished (lines above the block may change).
  const where = earlier.file === node.file ? lineOfRelated(0, earlier.file) : earlier.file;
  ctx.report({
    at: node.args[0]!,
    message: `${whatOf(node)} is already defined on ${where}; keepalived ${effect(node.name)}`,
    hint: "rename one of them, or merge them into one block",
    related: [{ span: earlier.args[0]!, message: "first defined here" }],
    ...(node.name === "virtual_server" && { severity: "warning" as const }),
  });
}

function effect(keyword: string): string {
  switch (keyword) {
    case "vrrp_instance":
    case "vrrp_sync_group":
    case "track_group":
    case "bfd_instance":
      return "reports it and ignores the second block";
    case "real_server":
      return "removes the second real_server";
    case "virtual_server":
      return "does not report it, but IPVS holds one service per address, port and protocol, so the two blocks configure the same service";
    default:
      return "resolves every reference to the first one, so the second is never used";
  }
}
