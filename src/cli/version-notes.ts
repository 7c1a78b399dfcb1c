/**
 * Version ranges for `rules` and `explain`: which keepalived releases a rule
 * runs for, and for the version rule itself, which keywords and value forms
 * came (or went) with which release — all from the schema.
 */
import { VALUE_FORMS } from "../../grammar/schema/changes.js";
import { allKeywords, describeSpans, keywordSpans, OLDEST_RELEASE } from "../../grammar/schema/index.js";
import type { RuleMeta } from "../engine/rule.js";

/** "every release", "2.3.0 and newer", "before 2.3.0", "2.2.5 to before 2.4.0". */
export function ruleVersions(meta: RuleMeta): string {
  const v = meta.targetVersions;
  if (!v) return "every release";
  if (v.since && v.until) return `${v.since} to before ${v.until}`;
  return v.since ? `${v.since} and newer` : `before ${v.until}`;
}

/** Markdown: keywords whose releases differ, grouped by the release that added them, and the value forms. */
export function keywordChangesMarkdown(): string {
  const byRelease = new Map<string, string[]>();
  const other: string[] = [];
  for (const k of allKeywords()) {
    const spans = keywordSpans(k.context, k.name);
    const label = `\`${k.name}\`${k.context === "root" ? "" : ` (${k.context})`}`;
    if (spans.length === 1 && spans[0]!.until === undefined) {
      if (spans[0]!.since === OLDEST_RELEASE) continue;
      const list = byRelease.get(spans[0]!.since) ?? [];
      list.push(label);
      byRelease.set(spans[0]!.since, list);
    } else other.push(`${label}: ${describeSpans(spans)}`);
  }
  const order = (r: string) => (r === "HEAD" ? [99] : r.split(".").map(Number));
  const releases = [...byRelease.keys()].sort((a, b) => {
    const x = order(a), y = order(b);
    return (x[0]! - y[0]!) || ((x[1] ?? 0) - (y[1] ?? 0)) || ((x[2] ?? 0) - (y[2] ?? 0));
  });
  const lines = ["", "## Keywords by keepalived release", "", `From keepalived's source history (every release from ${OLDEST_RELEASE}); keywords not listed are in all of them.`, ""];
  for (const r of releases) lines.push(`- ${r === "HEAD" ? "unreleased master" : `added in ${r}`}: ${byRelease.get(r)!.join(", ")}`);
  for (const o of other) lines.push(`- ${o}`);
  lines.push("", "## Value forms by release", "");
  for (const f of VALUE_FORMS) lines.push(`- ${describeSpans(f.accepted)}: ${f.what}`);
  return lines.join("\n") + "\n";
}
