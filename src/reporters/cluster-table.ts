/**
 * The readable form of a cluster prediction: per VRRP group, the members and
 * the scenario table (who holds the VIP after each single failure and after
 * its recovery). Pure: text in, text out; colour is chosen by the caller.
 * Given a terminal's width, the explanations wrap to it and a scenario table
 * too wide for it becomes one entry per failure, its outcome on the line below.
 */
import type { ClusterGroup } from "../cluster/groups.js";
import { length, wrap } from "./wrap.js";

type Paint = { bold(s: string): string; dim(s: string): string; red(s: string): string; green(s: string): string };

function pad(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => rows.reduce((w, r) => Math.max(w, length(r[i] ?? "")), 0));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + " ".repeat(widths[i] - length(c)))).join("  ").trimEnd());
}

export function clusterTable(groups: readonly ClusterGroup[], paint: Paint, width?: number): string {
  const out: string[] = [];
  /** A dim explanation under the table, indented 4 and wrapped under itself. */
  const explain = (text: string) => {
    const lines = width === undefined ? [text] : wrap(text, Math.max(20, width - 6), Math.max(20, width - 4));
    for (const [i, l] of lines.entries()) out.push(paint.dim(`${i === 0 ? "    " : "      "}${l}`));
  };
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
    out.push(`  initial master: ${initial}`);
    explain(g.prediction.initialWhy);
    if (g.prediction.scenarios.length > 0) {
      const rows = g.prediction.scenarios.map((s) => [
        `  ${s.node}: ${s.kind} ${s.track}`,
        s.masterBefore ?? "-",
        s.masterAfter ?? "nobody",
        s.masterAfterRecovery ?? "nobody",
        s.vipMoves ? "yes" : "no",
      ]);
      const paintMoves = (r: string[]) => [...r.slice(0, -1), r[4] === "yes" ? paint.green("yes") : paint.red("no")];
      const table = pad([["  failure", "master before", "after failure", "after recovery", "VIP moves"], ...rows]);
      if (width === undefined || table.every((l) => length(l) <= width)) {
        out.push(...pad([["  failure", "master before", "after failure", "after recovery", "VIP moves"], ...rows.map(paintMoves)]));
      } else {
        for (const r of rows) {
          const verdict = r[4] === "yes" ? "VIP moves" : "VIP stays";
          const outcome = wrap(`${verdict}: master before ${r[1]}, after failure ${r[2]}, after recovery ${r[3]}`, Math.max(20, width - 6));
          const colour = r[4] === "yes" ? paint.green : paint.red;
          out.push(`  failure of${r[0].slice(1)}`, ...outcome.map((l, i) => "      " + (i === 0 ? colour(verdict) + l.slice(verdict.length) : l)));
        }
      }
      for (const s of g.prediction.scenarios) explain(`${s.node} ${s.track}: ${s.why}`);
    } else {
      out.push(paint.dim("  no tracked checks: only a node or network failure moves the VIP"));
    }
    out.push("");
  }
  if (groups.length === 0) out.push("no VRRP instance with a virtual_router_id was found", "");
  return out.join("\n");
}
