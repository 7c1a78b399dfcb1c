/**
 * The readable form of a cluster prediction: per VRRP group, the members and
 * the scenario table (who holds the VIP after each single failure and after
 * its recovery). Pure: text in, text out; colour is chosen by the caller.
 */
import type { ClusterGroup } from "../cluster/groups.js";

type Paint = { bold(s: string): string; dim(s: string): string; red(s: string): string; green(s: string): string };

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join("  ").trimEnd());
}

export function clusterTable(groups: readonly ClusterGroup[], paint: Paint): string {
  const out: string[] = [];
  for (const g of groups) {
    out.push(paint.bold(`VRID ${g.vrid} (IPv${g.family}) — VIPs ${g.vips.join(", ") || "none"}`));
    out.push(...pad([
      ["  node", "instance", "priority", "state", "nopreempt"],
      ...g.members.map((m) => [
        `  ${m.file}`,
        m.instance.name,
        String(m.instance.priority),
        m.instance.state,
        m.instance.nopreemptInEffect ? "yes" : "no",
      ]),
    ]));
    const initial = g.prediction.initialMaster?.file ?? "decided by start-up order";
    out.push(`  initial master: ${initial}`, paint.dim(`    ${g.prediction.initialWhy}`));
    if (g.prediction.scenarios.length > 0) {
      out.push(...pad([
        ["  failure", "master before", "after failure", "after recovery", "VIP moves"],
        ...g.prediction.scenarios.map((s) => [
          `  ${s.node}: ${s.kind} ${s.track}`,
          s.masterBefore ?? "-",
          s.masterAfter ?? "nobody",
          s.masterAfterRecovery ?? "nobody",
          s.vipMoves ? paint.green("yes") : paint.red("no"),
        ]),
      ]));
      for (const s of g.prediction.scenarios) out.push(paint.dim(`    ${s.node} ${s.track}: ${s.why}`));
    } else {
      out.push(paint.dim("  no tracked checks: only a node or network failure moves the VIP"));
    }
    out.push("");
  }
  if (groups.length === 0) out.push("no VRRP instance with a virtual_router_id was found", "");
  return out.join("\n");
}
