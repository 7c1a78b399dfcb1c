// What keepalived's checker derives from a virtual_server block (check/check_data.c validate_check_config()).
import type { ConfigNode } from "../../grammar/ast.js";
import type { RealServer, VirtualServer } from "../../src/model/model.js";
import { intOf } from "../../src/model/model.js";

/** "virtual_server 10.0.0.1 80" → "10.0.0.1 80"; fwmark/group servers by their kind and name. */
export function vsLabel(vs: VirtualServer): string {
  return `virtual_server ${vs.node.args.map((a) => a.text).join(" ")}`.trim();
}

/** Is this an address/port virtual server (not `fwmark N` / `group NAME`)? */
export function isAddressServer(vs: VirtualServer): boolean {
  const first = vs.node.args[0]?.text;
  return first !== undefined && first !== "fwmark" && first !== "group";
}

/** The last occurrence of any of the keywords in a block (aliases: lb_kind / lvs_method). */
export function lastOf(node: ConfigNode, names: string[]): ConfigNode | undefined {
  let found: ConfigNode | undefined;
  for (const c of node.children) if (c.kind === "keyword" && names.includes(c.name)) found = c;
  return found;
}

/** Forwarding method of a real server: its own lvs_method, else the virtual server's lb_kind/lvs_method, else NAT. */
export function forwardingOf(vs: VirtualServer, rs: RealServer): string {
  return (lastOf(rs.node, ["lvs_method"]) ?? lastOf(vs.node, ["lb_kind", "lvs_method"]))?.args[0]?.text ?? "NAT";
}

/** A real server's weight: its own `weight`, else the virtual server's, else 1; undefined when not a number. */
export function weightOf(vs: VirtualServer, rs: RealServer): number | undefined {
  const node = rs.settings.get("weight") ?? vs.settings.get("weight");
  return node ? intOf(node.args[0]) : 1;
}

/** The sum keepalived compares quorum with, or undefined when a weight is not a plain number. */
export function weightSum(vs: VirtualServer): number | undefined {
  let sum = 0;
  for (const rs of vs.realServers) {
    const w = weightOf(vs, rs);
    if (w === undefined) return undefined;
    sum += w;
  }
  return sum;
}
