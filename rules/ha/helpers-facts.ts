/**
 * Facts about VRRP instances that several HA rules need and that keepalived
 * derives at the end of vrrp_complete_instance(): the address family, the
 * effective VRRP version and strict mode, tracker keyword names.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { FLAGS_READ_AS_BOOLEANS } from "../../grammar/schema/changes.js";
import { isBefore, parseIp, type IpAddress } from "../../grammar/schema/index.js";
import type { TrackKind, Tracker, VrrpInstance } from "../../src/model/model.js";
import type { LintSettings } from "../../src/engine/rule.js";

export const TRACK_KEYWORD: Record<TrackKind, string> = {
  script: "track_script",
  interface: "track_interface",
  file: "track_file",
  process: "track_process",
  bfd: "track_bfd",
};

/** The IP address of `addr[/len]`, or undefined. */
export function ipOf(text: string): IpAddress | undefined {
  return parseIp(text.split("/")[0] ?? "");
}

/** One line that sets (or must match) the instance's address family, in file order. */
export interface FamilyLine {
  node: ConfigNode;
  /** The word holding the address (keyword word for entries). */
  family: 4 | 6;
  what: string;
}

/**
 * Lines that take part in keepalived's address-family decision, in the order
 * keepalived reads them: the first one sets the instance family, later ones of
 * the other family are skipped (vrrp_parser.c srcip/mcast_dst handlers,
 * vrrp_data.c alloc_vrrp_vip / alloc_unicast_peer).
 */
export function familyLines(inst: VrrpInstance): FamilyLine[] {
  const out: FamilyLine[] = [];
  for (const c of inst.node.children) {
    if (c.kind !== "keyword") continue;
    if (c.name === "unicast_src_ip" || c.name === "mcast_src_ip" || c.name === "mcast_dst_ip") {
      const ip = c.args[0] && ipOf(c.args[0].text);
      if (ip) out.push({ node: c, family: ip.family, what: `${c.name} ${c.args[0]!.text}` });
    } else if ((c.name === "virtual_ipaddress" || c.name === "unicast_peer") && c.block) {
      for (const e of c.children) {
        const ip = ipOf(e.keyword.text);
        if (ip) out.push({ node: e, family: ip.family, what: `${c.name === "unicast_peer" ? "unicast peer" : "virtual address"} ${e.keyword.text}` });
      }
    }
  }
  return out;
}

/** The instance's address family as keepalived settles it (IPv4 when nothing says). */
export function familyOf(inst: VrrpInstance): 4 | 6 {
  return familyLines(inst)[0]?.family ?? 4;
}

/** VRRP version in effect: instance `version`, else 3 for IPv6, else global `vrrp_version`, else 2. */
export function versionOf(inst: VrrpInstance, globalDefs: Map<string, ConfigNode>): number {
  const own = inst.settings.get("version")?.args[0]?.text;
  if (own === "2" || own === "3") return Number(own);
  if (familyOf(inst) === 6) return 3;
  const global = globalDefs.get("vrrp_version")?.args[0]?.text;
  return global === "3" ? 3 : 2;
}

/**
 * Is strict mode on for the instance? keepalived before 2.3.0 reads `vrrp_strict`
 * as a flag, so any argument (even "off") turns it on there.
 */
export function isStrict(inst: VrrpInstance, globalDefs: Map<string, ConfigNode>, settings: LintSettings): boolean {
  const own = inst.settings.get("strict_mode");
  if (own) return isOn(own);
  const global = globalDefs.get("vrrp_strict");
  if (!global) return false;
  return isBefore(settings.targetVersion, FLAGS_READ_AS_BOOLEANS) || isOn(global);
}

function isOn(node: ConfigNode): boolean {
  const v = node.args[0]?.text;
  return v === undefined || ["on", "true", "yes"].includes(v);
}

/** The trackers whose weight changes the instance's priority (its own and, with sync_group_tracking_weight, the group's). */
export function weightedTrackers(inst: VrrpInstance): Tracker[] {
  return inst.trackers.filter((t) => t.weight !== 0);
}

/** Sign-prefixed weight for messages. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : `${n}`;
}

/** The line number of a span, for "defined at line N" texts. */
export function lineOf(files: ReadonlyMap<string, { position(offset: number): { line: number } }>, node: { file: string; start: number }): number | undefined {
  return files.get(node.file)?.position(node.start).line;
}

/**
 * Does the block hold `@id` lines whose fate depends on the config id? Without
 * a config id to lint for, rules that conclude from something being absent
 * (no peers, no real servers) stay silent on such blocks.
 */
export function hasConditionalLines(node: ConfigNode, files: ReadonlyMap<string, { text: string }>, configId: string | undefined): boolean {
  if (configId !== undefined) return false;
  const text = files.get(node.file)?.text;
  if (text === undefined) return true;
  return /^[ \t]*@/m.test(text.slice(node.start, node.end));
}

/** Does any file of the configuration have `@id` lines (when no config id is given)? */
export function configHasConditionals(files: ReadonlyMap<string, { text: string }>, configId: string | undefined): boolean {
  if (configId !== undefined) return false;
  for (const f of files.values()) if (/^[ \t]*@/m.test(f.text)) return true;
  return false;
}
