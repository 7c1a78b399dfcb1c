// Regenerates grammar/schema/keywords.data.ts from the research inventory
// (../shared/reference/keywords.json, a dump of keepalived's own keyword tree).
// Only facts come from there: descriptions and hover notes are our own prose in
// grammar/schema/descriptions.ts, merged by grammar/schema/index.ts, so
// regenerating never touches them. Run: node scripts/gen-schema.mjs [output-file]
import { readFileSync, writeFileSync } from "node:fs";

const ref = JSON.parse(readFileSync(new URL("../../shared/reference/keywords.json", import.meta.url), "utf8"));
// An output path argument writes elsewhere (the schema test regenerates into a temp file and compares).
const out = process.argv[2] ?? new URL("../grammar/schema/keywords.data.ts", import.meta.url);

// Root blocks whose name argument declares an object others refer to.
const DEFINES = {
  vrrp_instance: "vrrp_instance", vrrp_script: "vrrp_script", vrrp_track_process: "vrrp_track_process",
  track_file: "track_file", vrrp_track_file: "track_file", bfd_instance: "bfd_instance",
  vrrp_sync_group: "vrrp_sync_group", track_group: "track_group", virtual_server_group: "virtual_server_group",
};
const REF_KINDS = new Set(Object.values(DEFINES));
// vrrp_instance keywords whose handlers set VRRP_FLAG_UNICAST_CONFIGURED (vrrp_parser.c).
const SETS_UNICAST = new Set(["unicast_peer", "unicast_src_ip", "unicast_fault_no_peer", "check_unicast_src", "old_unicast_checksum"]);
// "<bfd_instance name>" in an argument or line grammar: the word names an object of that kind.
const refIn = (grammar) => {
  const m = /^<(\w+) name>/.exec(grammar ?? "");
  return m && REF_KINDS.has(m[1]) ? m[1] : undefined;
};
// Upper bounds the inventory leaves open, read from the handlers (read_timer /
// read_decimal_unsigned_strvec with UINT_MAX µs, *_rlimit_rttime with 1..UINT32_MAX)
// and checked against keepalived -t (test/schema/oracle-values.test.ts).
const UINT_MAX_USECS = 4294.967295;
const RANGE_FIXES = {
  "*|connect_timeout": [0.000001, UINT_MAX_USECS],
  "global_defs|vrrp_garp_interval": [0.000001, UINT_MAX_USECS],
  "global_defs|vrrp_gna_interval": [0.000001, UINT_MAX_USECS],
  "global_defs|vrrp_startup_delay": [0.001, UINT_MAX_USECS],
  "global_defs|vrrp_delay_after_boot": [0.001, UINT_MAX_USECS],
  "garp_group|garp_interval": [0, UINT_MAX_USECS],
  "garp_group|gna_interval": [0, UINT_MAX_USECS],
  "vrrp_script|interval": [0, 4294], // read from 0; 0 is then reported and raised to 1
  "vrrp_script|timeout": [0, 4294],
  "global_defs|vrrp_rlimit_rtime": [1, 4294967295],
  "global_defs|checker_rlimit_rttime": [1, 4294967295],
  "global_defs|checker_rlimit_rtime": [1, 4294967295],
  "global_defs|bfd_rlimit_rttime": [1, 4294967295],
  "global_defs|bfd_rlimit_rtime": [1, 4294967295],
};
const rangeFix = (ctx, kw) => RANGE_FIXES[`${ctx}|${kw}`] ?? (v_isChecker(ctx) ? RANGE_FIXES[`*|${kw}`] : undefined);
function v_isChecker(ctx) {
  return ctx === "virtual_server" || ctx.startsWith("virtual_server.real_server");
}

// 2.2.7 read a few arguments differently; the inventory says how in prose, reduced here to a type.
// `until` is the first release with today's reading, from the handlers in keepalived's history:
// flags read their value as a boolean from 2.3.0 (check_true_false in vrrp_strict_handler …),
// the timers' INT_MAX and vrrp_script's whole seconds became UINT_MAX and decimals in 2.3.2.
const olderOf = (text, type) => {
  if (/^flag\b/.test(text)) return { until: "2.3.0", type: "flag" };
  if (/^max INT_MAX usecs/.test(text)) return { until: "2.3.2", type, range: [0, 2147.483647] };
  const m = /^<uint seconds (\d+)\.\.(\d+)>/.exec(text);
  if (m) return { until: "2.3.2", type: "uint", range: [Number(m[1]), Number(m[2])] };
  return undefined;
};

const buildDeps = [];
for (const [option, keys] of Object.entries(ref.meta.build_dependent)) {
  for (const key of keys) {
    if (!key.includes("|")) continue; // "not X" entries: present in normal builds
    const [ctx, kw] = key.split("|");
    buildDeps.push({ ctx, re: new RegExp("^" + kw.replace(/\*/g, ".*") + "$"), option: option.replace(/ \(.*$/, "") });
  }
}
const kindOf = (v) => (v.opens_block === "keywords" ? "block" : v.opens_block === "values" ? "value-block" : v.type === "flag" ? "flag" : "scalar");

// Kinds whose references keepalived resolves while reading (the inventory notes say the
// definition must come "BEFORE" / "precede" its users); the others are resolved at the end.
const EARLY = new Set();
for (const [kname, v] of Object.entries(ref.contexts.root.keywords)) {
  if (DEFINES[kname] && /\b(BEFORE|precede)\b/.test(v.notes ?? "")) EARLY.add(DEFINES[kname]);
}

const entries = [];
const byContext = {};
const contexts = [];
for (const [cname, c] of Object.entries(ref.contexts)) {
  // keepalived reads the peer as a bare address (parse_ipaddress without subnet): "/len" is rejected.
  const lineGrammar = c.line_grammar?.replace("[peer <ip>[/len]]", "[peer <ip>]");
  const ctx = { name: cname, kind: c.kind, lineGrammar };
  const same = /^\(as ([\w.]+)\)$/.exec(c.line_grammar ?? "");
  const entryRef = refIn(same ? ref.contexts[same[1]]?.line_grammar : c.line_grammar);
  if (entryRef) ctx.entryRef = entryRef;
  contexts.push(ctx);
  for (const [kname, v] of Object.entries(c.keywords ?? {})) {
    const e = { context: cname, name: kname, kind: kindOf(v) };
    if (v.child_context) e.childContext = v.child_context;
    e.type = v.type;
    e.args = v.args;
    const fixed = rangeFix(cname, kname);
    if (v.range || fixed) e.range = fixed ?? v.range;
    // The leading alternatives are the enum's words ("NAT|DR|TUN [type …]", "[VS]", "TCP|UDP|SCTP (case-insensitive)").
    const enumMatch = /^\[?([\w.-]+(?:\|[\w.-]+)*)\]?(?:\s|$)/.exec(v.args);
    if (v.type === "enum" && enumMatch) e.values = enumMatch[1].split("|");
    if (v.type === "bool") e.values = ["on", "off", "true", "false", "yes", "no"];
    e.argRequired = v.missing_arg === "fatal-exit-2";
    e.since = v.since;
    e.inV227 = v.in_2_2_7;
    if (v.deprecated) e.deprecated = { use: v.deprecated.use, since: v.deprecated.since };
    if (v.alias_of) e.aliasOf = v.alias_of;
    if (v.quoted_keyword) e.quoted = true;
    e.processes = v.processes;
    const ref = v.type === "ref" ? refIn(v.args) : undefined;
    if (ref) e.ref = ref;
    if (cname === "root" && DEFINES[kname]) {
      e.defines = DEFINES[kname];
      if (EARLY.has(e.defines)) e.definedBeforeUse = true;
    }
    if (cname === "vrrp_instance" && SETS_UNICAST.has(kname)) e.setsUnicast = true;
    // The inventory's own wording: "0 -> set to 1" / "0 -> error, set to 1".
    if (/(^|\. )0 -> (error, )?set to 1\b/.test(v.notes ?? "")) e.zeroRaised = true;
    const old = v.v2_2_7 ? olderOf(v.v2_2_7, v.type) : undefined;
    if (old) e.older = old;
    const dep = buildDeps.find((d) => (d.ctx === cname || d.ctx === cname.split(".").pop()) && d.re.test(kname));
    if (dep) e.buildOption = dep.option;
    entries.push(e);
    (byContext[cname] ??= []).push("    " + JSON.stringify(e).replace(/^\{"context":/, "{ context: ").replace(/,"(\w+)":/g, ", $1: ").replace(/\}$/, " }") + ",");
  }
}

// Each context's keywords come in a function of its own, called on first use (facts.ts): a
// lint meets a few of the contexts, and making all 531 objects was ~0.5 ms of every start-up.
// What start-up asks of every keyword is listed here once, generated from the same entries.
const names = (pick) => [...new Set(entries.filter(pick).map((e) => e.name))];
const header = `// keepalived's keyword tree: every keyword of every context of the newest keepalived
// source and of 2.2.7. GENERATED by scripts/gen-schema.mjs from the research inventory:
// do not edit. Descriptions and notes live in descriptions.ts.
import type { KeywordFacts, RefKind } from "./types.js";

export interface ContextData { name: string; kind: "root" | "block" | "value_block"; lineGrammar?: string; entryRef?: RefKind }

export const CONTEXTS: readonly ContextData[] = ${JSON.stringify(contexts, null, 1)};

/** Each context's keywords, in the inventory's order, made when called (facts.ts calls each once); contexts without keywords are absent. */
export const KEYWORDS_OF: Readonly<Record<string, () => KeywordFacts[]>> = {
`;
const body = Object.entries(byContext).map(([cname, ls]) => `  ${JSON.stringify(cname)}: () => [\n${ls.join("\n")}\n  ],`).join("\n");
const derived = `
};

/** Names some keyword is deprecated under, in some context (what deprecated-keyword watches). */
export const DEPRECATED_NAMES: readonly string[] = ${JSON.stringify(names((e) => e.deprecated))};

/** Names of keywords whose line keepalived re-reads shell-style, in some context (quoted: scripts). */
export const QUOTED_NAMES: readonly string[] = ${JSON.stringify(names((e) => e.quoted))};

/** Keywords that need a compile-time option, as [context, name, option]. */
export const BUILD_OPTION_KEYWORDS: readonly (readonly [context: string, name: string, option: string])[] = ${JSON.stringify(entries.filter((e) => e.buildOption).map((e) => [e.context, e.name, e.buildOption]))};

/** The contexts no script line can be in, at any depth (every keyword of theirs and of the blocks they open is unquoted). */
export const SCRIPTLESS_CONTEXTS: readonly string[] = ${JSON.stringify(scriptless())};
`;
writeFileSync(out, header + body + derived);
console.log(`wrote ${entries.length} keywords in ${contexts.length} contexts`);

/** Contexts whose keywords, and those of the blocks they open, are never quoted; a context without keywords has no scripts. */
function scriptless() {
  const memo = new Map();
  const hasScripts = (context) => {
    if (memo.has(context)) return memo.get(context);
    // Being worked out (a cycle): counted as having scripts, as the rule's walk did.
    memo.set(context, true);
    const own = entries.filter((e) => e.context === context);
    const found = contexts.every((c) => c.name !== context) || own.some((e) => e.quoted === true || (e.childContext !== undefined && hasScripts(e.childContext)));
    memo.set(context, found);
    return found;
  };
  return contexts.map((c) => c.name).filter((c) => !hasScripts(c));
}
