/**
 * Cluster linting: lint each node, match their VRRP instances, predict
 * failover, and run the cluster rules over all of it. Findings land on the
 * node file (and line) they are about.
 */
import { templateFindings } from "../engine/templates.js";
import type { Diagnostic } from "../../grammar/ast.js";
import type { FileAccess } from "../../grammar/files.js";
import { resolveTarget } from "../../grammar/schema/versions.js";
import { groupInstances, type ClusterGroup, type ClusterNode } from "./groups.js";
import { lint, type EngineOptions } from "../engine/linter.js";
import { findingOf, MERGED_USR_LINKS, type ClusterContext, type LintSettings } from "../engine/rule.js";
import { applyDirectives, directivesOf } from "../engine/suppress.js";
import { scrubFinding, secretsOf } from "../engine/secrets.js";

export interface ClusterResult {
  nodes: ClusterNode[];
  groups: ClusterGroup[];
  /** Cluster findings (node findings are in nodes[i].result.diagnostics). */
  diagnostics: Diagnostic[];
  /**
   * Node findings the cluster verdict replaces: findings of rules whose truth
   * depends on the other nodes (meta.dependsOnPeers) about an instance that has
   * peers here. The cluster rules say what really happens; show node findings
   * without these (one truth between lint and cluster).
   */
  superseded: Set<Diagnostic>;
}

/** `files[i]` is the name as the user gave it; `paths[i]` where it is read (they may be equal). */
export function lintCluster(fs: FileAccess, files: string[], paths: string[], options: EngineOptions): ClusterResult {
  const nodes: ClusterNode[] = files.map((file, i) => ({ file, result: lint(fs, [paths[i]], options) }));
  return clusterOf(nodes, options);
}

export function clusterOf(nodes: ClusterNode[], options: EngineOptions): ClusterResult {
  const groups = groupInstances(nodes);
  const settings: LintSettings = { targetVersion: resolveTarget(options.targetVersion), configId: options.configId, symlinkedDirs: options.symlinkedDirs ?? MERGED_USR_LINKS };
  const found: Diagnostic[] = [];
  for (const rule of options.ruleSet) {
    if (!rule.checkCluster) continue;
    const setting = options.rules?.[rule.meta.id];
    if (setting === "off") continue;
    const ctx: ClusterContext = {
      nodes,
      groups,
      settings,
      report(r) {
        found.push(findingOf(rule.meta, setting, r));
      },
    };
    rule.checkCluster(ctx);
  }
  const files = new Map(nodes.flatMap((n) => [...n.result.files]));
  const directives = new Map([...files].map(([p, f]) => [p, directivesOf(f)] as const));
  const seen = new Set<string>();
  const secrets = nodes.flatMap((n) => secretsOf(n.result.ast));
  const templates = new Map(nodes.flatMap((n) => [...(n.result.templates ?? [])]));
  const lineOf = (f: string, o: number) => files.get(f)?.position(o).line ?? 0;
  const diagnostics = applyDirectives(templateFindings(found, templates, lineOf).map((d) => scrubFinding(d, secrets)), files, directives).filter((d) => {
    const k = `${d.ruleId}\0${d.file}\0${d.start}\0${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { nodes, groups, diagnostics, superseded: supersededBy(groups, nodes, options) };
}

function supersededBy(groups: readonly ClusterGroup[], nodes: readonly ClusterNode[], options: EngineOptions): Set<Diagnostic> {
  const peerDependent = new Set(options.ruleSet.filter((r) => r.meta.dependsOnPeers).map((r) => r.meta.id));
  const out = new Set<Diagnostic>();
  for (const g of groups) {
    if (g.members.length < 2) continue;
    for (const m of g.members) {
      const at = m.instance.node;
      for (const n of nodes) {
        if (n.file !== m.file) continue;
        for (const d of n.result.diagnostics) {
          if (peerDependent.has(d.ruleId) && d.file === at.file && at.start <= d.start && d.end <= at.end) out.add(d);
        }
      }
    }
  }
  return out;
}
