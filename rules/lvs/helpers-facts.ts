// Naming helpers for the LVS rules; what keepalived derives (forwarding method, weights, their sum) is in the model.
import type { VirtualServer } from "../../src/model/model.js";

/** "virtual_server 10.0.0.1 80" → "10.0.0.1 80"; fwmark/group servers by their kind and name. */
export function vsLabel(vs: VirtualServer): string {
  return `virtual_server ${vs.node.args.map((a) => a.text).join(" ")}`.trim();
}

/** Is this an address/port virtual server (not `fwmark N` / `group NAME`)? */
export function isAddressServer(vs: VirtualServer): boolean {
  const first = vs.node.args[0]?.text;
  return first !== undefined && first !== "fwmark" && first !== "group";
}
