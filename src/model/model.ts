/**
 * The semantic model: the objects keepalived builds from the AST (VRRP
 * instances with their effective priority/state/preemption, scripts and other
 * tracked objects with their effective weights, sync groups, virtual servers),
 * each pointing back at the nodes the user wrote. Rules and the cluster model
 * read this instead of re-walking the AST.
 */
import { FLAGS_READ_AS_BOOLEANS } from "../../grammar/schema/changes.js";
import { isBefore, resolveTarget } from "../../grammar/schema/versions.js";
import type { ConfigAst, ConfigNode, WalkedLine, Word } from "../../grammar/ast.js";
import type { TargetVersion } from "../../grammar/reader.js";
import { argTextOf, LineWalker } from "../../grammar/tree.js";
import { getContext, parseEntryLine, parseIp } from "../../grammar/schema/index.js";

export type TrackKind = "script" | "interface" | "file" | "process" | "bfd";

/** One `track_*` entry of an instance or sync group. */
export interface Tracker {
  kind: TrackKind;
  name: string;
  /** The entry line inside the track_* block. */
  node: ConfigNode;
  /** `weight N` written on the tracker line. */
  weightWord?: Word;
  /** The definition of the tracked object (vrrp_script, track_file, …), when defined earlier. */
  definition?: TrackedObject;
  /** Weight keepalived uses: tracker's, else the definition's, else the kind's default. */
  weight: number;
  /** Where the effective weight was written (tracker line or definition), if anywhere. */
  weightFrom: "tracker" | "definition" | "default";
  reverse: boolean;
  /** Was the object defined before this use (keepalived resolves references while parsing)? */
  definedBefore: boolean;
}

/** A vrrp_script, track_file, vrrp_track_process or bfd_instance definition. */
export interface TrackedObject {
  kind: TrackKind;
  name: string;
  node: ConfigNode;
  weight?: number;
  weightNode?: ConfigNode;
  /** Keywords of the block by name (last one wins, as in keepalived). */
  settings: Map<string, ConfigNode>;
}

export interface VirtualAddress {
  node: ConfigNode;
  address: string;
  family: 4 | 6 | undefined;
}

/** A line that sets (or must match) an instance's address family, in file order. */
export interface FamilyLine {
  node: ConfigNode;
  family: 4 | 6;
  /** How messages name it: "virtual address 10.0.0.1", "unicast_src_ip fe80::1". */
  what: string;
}

export interface VrrpInstance {
  name: string;
  node: ConfigNode;
  /** Settings by keyword (last occurrence). */
  settings: Map<string, ConfigNode>;
  state: "MASTER" | "BACKUP";
  stateNode?: ConfigNode;
  /** Priority as keepalived computes it: written value, else 255 for state MASTER, else 100. */
  priority: number;
  priorityNode?: ConfigNode;
  nopreempt?: ConfigNode;
  preemptDelay?: ConfigNode;
  vrid?: number;
  vridNode?: ConfigNode;
  interface?: string;
  vips: VirtualAddress[];
  excludedVips: VirtualAddress[];
  unicastPeers: VirtualAddress[];
  trackers: Tracker[];
  syncGroup?: SyncGroup;
  /**
   * Lines taking part in keepalived's address-family decision, in the order it
   * reads them: the first sets the family, later ones of the other family are
   * skipped (vrrp_parser.c srcip/mcast_dst handlers, vrrp_data.c alloc_vrrp_vip).
   */
  familyLines: FamilyLine[];
  /** The address family keepalived settles on: the first family line's, else IPv6 with native_ipv6, else IPv4. */
  family: 4 | 6;
  /**
   * VRRP version in effect: 3 for IPv6 (keepalived forces it: "cannot use IPv6
   * with VRRP version 2; setting version 3"), else the instance's `version`,
   * else global_defs `vrrp_version`, else 2.
   */
  version: 2 | 3;
  /** Strict mode in effect: the instance's strict_mode, else global vrrp_strict (before 2.3.0 keepalived reads any argument, even "off", as on). */
  strict: boolean;
  /** nopreempt in effect: written, and not cleared by state MASTER or priority 255. */
  nopreemptInEffect: boolean;
}

export interface SyncGroup {
  name: string;
  node: ConfigNode;
  settings: Map<string, ConfigNode>;
  members: { name: string; word: Word; instance?: VrrpInstance }[];
  trackers: Tracker[];
  trackingWeight: boolean;
}

export interface RealServer {
  node: ConfigNode;
  address?: string;
  port?: string;
  settings: Map<string, ConfigNode>;
  checkers: ConfigNode[];
  /** checkers.length, without making the list (its lines' nodes). */
  checkerCount: number;
  /** Forwarding method: its own lvs_method, else the virtual server's lb_kind/lvs_method, else NAT. */
  forwarding: string;
  /** Its own `weight`, else the virtual server's, else 1; undefined when not a number. */
  weight: number | undefined;
}

export interface VirtualServer {
  node: ConfigNode;
  settings: Map<string, ConfigNode>;
  realServers: RealServer[];
  /** The sum of the real servers' weights keepalived compares quorum with; undefined when a weight is not a number. */
  weightSum: number | undefined;
}

export interface ConfigModel {
  globalDefs: Map<string, ConfigNode>;
  instances: VrrpInstance[];
  instancesByName: Map<string, VrrpInstance>;
  syncGroups: SyncGroup[];
  /** Tracked-object definitions by kind, then name (first definition kept, as keepalived warns on duplicates). */
  objects: Record<TrackKind, Map<string, TrackedObject>>;
  virtualServers: VirtualServer[];
}

/**
 * A real server's checker blocks: the blocks a real_server opens, as the
 * schema has them (every one is a checker). A set, asked of every line of
 * every real server.
 */
const CHECKERS: ReadonlySet<string> = new Set(
  [...(getContext("virtual_server.real_server")?.keywords.values() ?? [])].filter((k) => k.childContext !== undefined).map((k) => k.name),
);

/** Is the line (a node, or a line read in place) one of a real server's checker blocks? */
function isChecker(line: Pick<ConfigNode, "known" | "name">): boolean {
  return line.known && CHECKERS.has(line.name);
}

/** Default weight of a tracker when neither the tracker nor the definition sets one. */
const DEFAULT_WEIGHT: Record<TrackKind, number> = { script: 0, interface: 0, file: 1, process: 0, bfd: 0 };

const DEFINING: Record<string, TrackKind> = {
  vrrp_script: "script",
  track_file: "file",
  vrrp_track_file: "file",
  vrrp_track_process: "process",
  bfd_instance: "bfd",
};

const TRACK_BLOCKS: Record<string, TrackKind> = {
  track_script: "script",
  track_interface: "interface",
  track_file: "file",
  track_process: "process",
  track_bfd: "bfd",
};

export function settingsOf(node: ConfigNode): Map<string, ConfigNode> {
  const m = new Map<string, ConfigNode>();
  for (const c of node.children) if (c.kind === "keyword") m.set(c.name, c);
  return m;
}

/** keepalived's strtol-style integer, or undefined. */
export function intOf(w: Word | undefined): number | undefined {
  return intOfText(w?.text);
}

/** intOf() of a word's text. */
function intOfText(text: string | undefined): number | undefined {
  const t = text?.trim();
  if (t === undefined || !/^[+-]?\d+$/.test(t)) return undefined;
  return Number.parseInt(t, 10);
}

export function addressFamily(text: string): 4 | 6 | undefined {
  const a = text.split("/")[0];
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(a)) return 4;
  if (a.includes(":") && /^[0-9a-fA-F:.]+$/.test(a)) return 6;
  return undefined;
}

/** Builds the model of one configuration, in keepalived's load order. */
export interface ModelOptions {
  /** keepalived version the configuration is for (some facts differ: vrrp_strict's argument). */
  targetVersion?: TargetVersion;
}

/**
 * Each top-level block's own part of the model, kept between builds of trees
 * that share unchanged blocks (the editor's incremental lint keeps a block's
 * nodes while it does not change): tracked-object definitions and virtual
 * servers depend only on their block; an instance also on global_defs'
 * vrrp_strict and vrrp_version and on which definitions its trackers find,
 * and is built again when one of those changed.
 */
export class ModelCache {
  readonly objects = new WeakMap<ConfigNode, TrackedObject>();
  readonly instances = new WeakMap<ConfigNode, { instance: VrrpInstance; strict: boolean; version: 2 | 3 }>();
  readonly virtualServers = new WeakMap<ConfigNode, VirtualServer>();
}

/** A top-level block the model reads: its name, and its index among the top-level nodes. */
export interface PickedTop {
  node: ConfigNode;
  name: string;
  index: number;
}

/** The top-level nodes the model reads (known global_defs, sync groups, instances, virtual servers, tracked objects), in order. */
export function pickTop(children: readonly ConfigNode[]): PickedTop[] {
  const out: PickedTop[] = [];
  for (let index = 0; index < children.length; index++) {
    const node = children[index];
    if (!node.known) continue;
    const name = node.name;
    if (name === "global_defs" || name === "vrrp_sync_group" || name === "vrrp_instance" || name === "virtual_server" || DEFINING[name] !== undefined) out.push({ node, name, index });
  }
  return out;
}

/**
 * The model of a configuration. `tops`: pickTop() of its top level when the
 * caller has it (the editor puts it together from each block's).
 */
export function buildModel(ast: ConfigAst, options: ModelOptions = {}, cache?: ModelCache, tops?: readonly PickedTop[]): ConfigModel {
  const model: ConfigModel = {
    globalDefs: new Map(),
    instances: [],
    instancesByName: new Map(),
    syncGroups: [],
    objects: { script: new Map(), interface: new Map(), file: new Map(), process: new Map(), bfd: new Map() },
    virtualServers: [],
  };
  // The blocks the model reads, picked out of the top level in one pass (the editor keeps each block's
  // picks: at 50,000 lines each question to a node is a read of the store); the rest goes over those alone.
  // `order` answers "defined before this use?" for them.
  const order = new Map<ConfigNode, number>();
  const picked: PickedTop[] = [];
  const syncGroups: ConfigNode[] = [];
  for (const { node: top, name, index } of tops ?? pickTop(ast.children)) {
    if (name === "global_defs") for (const [k, v] of settingsOf(top)) model.globalDefs.set(k, v);
    else if (name === "vrrp_sync_group") syncGroups.push(top);
    order.set(top, index);
    if (name !== "vrrp_sync_group" && name !== "global_defs") picked.push({ node: top, name, index });
  }
  const { strict: globalStrict, version: globalVersion } = globalsOf(model, options);
  const lookups = lookupsOf(model, order);

  // Names from the picks: a view's name is a read of its store.
  for (const { node: top, name: topName } of picked) {
    const kind = DEFINING[topName];
    if (kind) {
      const name = top.args[0]?.text;
      if (name === undefined || model.objects[kind].has(name)) continue;
      let object = cache?.objects.get(top);
      if (!object) {
        const settings = settingsOf(top);
        const weightNode = settings.get("weight");
        object = { kind, name, node: top, settings, weightNode, weight: intOf(weightNode?.args[0]) };
        cache?.objects.set(top, object);
      }
      model.objects[kind].set(name, object);
    } else if (topName === "vrrp_instance") {
      const kept = cache?.instances.get(top);
      let inst: VrrpInstance;
      if (kept && kept.strict === globalStrict && kept.version === globalVersion && trackersFindTheSame(kept.instance.trackers, model)) {
        inst = kept.instance;
        // Sync groups are built below, each time.
        inst.syncGroup = undefined;
      } else {
        inst = instanceOf(top, lookups, globalStrict, globalVersion);
        cache?.instances.set(top, { instance: inst, strict: globalStrict, version: globalVersion });
      }
      model.instances.push(inst);
      if (!model.instancesByName.has(inst.name)) model.instancesByName.set(inst.name, inst);
    } else {
      let vs = cache?.virtualServers.get(top);
      if (!vs) {
        vs = virtualServerOf(top);
        cache?.virtualServers.set(top, vs);
      }
      model.virtualServers.push(vs);
    }
  }
  for (const top of syncGroups) model.syncGroups.push(syncGroupOf(top, model, lookups));
  return model;
}

/**
 * The model after an edit that replaced the top-level blocks `removed` by
 * `fresh`, made from the model before it (`before`, of the same options
 * and cache) rather than anew: at 50,000 lines a build visits ~4,000
 * blocks, a cache miss or more each, where typing changes one. Only when
 * the edit replaced instances and virtual servers by as many of the same
 * kinds (typing inside them), in a configuration read as one file in
 * document order (the editor's chunks), so that an offset is a load order;
 * undefined otherwise (build it anew). The result equals buildModel's
 * (test/engine/incremental.test.ts compares them after seeded edits).
 */
export function patchModel(before: ConfigModel, removed: readonly PickedTop[], fresh: readonly PickedTop[], options: ModelOptions = {}, cache?: ModelCache): ConfigModel | undefined {
  if (removed.length !== fresh.length || removed.length === 0) return undefined;
  for (let i = 0; i < removed.length; i++) {
    const kind = removed[i].name;
    if ((kind !== "vrrp_instance" && kind !== "virtual_server") || fresh[i].name !== kind) return undefined;
  }
  const { strict: globalStrict, version: globalVersion } = globalsOf(before, options);
  // The lists and the name map the edit changes are replaced below, not changed in place (only the
  // instances' syncGroup is set anew, as buildModel does with the instances it keeps).
  const model: ConfigModel = { ...before, syncGroups: [] };
  const oldInstances: VrrpInstance[] = [];
  const newInstances: VrrpInstance[] = [];
  const oldServers: VirtualServer[] = [];
  const newServers: VirtualServer[] = [];
  for (let i = 0; i < removed.length; i++) {
    const top = fresh[i].node;
    if (fresh[i].name === "vrrp_instance") {
      const old = before.instances.find((inst) => inst.node === removed[i].node);
      if (!old) return undefined;
      // A tracker finds the first definition of its name, if that is read before the instance.
      const lookups: Lookups = {
        definition: (kind, name) => {
          const d = before.objects[kind].get(name);
          return d && d.node.start < top.start ? d : undefined;
        },
        order: (node) => node.start,
      };
      const inst = instanceOf(top, lookups, globalStrict, globalVersion);
      cache?.instances.set(top, { instance: inst, strict: globalStrict, version: globalVersion });
      oldInstances.push(old);
      newInstances.push(inst);
    } else {
      const old = before.virtualServers.find((vs) => vs.node === removed[i].node);
      if (!old) return undefined;
      let vs = cache?.virtualServers.get(top);
      if (!vs) {
        vs = virtualServerOf(top);
        cache?.virtualServers.set(top, vs);
      }
      oldServers.push(old);
      newServers.push(vs);
    }
  }
  if (newInstances.length > 0) {
    model.instances = replaced(before.instances, oldInstances, newInstances);
    if (oldInstances.every((old, i) => old.name === newInstances[i].name)) {
      model.instancesByName = new Map(before.instancesByName);
      oldInstances.forEach((old, i) => {
        if (before.instancesByName.get(old.name) === old) model.instancesByName.set(old.name, newInstances[i]);
      });
    } else {
      model.instancesByName = new Map();
      for (const inst of model.instances) if (!model.instancesByName.has(inst.name)) model.instancesByName.set(inst.name, inst);
    }
  }
  if (newServers.length > 0) model.virtualServers = replaced(before.virtualServers, oldServers, newServers);
  if (before.syncGroups.length > 0) {
    // Groups are built each time (they set their members' syncGroup).
    for (const inst of model.instances) inst.syncGroup = undefined;
    const lookups: Lookups = { definition: (kind, name) => model.objects[kind].get(name), order: (node) => node.start };
    for (const g of before.syncGroups) model.syncGroups.push(syncGroupOf(g.node, model, lookups));
  }
  return model;
}

/** `list` with each of `old` (in it, in order) replaced by the entry of `now` at the same place in the lists. */
function replaced<T>(list: readonly T[], old: readonly T[], now: readonly T[]): T[] {
  const out = list.slice();
  let from = 0;
  for (let i = 0; i < old.length; i++) {
    from = out.indexOf(old[i], from);
    out[from] = now[i];
  }
  return out;
}

/** global_defs' vrrp_strict and vrrp_version, as every instance reads them. */
function globalsOf(model: ConfigModel, options: ModelOptions): { strict: boolean; version: 2 | 3 } {
  const strictNode = model.globalDefs.get("vrrp_strict");
  const strict = strictNode !== undefined && (isBefore(resolveTarget(options.targetVersion), FLAGS_READ_AS_BOOLEANS) || isOn(strictNode));
  return { strict, version: model.globalDefs.get("vrrp_version")?.args[0]?.text === "3" ? 3 : 2 };
}

/** Do the trackers find the definitions they found when they were built (the definitions read so far, as then)? */
function trackersFindTheSame(trackers: readonly Tracker[], model: ConfigModel): boolean {
  for (const t of trackers) if (t.kind !== "interface" && model.objects[t.kind].get(t.name) !== t.definition) return false;
  return true;
}

function isOn(node: ConfigNode | undefined): boolean {
  if (!node) return false;
  const v = node.args[0]?.text;
  return v === undefined || ["on", "true", "yes"].includes(v);
}

/**
 * What building an instance or sync group asks of the rest of the model:
 * the definition a tracker finds (among those read before its owner, as
 * keepalived's reader had them then), and where a node is in load order.
 */
interface Lookups {
  definition(kind: Exclude<TrackKind, "interface">, name: string): TrackedObject | undefined;
  order(node: ConfigNode): number | undefined;
}

/** The lookups of buildModel's pass: the definitions read so far, the picks' order. */
function lookupsOf(model: ConfigModel, order: Map<ConfigNode, number>): Lookups {
  return { definition: (kind, name) => model.objects[kind].get(name), order: (node) => order.get(node) };
}

function instanceOf(
  node: ConfigNode, model: Lookups, globalStrict: boolean, globalVersion: 2 | 3,
): VrrpInstance {
  const settings = settingsOf(node);
  // keepalived ignores "state BACKUP" after "state MASTER"; an unknown state means BACKUP.
  let state: "MASTER" | "BACKUP" = "BACKUP";
  let stateNode: ConfigNode | undefined;
  for (const c of node.children) {
    if (c.name !== "state" || c.kind !== "keyword") continue;
    if (c.args[0]?.text === "MASTER") {
      state = "MASTER";
      stateNode = c;
    } else if (state !== "MASTER") stateNode = c;
  }
  const priorityNode = settings.get("priority");
  const written = intOf(priorityNode?.args[0]);
  const validWritten = written !== undefined && written >= 1 && written <= 255 ? written : undefined;
  const priority = validWritten ?? (priorityNode ? 100 : state === "MASTER" ? 255 : 100);
  const vridNode = settings.get("virtual_router_id");
  const addresses = (name: string): VirtualAddress[] =>
    node.children
      .filter((c) => c.name === name && c.block)
      .flatMap((c) => c.children)
      .map((e) => ({ node: e, address: e.keyword.text, family: addressFamily(e.keyword.text) }));
  const trackers: Tracker[] = [];
  for (const c of node.children) {
    const kind = TRACK_BLOCKS[c.name];
    // One push each: a spread of a block of a hundred thousand entries overflows the call stack.
    if (kind && c.block) for (const t of trackersOf(c, kind, model, node)) trackers.push(t);
  }
  const familyLines = familyLinesOf(node);
  const family = familyLines[0]?.family ?? (settings.has("native_ipv6") ? 6 : 4);
  const ownVersion = settings.get("version")?.args[0]?.text;
  const version = family === 6 ? 3 : ownVersion === "2" || ownVersion === "3" ? (Number(ownVersion) as 2 | 3) : globalVersion;
  const strictMode = settings.get("strict_mode");
  const nopreempt = settings.get("nopreempt");
  return {
    name: node.args[0]?.text ?? "",
    node,
    settings,
    state,
    stateNode,
    priority,
    priorityNode,
    nopreempt,
    preemptDelay: settings.get("preempt_delay"),
    vrid: intOf(vridNode?.args[0]),
    vridNode,
    interface: settings.get("interface")?.args[0]?.text,
    vips: addresses("virtual_ipaddress"),
    excludedVips: addresses("virtual_ipaddress_excluded"),
    unicastPeers: addresses("unicast_peer"),
    trackers,
    familyLines,
    family,
    version,
    strict: strictMode ? isOn(strictMode) : globalStrict,
    nopreemptInEffect: nopreempt !== undefined && state !== "MASTER" && priority !== 255,
  };
}

function familyLinesOf(node: ConfigNode): FamilyLine[] {
  const out: FamilyLine[] = [];
  const familyOf = (text: string) => parseIp(text.split("/")[0] ?? "")?.family;
  for (const c of node.children) {
    if (c.kind !== "keyword") continue;
    if (c.name === "unicast_src_ip" || c.name === "mcast_src_ip" || c.name === "mcast_dst_ip") {
      const family = c.args[0] && familyOf(c.args[0].text);
      if (family) out.push({ node: c, family, what: `${c.name} ${c.args[0]!.text}` });
    } else if ((c.name === "virtual_ipaddress" || c.name === "unicast_peer") && c.block) {
      for (const e of c.children) {
        const family = familyOf(e.keyword.text);
        if (family) out.push({ node: e, family, what: `${c.name === "unicast_peer" ? "unicast peer" : "virtual address"} ${e.keyword.text}` });
      }
    }
  }
  return out;
}

/** The trackers of a track_* value block. */
function trackersOf(block: ConfigNode, kind: TrackKind, model: Lookups, owner: ConfigNode): Tracker[] {
  const out: Tracker[] = [];
  const ownerIndex = model.order(owner) ?? Infinity;
  for (const e of block.children) {
    // The schema's line grammar reads `<name> [weight N [reverse|noreverse]]` as keepalived does.
    const words = [e.keyword, ...e.args];
    const { fields } = parseEntryLine(e.context, words);
    const weightWord = fields.weight ? words[fields.weight.index] : undefined;
    let reverse = fields.direction?.text === "reverse";
    const definition = kind === "interface" ? undefined : model.definition(kind, e.keyword.text);
    const definedBefore = kind === "interface" || (definition !== undefined && (model.order(definition.node) ?? Infinity) < ownerIndex);
    // keepalived turns ±254 into ±253 for interfaces and scripts.
    const written = fields.weight?.value;
    const trackerWeight = written !== undefined && Math.abs(written) === 254 && (kind === "interface" || kind === "script") ? Math.sign(written) * 253 : written;
    let weight: number;
    let weightFrom: Tracker["weightFrom"];
    if (trackerWeight !== undefined) {
      weight = trackerWeight;
      weightFrom = "tracker";
    } else if (definition?.weight !== undefined) {
      weight = definition.weight;
      weightFrom = "definition";
    } else {
      weight = DEFAULT_WEIGHT[kind];
      weightFrom = "default";
    }
    if (!reverse && weightFrom === "definition" && definition?.weightNode?.args.some((a) => a.text === "reverse")) reverse = true;
    out.push({ kind, name: e.keyword.text, node: e, weightWord, definition, weight, weightFrom, reverse, definedBefore });
  }
  return out;
}

function syncGroupOf(node: ConfigNode, model: ConfigModel, lookups: Lookups): SyncGroup {
  const settings = settingsOf(node);
  const members: SyncGroup["members"] = [];
  for (const g of node.children.filter((c) => c.name === "group" && c.block)) {
    for (const e of g.children) {
      for (const w of [e.keyword, ...e.args]) members.push({ name: w.text, word: w, instance: model.instancesByName.get(w.text) });
    }
  }
  const trackers: Tracker[] = [];
  for (const c of node.children) {
    const kind = TRACK_BLOCKS[c.name];
    // One push each: a spread of a block of a hundred thousand entries overflows the call stack.
    if (kind && c.block) for (const t of trackersOf(c, kind, lookups, node)) trackers.push(t);
  }
  const group: SyncGroup = { name: node.args[0]?.text ?? "", node, settings, members, trackers, trackingWeight: settings.has("sync_group_tracking_weight") };
  for (const m of members) if (m.instance && !m.instance.syncGroup) m.instance.syncGroup = group;
  return group;
}

// What keepalived's checker derives from a virtual_server block (check/check_data.c validate_check_config()).
function virtualServerOf(node: ConfigNode): VirtualServer {
  const settings = settingsOf(node);
  const vsForwarding = lastOf(node, ["lb_kind", "lvs_method"])?.args[0]?.text;
  const realServers: RealServer[] = [];
  // Indexed loops: a large LVS estate has tens of thousands of real servers, and array iterators were garbage for each.
  // A real server's weight: its own weight line's, else the virtual server's, else 1 (a weight line without a number: undefined).
  const vsWeightLine = settings.get("weight");
  const vsWeight = vsWeightLine ? intOfText(argTextOf(vsWeightLine, 0)) : 1;
  const lines = node.children;
  for (let i = 0; i < lines.length; i++) {
    const rs = lines[i];
    if (rs.name !== "real_server" || !rs.known) continue;
    // One pass over the real server's lines, read in place (no node for its weight line, nor for the
    // lines of its checkers); its settings map and checker list are made when asked for.
    realServerLines.read(rs);
    const weight = realServerLines.hasWeightLine ? intOfText(realServerLines.weight) : vsWeight;
    const forwarding = realServerLines.method ?? vsForwarding ?? "NAT";
    realServers.push(new ModelRealServer(rs, argTextOf(rs, 0), argTextOf(rs, 1), realServerLines.checkers, forwarding, weight));
  }
  let weightSum: number | undefined = 0;
  for (const rs of realServers) weightSum = rs.weight === undefined || weightSum === undefined ? undefined : weightSum + rs.weight;
  return { node, settings, realServers, weightSum };
}

/** What the model reads of a real server's own lines, in one pass over the store (one reader, reused). */
class RealServerLines {
  private readonly lines = new LineWalker();
  /** Its last `weight`'s first word, and whether it has a weight line at all (one without a word is not a number). */
  weight: string | undefined;
  hasWeightLine = false;
  /** Its last lvs_method's word. */
  method: string | undefined;
  /** How many checker blocks it has. */
  checkers = 0;

  read(rs: ConfigNode): void {
    this.weight = undefined;
    this.hasWeightLine = false;
    this.method = undefined;
    this.checkers = 0;
    this.lines.walk(rs, this.visit);
  }

  private readonly visit = (line: WalkedLine): boolean => {
    // The real server's own lines only: its line (depth 0) goes on into them, theirs do not.
    if (line.depth === 0) return true;
    if (line.kind === "keyword") {
      if (line.name === "weight") {
        this.hasWeightLine = true;
        this.weight = line.argCount() > 0 ? line.argText(0) : undefined;
      } else if (line.name === "lvs_method") this.method = line.argCount() > 0 ? line.argText(0) : undefined;
    }
    if (isChecker(line)) this.checkers++;
    return false;
  };
}

const realServerLines = new RealServerLines();

/**
 * A real server: its settings map and checker list are made when first
 * asked for. A class, not an object literal with a getter: that made a
 * closure and an accessor pair per real server, and a large LVS estate has
 * tens of thousands.
 */
class ModelRealServer implements RealServer {
  #settings: Map<string, ConfigNode> | undefined;
  #checkers: ConfigNode[] | undefined;

  constructor(
    readonly node: ConfigNode,
    readonly address: string | undefined,
    readonly port: string | undefined,
    readonly checkerCount: number,
    readonly forwarding: string,
    readonly weight: number | undefined,
  ) {}

  get settings(): Map<string, ConfigNode> {
    return (this.#settings ??= settingsOf(this.node));
  }

  get checkers(): ConfigNode[] {
    return (this.#checkers ??= this.checkerCount === 0 ? [] : this.node.children.filter(isChecker));
  }
}

/** The last occurrence of any of the keywords in a block (aliases: lb_kind / lvs_method). */
function lastOf(node: ConfigNode, names: string[]): ConfigNode | undefined {
  let found: ConfigNode | undefined;
  for (const c of node.children) if (c.kind === "keyword" && names.includes(c.name)) found = c;
  return found;
}
