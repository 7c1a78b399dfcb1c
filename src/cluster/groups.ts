/**
 * Cluster analysis: the same VRRP instance on several nodes, matched by
 * virtual_router_id and address family (interfaces may be named differently
 * per node), split further when VIP sets do not overlap (two clusters
 * sharing a VRID), with the failover prediction of each group.
 */
import type { TemplateView } from "../../grammar/template/index.js";
import type { ConfigAst, Diagnostic } from "../../grammar/ast.js";
import type { SourceFile } from "../../grammar/source.js";
import { predict, type GroupPrediction, type Member } from "./failover.js";
import type { ConfigModel } from "../model/model.js";

/** What the cluster analysis needs of one node's lint (the engine's LintResult has all of it). */
export interface NodeResult {
  ast: ConfigAst;
  files: ReadonlyMap<string, SourceFile>;
  model: ConfigModel;
  diagnostics: Diagnostic[];
  /** Files read as templates (absent: none). */
  templates?: ReadonlyMap<string, TemplateView>;
}

export interface ClusterNode {
  /** The node's config file, exactly as given by the user. */
  file: string;
  result: NodeResult;
}

export interface ClusterGroup {
  vrid: number;
  family: 4 | 6;
  /** VIPs of the group (union over members, sorted). */
  vips: string[];
  members: Member[];
  prediction: GroupPrediction;
}

const vipKey = (a: string) => a.split("/")[0];

/** Groups the instances of all nodes into clusters. */
export function groupInstances(nodes: ClusterNode[]): ClusterGroup[] {
  const byKey = new Map<string, Member[]>();
  for (const node of nodes) {
    for (const instance of node.result.model.instances) {
      if (instance.vrid === undefined) continue;
      const key = `${instance.vrid}/${instance.family}`;
      const list = byKey.get(key) ?? [];
      list.push({ file: node.file, instance });
      byKey.set(key, list);
    }
  }
  const groups: ClusterGroup[] = [];
  for (const members of byKey.values()) {
    // Members whose VIP sets overlap (directly or through others) are one cluster.
    const clusters: Member[][] = [];
    for (const m of members) {
      const mine = new Set(m.instance.vips.map((v) => vipKey(v.address)));
      const joined = clusters.filter((c) => c.some((x) => mine.size === 0 || x.instance.vips.length === 0 || x.instance.vips.some((v) => mine.has(vipKey(v.address)))));
      const merged = [m, ...joined.flat()];
      for (const c of joined) clusters.splice(clusters.indexOf(c), 1);
      clusters.push(merged);
    }
    for (const c of clusters) {
      c.sort((a, b) => nodes.findIndex((n) => n.file === a.file) - nodes.findIndex((n) => n.file === b.file));
      const vips = [...new Set(c.flatMap((m) => m.instance.vips.map((v) => v.address)))].sort();
      groups.push({ vrid: c[0].instance.vrid!, family: c[0].instance.family, vips, members: c, prediction: predict(c) });
    }
  }
  return groups.sort((a, b) => a.vrid - b.vrid || a.family - b.family || (a.vips[0] ?? "").localeCompare(b.vips[0] ?? ""));
}

/** The JSON shape of `keepalived-lint cluster --format json`. */
export function clusterJson(groups: ClusterGroup[]) {
  return {
    groups: groups.map((g) => ({
      vrid: g.vrid,
      vips: g.vips,
      members: g.members.map((m) => ({
        file: m.file,
        instance: m.instance.name,
        priority: m.instance.priority,
        state: m.instance.state,
        nopreempt: m.instance.nopreemptInEffect,
      })),
      initialMaster: g.prediction.initialMaster?.file ?? null,
      scenarios: g.prediction.scenarios.map((s) => ({
        node: s.node,
        track: s.track,
        kind: s.kind,
        masterBefore: s.masterBefore,
        masterAfter: s.masterAfter,
        masterAfterRecovery: s.masterAfterRecovery,
        vipMoves: s.vipMoves,
        why: s.why,
        reason: s.reason,
      })),
    })),
  };
}
