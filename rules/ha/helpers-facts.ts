/**
 * Small helpers several HA rules share: tracker keyword names, IP parsing of
 * `addr/len`, message wording. The facts keepalived derives (address family,
 * VRRP version, strict mode, effective nopreempt, tracker weights) live in the
 * model (src/model/model.ts); rules read them there and never re-derive them.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { parseIp, type IpAddress } from "../../grammar/schema/index.js";
import type { TrackKind, Tracker, VrrpInstance } from "../../src/model/model.js";

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

/** The trackers whose weight changes the instance's priority (its own and, with sync_group_tracking_weight, the group's). */
export function weightedTrackers(inst: VrrpInstance): Tracker[] {
  return inst.trackers.filter((t) => t.weight !== 0);
}

/** Sign-prefixed weight for messages. */
export function signed(n: number): string {
  return n > 0 ? `+${n}` : `${n}`;
}

/**
 * Does the block hold `@id` lines whose fate depends on the config id? Without
 * a config id to lint for, rules that conclude from something being absent
 * (no peers, no real servers) stay silent on such blocks.
 */
export function hasConditionalLines(node: ConfigNode, files: ReadonlyMap<string, { text: string }>, configId: string | undefined): boolean {
  if (configId !== undefined) return false;
  // A configuration of one file (most, and the editor's): no need to ask the node for its file.
  const file = files.size === 1 ? files.values().next().value : files.get(node.file);
  if (file === undefined) return true;
  // Rules ask per instance: a file without '@' answers them all without a slice of each block.
  if (!hasAt(file)) return false;
  const block = file.text.slice(node.start, node.end);
  // indexOf first: most blocks have no '@' at all, and a multiline regex tries every line start.
  return block.includes("@") && /^[ \t]*@/m.test(block);
}

/** Does any file of the configuration have `@id` lines (when no config id is given)? */
export function configHasConditionals(files: ReadonlyMap<string, { text: string }>, configId: string | undefined): boolean {
  if (configId !== undefined) return false;
  for (const f of files.values()) if (hasAt(f) && /^[ \t]*@/m.test(f.text)) return true;
  return false;
}

/** Does the file's text have an '@' anywhere (per file object: the rules of one lint ask again and again)? */
const filesWithAt = new WeakMap<object, boolean>();
function hasAt(file: { text: string }): boolean {
  let has = filesWithAt.get(file);
  if (has === undefined) filesWithAt.set(file, (has = file.text.includes("@")));
  return has;
}
