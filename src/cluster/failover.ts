/**
 * The failover model: who holds a VIP at start-up, after any single tracked
 * failure on any node, and after that failure recovers — predicted from the
 * configurations alone, following keepalived's VRRP behaviour:
 *
 *  - the highest effective priority wins an election; a tie with the current
 *    master never takes over (RFC 3768: an equal-priority advert keeps a
 *    backup in BACKUP);
 *  - a weighted tracker changes the priority: a negative weight is applied
 *    while the check fails, a positive one while it succeeds (`reverse`
 *    swaps that); effective priorities stay within 1..254; address owners
 *    (255) and sync-group members without `sync_group_tracking_weight`
 *    ignore weights;
 *  - a tracker with weight 0 puts the instance into FAULT when it fails;
 *    FAULT releases the VIP even under nopreempt, and the remaining nodes
 *    elect a new master among themselves;
 *  - a backup with a higher priority than the master takes over (preempts)
 *    unless it has `nopreempt`; `state MASTER` and priority 255 clear
 *    nopreempt; `preempt_delay` only delays the takeover;
 *  - under nopreempt the first node to start becomes master whatever its
 *    priority: the initial master then depends on start-up order.
 */
import type { Tracker, TrackKind, VrrpInstance } from "../model/model.js";

export interface Member {
  /** The node's config file, exactly as given by the user. */
  file: string;
  instance: VrrpInstance;
}

export interface Scenario {
  node: string;
  track: string;
  kind: TrackKind;
  masterBefore: string | null;
  masterAfter: string | null;
  masterAfterRecovery: string | null;
  vipMoves: boolean;
  why: string;
  /** Why, as data: rules decide on this, never on the words of `why`. */
  reason: ScenarioReason;
  /** The tracker (for findings). */
  tracker: Tracker;
  /** The member whose tracker fails. */
  member: Member;
}

/** The outcome of one scenario, for rules and tools. */
export type ScenarioReason =
  /** keepalived ignores the tracker's weight: the node is the address owner (255) or in a sync group without tracking weight. */
  | { kind: "weight-ignored"; because: "address-owner" | "sync-group" }
  /** Weight 0 on a backup: it goes to FAULT, the master keeps the VIP. */
  | { kind: "fault-on-backup" }
  /** Weight 0 on the master: FAULT releases the VIP; `next` takes it (null: nobody can). */
  | { kind: "fault-on-master"; next: string | null }
  /** The master's priority drops below backups that all have nopreempt: no election starts. */
  | { kind: "blocked-by-nopreempt"; blockers: string[] }
  /** The master's priority drops, but not below the next node's: `weightNeeded` would move the VIP. */
  | { kind: "gap-too-small"; next: string; weightNeeded: number }
  /** The master's priority drops and no other node exists. */
  | { kind: "no-other-node" }
  /** The master's priority drops below a preempting backup, which takes over. */
  | { kind: "taken-over"; by: string }
  /** A backup's priority rises above the master's and it preempts. */
  | { kind: "backup-preempts" }
  /** A backup's priority changes; the master keeps the VIP. */
  | { kind: "backup-changes" };

export interface GroupPrediction {
  /** The member a simultaneous start elects (null when no member can be master). */
  simultaneousMaster: Member | null;
  /** Who is master whatever the start-up order; null when the order decides. */
  initialMaster: Member | null;
  /** Why the initial master is (or is not) determined. */
  initialWhy: string;
  scenarios: Scenario[];
}

/** Does this member preempt a lower-priority master? keepalived clears nopreempt for MASTER/255. */
export function preempts(m: Member): boolean {
  return !m.instance.nopreemptInEffect;
}

/** Are this tracker's weights ignored by keepalived (owner, or sync group without tracking weight)? */
export function weightIgnored(m: Member, t: Tracker): boolean {
  if (t.weight === 0) return false;
  if (m.instance.priority === 255) return true;
  const g = m.instance.syncGroup;
  return g !== undefined && !g.trackingWeight;
}

/** Effective priority of a member given which of its trackers have failed. */
export function effectivePriority(m: Member, failed: ReadonlySet<Tracker> = new Set()): number {
  const base = m.instance.priority;
  if (base === 255) return 255;
  let p = base;
  for (const t of allTrackers(m)) {
    if (t.weight === 0 || weightIgnored(m, t)) continue;
    const isFailed = failed.has(t);
    // A positive weight counts while the check succeeds, a negative one while it fails; reverse swaps.
    const applies = (t.weight > 0 ? !isFailed : isFailed) !== t.reverse;
    if (applies) p += t.weight;
  }
  return Math.max(1, Math.min(254, p));
}

/**
 * Trackers that act on this member: its own, its sync group's, and the weight-0
 * trackers of the other instances of its sync group (a FAULT of one member
 * puts the whole group into FAULT on that node).
 */
export function allTrackers(m: Member): Tracker[] {
  const g = m.instance.syncGroup;
  const siblings = g
    ? g.members.flatMap((x) => (x.instance && x.instance !== m.instance ? x.instance.trackers.filter((t) => t.weight === 0) : []))
    : [];
  return [...m.instance.trackers, ...(g ? g.trackers : []), ...siblings].filter((t) => t.kind === "interface" || t.definition);
}

/** Does failing this tracker put the member into FAULT? */
function faults(m: Member, t: Tracker): boolean {
  // Weight 0 means FAULT; a sync group with weights ignored drops weighted scripts entirely.
  return t.weight === 0;
}

/** Highest effective priority among candidates; null when there is none or the top is tied. */
function best(cands: Member[], prio: (m: Member) => number): { top: Member | null; tie: boolean } {
  let top: Member | null = null;
  let tie = false;
  for (const m of cands) {
    if (!top || prio(m) > prio(top)) {
      top = m;
      tie = false;
    } else if (prio(m) === prio(top)) tie = true;
  }
  return { top, tie };
}

const name = (m: Member | null) => (m ? m.file : null);

export function predict(members: Member[]): GroupPrediction {
  const healthy = (m: Member) => effectivePriority(m);
  const { top, tie } = best(members, healthy);
  let initialMaster: Member | null = null;
  let initialWhy: string;
  if (!top) initialWhy = "no members";
  else if (tie) initialWhy = `several nodes share the highest priority ${healthy(top)}: the one with the highest IP address wins, or whichever starts first`;
  else if (!preempts(top)) {
    initialWhy = `the highest priority (${healthy(top)}, ${top.file}) has nopreempt: whichever node starts first becomes master and keeps the VIP`;
  } else {
    initialMaster = top;
    initialWhy = `${top.file} has the highest priority (${healthy(top)}) and preempts`;
  }
  return { simultaneousMaster: top, initialMaster, initialWhy, scenarios: top ? scenariosFrom(members, top) : [] };
}

/** Every single tracked failure (and its recovery) starting from `master` holding the VIP. */
export function scenariosFrom(members: Member[], master: Member): Scenario[] {
  const out: Scenario[] = [];
  for (const m of members) {
    for (const t of allTrackers(m)) out.push(scenario(members, master, m, t));
  }
  return out;
}

function scenario(members: Member[], master: Member, m: Member, t: Tracker): Scenario {
  const base = { node: m.file, track: t.name, kind: t.kind, masterBefore: master.file, tracker: t, member: m };
  const failed = new Set([t]);
  const prioFailed = (x: Member) => (x === m ? effectivePriority(x, failed) : effectivePriority(x));
  const prioHealthy = (x: Member) => effectivePriority(x);
  const others = members.filter((x) => x !== m);

  if (weightIgnored(m, t)) {
    const why = m.instance.priority === 255
      ? `${m.file} is the address owner (priority 255): keepalived ignores the weight of ${t.name}, so its failure changes nothing`
      : `${m.file} is in sync group "${m.instance.syncGroup?.name}" without sync_group_tracking_weight: keepalived ignores the weight of ${t.name}, so its failure changes nothing`;
    const because = m.instance.priority === 255 ? "address-owner" as const : "sync-group" as const;
    return { ...base, masterAfter: master.file, masterAfterRecovery: master.file, vipMoves: false, why, reason: { kind: "weight-ignored", because } };
  }

  if (faults(m, t)) {
    if (m !== master) {
      return { ...base, masterAfter: master.file, masterAfterRecovery: master.file, vipMoves: false,
        why: `${t.name} has weight 0: ${m.file} goes to FAULT, but it is not the master, so the VIP stays on ${master.file}`, reason: { kind: "fault-on-backup" } };
    }
    const { top: next, tie } = best(others, prioHealthy);
    if (!next) {
      return { ...base, masterAfter: null, masterAfterRecovery: m.file, vipMoves: true,
        why: `${t.name} has weight 0: ${m.file} goes to FAULT and releases the VIP; no other node can take it`, reason: { kind: "fault-on-master", next: null } };
    }
    // On recovery m comes back as BACKUP and takes the VIP back only if it preempts with a higher priority.
    const back = preempts(m) && prioHealthy(m) > prioHealthy(next) ? m : next;
    const tieNote = tie
      ? ` (several nodes tie at ${prioHealthy(next)}: the highest IP address wins)`
      : others.filter((x) => x !== next).some((x) => !preempts(next) && prioHealthy(x) < prioHealthy(next))
        // Measured with real daemons: the skew favours the higher priority by only ~39 ms per 10 points.
        ? " (the survivors race on their down timers: the highest priority usually wins, but under nopreempt a lower node that fires first keeps the VIP)"
        : "";
    const recovery = back === m
      ? `after recovery ${m.file} (priority ${prioHealthy(m)}) preempts ${next.file} and takes the VIP back`
      : preempts(m)
        ? `after recovery ${m.file} (priority ${prioHealthy(m)}) does not outrank ${next.file} (${prioHealthy(next)}), so the VIP stays`
        : `after recovery ${m.file} has nopreempt and stays BACKUP`;
    return { ...base, masterAfter: next.file, masterAfterRecovery: back.file, vipMoves: true,
      why: `${t.name} has weight 0: ${m.file} goes to FAULT and releases the VIP; ${next.file} has the highest remaining priority (${prioHealthy(next)})${tieNote}; ${recovery}`,
      reason: { kind: "fault-on-master", next: next.file } };
  }

  // A weighted tracker: the failing node's priority changes.
  const pBefore = prioHealthy(m);
  const pAfter = prioFailed(m);
  if (m === master) {
    // Backups that outrank the lowered master and preempt take over; the highest of them wins.
    const challengers = others.filter((x) => preempts(x) && prioHealthy(x) > pAfter);
    const { top: taker } = best(challengers, prioHealthy);
    if (!taker) {
      const blockers = others.filter((x) => prioHealthy(x) > pAfter);
      let why: string;
      let reason: ScenarioReason;
      if (blockers.length > 0) {
        reason = { kind: "blocked-by-nopreempt", blockers: blockers.map((x) => x.file) };
        why = `${t.name} lowers ${m.file} from ${pBefore} to ${pAfter}; ${blockers.map((x) => x.file).join(", ")} outrank${blockers.length === 1 ? "s" : ""} it but ${blockers.length === 1 ? "has" : "have"} nopreempt, and under nopreempt a priority change never starts an election: the VIP stays`;
      } else {
        const { top: second } = best(others, prioHealthy);
        const need = second ? pBefore - prioHealthy(second) + 1 : 0;
        reason = second ? { kind: "gap-too-small", next: second.file, weightNeeded: -need } : { kind: "no-other-node" };
        why = second
          ? `${t.name} lowers ${m.file} from ${pBefore} to ${pAfter}, not below ${second.file} (${prioHealthy(second)}): a tie or a higher priority keeps the master. A weight of -${need} or lower would move the VIP`
          : `${t.name} lowers ${m.file} from ${pBefore} to ${pAfter}, but no other node exists`;
      }
      return { ...base, masterAfter: m.file, masterAfterRecovery: m.file, vipMoves: false, why, reason };
    }
    // On recovery the master's priority returns; it takes the VIP back only if it preempts and outranks.
    const back = preempts(m) && pBefore > prioHealthy(taker) ? m : taker;
    return { ...base, masterAfter: taker.file, masterAfterRecovery: back.file, vipMoves: true,
      why: `${t.name} lowers ${m.file} from ${pBefore} to ${pAfter}; ${taker.file} (${prioHealthy(taker)}) outranks it and preempts; ${back === m ? `after recovery ${m.file} (${pBefore}) takes it back` : `after recovery the VIP stays on ${taker.file}`}`,
      reason: { kind: "taken-over", by: taker.file } };
  }
  // A backup's priority changes: it can only take over if it now outranks the master and preempts.
  const pMaster = prioHealthy(master);
  if (pAfter > pMaster && preempts(m)) {
    const back = pMaster > pBefore && preempts(master) ? master : m;
    return { ...base, masterAfter: m.file, masterAfterRecovery: back.file, vipMoves: true,
      why: `${t.name} raises ${m.file} from ${pBefore} to ${pAfter}, above the master ${master.file} (${pMaster}); it preempts`, reason: { kind: "backup-preempts" } };
  }
  return { ...base, masterAfter: master.file, masterAfterRecovery: master.file, vipMoves: false,
    why: `${t.name} changes ${m.file} (a backup) from ${pBefore} to ${pAfter}; the master ${master.file} (${pMaster}) keeps the VIP`, reason: { kind: "backup-changes" } };
}

export { name as memberName };

/** One event of a cluster's life, for `simulate`. */
export type ClusterEvent =
  | { action: "start"; nodes: Member[] }
  | { action: "stop"; nodes: Member[] }
  | { action: "fail"; node: Member; tracker: Tracker }
  | { action: "recover"; node: Member; tracker: Tracker }
  /** Cut nodes off the network (they hear no adverts and send none that arrive). */
  | { action: "isolate"; nodes: Member[] }
  | { action: "rejoin"; nodes: Member[] };

/**
 * Replays events and returns, after each, the node holding the VIP, null for
 * nobody, or several nodes in a split brain (one per network partition). The
 * same rules as `predict`, over any sequence: start-up order, several
 * failures at once, stops, partitions. Where only the primary IP address can
 * break a tie, the node listed later in `members` stands for the higher one.
 */
export function simulate(members: Member[], events: ClusterEvent[]): (Member | null | Member[])[] {
  const running = new Set<Member>();
  const isolated = new Set<Member>();
  const failed = new Map<Member, Set<Tracker>>(members.map((m) => [m, new Set()]));
  // The VIP holder of each partition: "main" and one per isolated node.
  const holder = new Map<Member | "main", Member | null>([["main", null]]);
  const inFault = (m: Member) => [...failed.get(m)!].some((t) => t.weight === 0);
  const prio = (m: Member) => effectivePriority(m, failed.get(m));
  const order = (m: Member) => members.indexOf(m);
  // Between masters, and in an election, the higher priority wins, then the higher address.
  const better = (a: Member, b: Member) => prio(a) > prio(b) || (prio(a) === prio(b) && order(a) > order(b));
  const bestOf = (xs: Member[]) => xs.reduce<Member | null>((best, m) => (!best || better(m, best) ? m : best), null);
  const settle = (key: Member | "main", nodes: Member[]) => {
    const alive = nodes.filter((m) => running.has(m) && !inFault(m));
    const current = holder.get(key) ?? null;
    if (!current || !alive.includes(current)) {
      // No master: the remaining nodes time out and the best of them wins.
      holder.set(key, bestOf(alive));
      return;
    }
    // A backup that outranks the master takes over unless it has nopreempt; a tie keeps the master.
    const takers = alive.filter((m) => m !== current && preempts(m) && prio(m) > prio(current));
    if (takers.length > 0) holder.set(key, bestOf(takers));
  };
  const out: (Member | null | Member[])[] = [];
  for (const e of events) {
    if (e.action === "start") for (const m of e.nodes) running.add(m);
    else if (e.action === "stop") for (const m of e.nodes) running.delete(m);
    else if (e.action === "fail") failed.get(e.node)!.add(e.tracker);
    else if (e.action === "recover") failed.get(e.node)!.delete(e.tracker);
    else if (e.action === "isolate") {
      for (const m of e.nodes) {
        isolated.add(m);
        holder.set(m, holder.get("main") === m ? m : null);
        if (holder.get("main") === m) holder.set("main", null);
      }
    } else {
      for (const m of e.nodes) {
        isolated.delete(m);
        // Two masters meet: the better one keeps the VIP, the other steps down (nopreempt plays no part).
        const theirs = holder.get(m) ?? null;
        const ours = holder.get("main") ?? null;
        holder.delete(m);
        if (theirs && (!ours || better(theirs, ours))) holder.set("main", theirs);
      }
    }
    settle("main", members.filter((m) => !isolated.has(m)));
    for (const m of isolated) settle(m, [m]);
    const holders = members.filter((m) => [...holder.values()].includes(m));
    out.push(holders.length === 0 ? null : holders.length === 1 ? holders[0] : holders);
  }
  return out;
}
