/**
 * What keepalived does with a configuration, as a set of facts for the
 * no-behaviour-change test: every setting keepalived reads (by canonical
 * keyword name, with the values it resets replaced by what it uses), the
 * effective priority/preemption/tracking of every instance, which scripts run
 * how, the virtual/real servers, and the failover prediction of every VRRP
 * group (alone or with peer nodes). Each fact has an area (what kind of
 * behaviour) and a scope (the top-level block it belongs to, or the group).
 */
import type { BehaviourArea, ConfigNode, Diagnostic, Edit, Fix } from "../../grammar/ast.js";
import { memoryFiles } from "../../grammar/files.js";
import { lookupKeyword } from "../../grammar/schema/index.js";
import { applyEdits } from "../../src/engine/fix.js";
import type { LintOptions, LintResult } from "../../src/engine/linter.js";
import { groupInstances, type ClusterNode } from "../../src/cluster/groups.js";
import { preempts } from "../../src/cluster/failover.js";
import { lint } from "../../src/workspace/lint.js";
import { splitWords } from "../../rules/security/helpers-scripts.js";

export interface Fact {
  value: string;
  area: BehaviourArea;
  /** "vrrp_instance VI_1", "vrrp_script chk", "virtual_server 10.0.0.1 80", "global_defs", or "group 51/4". */
  scope: string;
}

/** Keywords whose effect the model states (effective values), so the written line itself is not a fact. */
const EFFECTIVE = new Set(["state", "priority", "nopreempt", "preempt_delay", "track_script", "track_interface", "track_file", "track_process", "track_bfd"]);

const canonical = (n: ConfigNode) => (n.kind === "keyword" ? (lookupKeyword(n.context, n.name)?.aliasOf ?? n.name) : n.name);

function areaOfTop(top: ConfigNode): BehaviourArea {
  if (top.name === "global_defs") return "global";
  if (/^(virtual_server|virtual_server_group)$/.test(top.name)) return "lvs";
  if (/^(vrrp_script|track_file|vrrp_track_file|vrrp_track_process|bfd_instance|vrrp_sync_group)$/.test(top.name)) return "failover";
  return "vrrp";
}

/** Scope name of a top-level block: keyword and its arguments. */
export function scopeOf(top: ConfigNode): string {
  return [canonical(top), ...top.args.map((a) => a.text)].join(" ");
}

/** Facts of one node's configuration (single-node model). */
export function nodeFacts(r: LintResult): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  const put = (scope: string, path: string, value: string, area: BehaviourArea) => facts.set(`${scope}|${path}`, { value, area, scope });
  for (const top of r.ast.children) {
    if (!top.known || top.kind !== "keyword") continue;
    const scope = scopeOf(top);
    if (!top.block) {
      put("root", canonical(top), top.rest, "global");
      continue;
    }
    const walk = (n: ConfigNode, path: string) => {
      const entries: string[] = [];
      for (const c of n.children) {
        if (c.kind === "entry") {
          entries.push(c.rest ? `${c.name} ${c.rest}` : c.name);
          continue;
        }
        if (!c.known) continue;
        const name = canonical(c);
        if (top.name === "vrrp_instance" && n === top && EFFECTIVE.has(name)) continue;
        if (top.name === "vrrp_sync_group" && n === top && name.startsWith("track_")) continue;
        // keepalived ignores the protocol of a fwmark service (check_data.c).
        if (top.name === "virtual_server" && n === top && top.args[0]?.text === "fwmark" && name === "protocol") continue;
        // A real server's port under DR/TUN is the virtual server's: keyed by what keepalived uses.
        const args = c.name === "real_server" ? realServerKey(top, c) : c.args.map((a) => a.text).join(" ");
        const key = `${path}/${name} ${args}`.trimEnd();
        const area: BehaviourArea = /^notify|^script$|^misc_path$/.test(name) ? "scripts" : areaOfTop(top);
        if (c.block) walk(c, key);
        else put(scope, `${path}/${name}`, area === "scripts" ? JSON.stringify(splitWords(c.rest)) : effectiveValue(name, c), area);
      }
      if (entries.length) put(scope, `${path}/entries`, entries.sort().join("; "), areaOfTop(top));
    };
    walk(top, "");
  }
  for (const inst of r.model.instances) {
    const scope = scopeOf(inst.node);
    const nopreemptEffective = !preempts({ file: "", instance: inst });
    const delayCleared = inst.state === "MASTER" || inst.priority === 255 || nopreemptEffective || inst.strict;
    put(scope, "state", inst.state, "failover");
    put(scope, "priority", String(inst.priority), "failover");
    put(scope, "nopreempt", String(nopreemptEffective), "failover");
    put(scope, "preempt_delay", delayCleared ? "none" : (inst.preemptDelay?.args[0]?.text ?? "none"), "failover");
    for (const t of [...inst.trackers, ...(inst.syncGroup?.trackers ?? [])]) {
      put(scope, `tracker ${t.kind} ${t.name}`, `weight ${t.weight}${t.reverse ? " reverse" : ""}${t.definition || t.kind === "interface" ? "" : " undefined"}`, "failover");
    }
  }
  return facts;
}

/** A setting's value as keepalived uses it (auth_pass: 8 characters). */
function effectiveValue(name: string, c: ConfigNode): string {
  const text = c.args.map((a) => a.text).join(" ");
  return name === "auth_pass" ? (c.args[0]?.text ?? "").slice(0, 8) : text;
}

function realServerKey(vs: ConfigNode, rsNode: ConfigNode): string {
  const [addr, port] = rsNode.args.map((a) => a.text);
  const kind = (rsNode.children.find((c) => c.name === "lvs_method") ?? [...vs.children].reverse().find((c) => c.name === "lb_kind" || c.name === "lvs_method"))?.args[0]?.text ?? "NAT";
  if (kind !== "DR" && kind !== "TUN") return [addr, port].filter(Boolean).join(" ");
  if (vs.args[0]?.text === "fwmark") return addr ?? "";
  return [addr, vs.args[1]?.text].filter(Boolean).join(" ");
}

/** Facts of the failover prediction of every group the node's instances are in, alone or with peers. */
export function clusterFacts(nodes: ClusterNode[]): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  for (const g of groupInstances(nodes)) {
    const scope = `group ${g.vrid}/${g.family}`;
    const put = (path: string, value: string) => facts.set(`${scope}|${path}`, { value, area: "failover", scope });
    put("members", g.members.map((m) => `${m.file}:${m.instance.name}`).join(", "));
    put("initial master", g.prediction.initialMaster ? g.prediction.initialMaster.file : "start-up order");
    put("simultaneous master", g.prediction.simultaneousMaster?.file ?? "none");
    for (const s of g.prediction.scenarios) {
      put(`when ${s.kind} ${s.track} fails on ${s.node}`, `${s.masterAfter} then ${s.masterAfterRecovery}${s.vipMoves ? " (moves)" : ""}`);
    }
  }
  return facts;
}

export interface Fixture {
  /** Path → text of every node's files; `main` is the node whose fixes are checked. */
  files: Record<string, string>;
  main: string;
  /** Main files of the other nodes of the cluster (peers). */
  peers?: string[];
  options?: LintOptions;
}

export interface Change {
  key: string;
  before?: Fact;
  after?: Fact;
}

export function factsOf(fx: Fixture, texts: Record<string, string>): { node: Map<string, Fact>; cluster: Map<string, Fact>; result: LintResult } {
  const fs = memoryFiles(texts, "/");
  const mains = [fx.main, ...(fx.peers ?? [])];
  const results = mains.map((m) => lint(fs, [m], fx.options ?? {}));
  const nodes: ClusterNode[] = mains.map((file, i) => ({ file, result: results[i] }));
  return { node: nodeFacts(results[0]), cluster: clusterFacts(nodes), result: results[0] };
}

function diff(a: Map<string, Fact>, b: Map<string, Fact>): Change[] {
  const out: Change[] = [];
  for (const [k, f] of a) if (b.get(k)?.value !== f.value) out.push({ key: k, before: f, after: b.get(k) });
  for (const [k, f] of b) if (!a.has(k)) out.push({ key: k, after: f });
  return out;
}

export interface FixCheck {
  diagnostic: Diagnostic;
  fix: Fix;
  safe: boolean;
  /** Facts that changed and may not have: empty when the fix keeps its promise. */
  violations: string[];
}

/**
 * Applies every fix and suggestion of the main node's findings, one at a time,
 * and checks what changed: a safe fix changes only facts of the areas it
 * declares and only on the block the finding is in (or that block's VRRP
 * group); a suggestion changes only the areas it declares.
 */
export function checkFixes(fx: Fixture): FixCheck[] {
  const before = factsOf(fx, fx.files);
  const out: FixCheck[] = [];
  for (const d of before.result.diagnostics) {
    if (d.fix) out.push(checkFix(fx, d, d.fix, true, before));
    for (const s of d.suggestions ?? []) out.push(checkFix(fx, d, s, false, before));
  }
  return out;
}

/** Checks one fix of one finding (exported so tests can show that a bad fix is caught). */
export function checkFix(fx: Fixture, d: Diagnostic, fix: Fix, safe: boolean, before = factsOf(fx, fx.files)): FixCheck {
  const texts = applyFix(fx.files, fix.edits);
  if (!texts) return { diagnostic: d, fix, safe, violations: ["edits a file the fixture does not have"] };
  const after = factsOf(fx, texts);
  const changes = [...diff(before.node, after.node), ...diff(before.cluster, after.cluster)];
  const declared = new Set(fix.changes ?? []);
  const top = before.result.ast.children.find((n) => n.file === d.file && n.start <= d.start && d.end <= n.end);
  const scope = top && top.known ? scopeOf(top) : undefined;
  // The VRRP groups the finding's instance is in (before the fix).
  const mine = `${fx.main}:${top?.name === "vrrp_instance" ? top.args[0]?.text : "\0"}`;
  const groups = new Set([...before.cluster.entries()].filter(([k, f]) => k.endsWith("|members") && f.value.split(", ").includes(mine)).map(([, f]) => f.scope));
  const violations: string[] = [];
  for (const c of changes) {
    const f = (c.after ?? c.before)!;
    const what = `${c.key}: ${c.before?.value ?? "(absent)"} → ${c.after?.value ?? "(absent)"}`;
    if (!declared.has(f.area)) violations.push(`changes ${f.area}, not declared: ${what}`);
    else if (safe && f.scope !== scope && !groups.has(f.scope)) violations.push(`safe fix reaches beyond "${scope}": ${what}`);
  }
  return { diagnostic: d, fix, safe, violations };
}

function applyFix(files: Record<string, string>, edits: readonly Edit[]): Record<string, string> | undefined {
  const out = { ...files };
  const byFile = new Map<string, Edit[]>();
  for (const e of edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, list] of byFile) {
    if (out[file] === undefined) return undefined;
    out[file] = applyEdits(out[file], list).text;
  }
  return out;
}
