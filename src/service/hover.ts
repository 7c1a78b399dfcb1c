/**
 * Hover: what a keyword means (from the schema), what a tracked object's
 * weight really is where it is used, the priority range tracking can reach,
 * the value of a $NAME, and the files an include brings in.
 */
import type { Hover } from "vscode-languageserver-types";
import { wordForDisplay, type ConfigNode, type Span } from "../../grammar/ast.js";
import { contextsOf, describeSpans, hasKeyword, keywordSpans, lookupKeyword, OLDEST_RELEASE, whyMissing, type KeywordSpec } from "../../grammar/schema/index.js";
import type { Tracker, VrrpInstance } from "../model/model.js";
import type { Analysis } from "./analyze.js";
import { nodeAt, onWord, sitesOf } from "./symbols-table.js";
import { rangeOf } from "./text.js";

export interface HoverOptions {
  /** Client renders markdown (else plain text). */
  markdown?: boolean;
}

export function hover(analysis: Analysis, file: string, offset: number, options: HoverOptions = {}): Hover | null {
  const ast = analysis.result.ast;
  const f = analysis.result.files.get(file);
  if (!f) return null;
  const md = options.markdown !== false;
  const answer = (lines: string[], span: Span): Hover => ({
    contents: { kind: md ? "markdown" : "plaintext", value: md ? lines.join("\n\n") : lines.join("\n\n").replace(/[`*]/g, "") },
    range: rangeOf(f, span.start, span.end),
  });

  const use = ast.definitionUses.find((u) => onWord(u.span, file, offset));
  if (use) {
    const d = use.definition;
    return answer(d ? [`**$${d.name}**`, "```keepalived\n" + d.value + "\n```"] : [`**$${use.name}** is not defined`], use.span);
  }
  const include = ast.includes.find((i) => onWord(i.patternSpan, file, offset));
  if (include) {
    const list = include.files.length ? include.files.map((p) => `- \`${p}\``).join("\n") : "no file matches";
    return answer([`**${include.keyword}** \`${include.pattern}\``, list], include.patternSpan);
  }
  const at = nodeAt(ast, file, offset);
  if (!at?.word) return null;
  const { node, word } = at;

  const site = sitesOf(node).find((s) => s.word === word);
  if (site && (site.kind === "vrrp_script" || site.kind === "track_file" || site.kind === "vrrp_track_process" || site.kind === "bfd_instance")) {
    return answer(trackedObjectHover(analysis, site.name, site.kind, node), word);
  }
  if (site?.kind === "vrrp_instance") {
    const inst = analysis.result.model.instancesByName.get(site.name);
    if (inst) return answer([`**vrrp_instance ${inst.name}**`, ...instanceSummary(inst)], word);
  }
  if (node.kind !== "keyword") return null;

  const spec = lookupKeyword(node.context, node.name);
  // On an argument, explain the keyword it belongs to (what values it takes).
  if (at.index !== 0) return spec ? answer(keywordDoc(spec, analysis.result.targetVersion), word) : null;
  if (!spec) {
    const elsewhere = contextsOf(node.name).map((k) => `\`${k.context}\``);
    const where = elsewhere.length ? `valid in ${elsewhere.join(", ")}` : "not a keepalived keyword";
    return answer([`**${node.name}**: unknown in \`${node.context}\`; ${where}`], word);
  }
  const lines = keywordDoc(spec, analysis.result.targetVersion);
  if (spec.name === "priority" && node.parent?.name === "vrrp_instance") {
    const inst = analysis.result.model.instances.find((i) => i.node === node.parent);
    if (inst) lines.push(priorityRange(inst));
  }
  return answer(lines, word);
}

/** The schema's facts about a keyword, as hover lines. */
export function keywordDoc(spec: KeywordSpec, target?: string): string[] {
  const lines = [`**${spec.name}** \`${spec.args || "(no arguments)"}\``];
  if (spec.description) lines.push(spec.description);
  const facts: string[] = [];
  if (spec.range) facts.push(`range ${spec.range[0]}..${spec.range[1]}`);
  if (spec.values?.length) facts.push(`one of ${spec.values.map((v) => `\`${v}\``).join(", ")}`);
  const spans = keywordSpans(spec.context, spec.name);
  // The inventory dates keywords older than the history the schema replays (2.0.19).
  const all = spans.length === 1 && spans[0]!.since === OLDEST_RELEASE && spans[0]!.until === undefined;
  facts.push(all ? `since keepalived ${spec.since.replace(/^v/, "")} (every release from ${OLDEST_RELEASE})` : `keepalived ${describeSpans(spans)}`);
  if (target !== undefined) {
    facts.push(hasKeyword(spec.context, spec.name, target) ? `known to ${target} (the target)` : `**not in ${target}** (the target): ${whyMissing(spans, target)}`);
  }
  if (spec.deprecated) {
    facts.push(`deprecated${spec.deprecated.since ? ` since ${spec.deprecated.since.replace(/^v/, "")}` : ""}${spec.deprecated.use ? `: use \`${spec.deprecated.use}\`` : ""}`);
  }
  if (spec.aliasOf) facts.push(`alias of \`${spec.aliasOf}\``);
  if (spec.buildOption) facts.push(`needs keepalived built with ${spec.buildOption}`);
  lines.push(facts.join(" · "));
  if (spec.notes) lines.push(spec.notes);
  return lines;
}

const KIND_OF = { vrrp_script: "script", track_file: "file", vrrp_track_process: "process", bfd_instance: "bfd" } as const;

function trackedObjectHover(analysis: Analysis, name: string, refKind: keyof typeof KIND_OF, node: ConfigNode): string[] {
  const model = analysis.result.model;
  const kind = KIND_OF[refKind];
  const def = model.objects[kind].get(name);
  const lines: string[] = [];
  if (!def) lines.push(`**${refKind} ${name}** is not defined`);
  else {
    const f = analysis.result.files.get(def.node.file);
    const line = f ? f.position(def.node.start).line : 0;
    lines.push(`**${def.node.name} ${name}** defined at \`${def.node.file}:${line}\``);
    const body = [...def.settings.values()].map((s) => `${s.name} ${s.args.map(wordForDisplay).join(" ")}`.trim());
    if (body.length) lines.push("```keepalived\n" + body.join("\n") + "\n```");
  }
  const uses: { owner: string; t: Tracker }[] = [];
  for (const inst of model.instances) for (const t of inst.trackers) if (t.kind === kind && t.name === name) uses.push({ owner: `vrrp_instance ${inst.name}`, t });
  for (const g of model.syncGroups) for (const t of g.trackers) if (t.kind === kind && t.name === name) uses.push({ owner: `vrrp_sync_group ${g.name}`, t });
  const here = uses.find((u) => u.t.node === node);
  const shown = here ? [here] : uses;
  for (const u of shown) lines.push(`effective weight on ${u.owner}: **${signed(u.t.weight)}**${u.t.reverse ? " (reverse)" : ""} (${weightSource(u.t)})`);
  if (!here && uses.length === 0) lines.push("not tracked by any instance");
  return lines;
}

function weightSource(t: Tracker): string {
  if (t.weightFrom === "tracker") return "set on the track line";
  if (t.weightFrom === "definition") return "from the definition";
  return "default";
}

const signed = (n: number) => (n > 0 ? `+${n}` : `${n}`);

function instanceSummary(inst: VrrpInstance): string[] {
  return [`state ${inst.state}, priority ${inst.priority}${inst.nopreempt ? ", nopreempt" : ""}`, priorityRange(inst)];
}

/**
 * The priorities tracking can produce: keepalived adds positive weights while
 * a check succeeds and negative ones while it fails, clamped to 1..254; an
 * address owner (255) ignores tracking weights.
 */
export function priorityRange(inst: VrrpInstance): string {
  const trackers = [...inst.trackers, ...(inst.syncGroup?.trackingWeight ? inst.syncGroup.trackers : [])].filter((t) => t.weight !== 0);
  if (inst.priority === 255) return "effective priority: **255** (address owner: tracking weights do not apply)";
  if (trackers.length === 0) return `effective priority: **${inst.priority}** (no weighted tracking)`;
  let low = inst.priority;
  let high = inst.priority;
  for (const t of trackers) {
    const w = t.reverse ? -t.weight : t.weight;
    if (w < 0) low += w;
    else high += w;
  }
  const clamp = (n: number) => Math.min(254, Math.max(1, n));
  const parts = trackers.map((t) => `${t.kind} ${t.name} ${signed(t.weight)}${t.reverse ? " reverse" : ""}`).join(", ");
  return `effective priority: **${clamp(low)}..${clamp(high)}** (base ${inst.priority}; ${parts})`;
}
