/**
 * Differential comparison of our findings with `keepalived -t` (2.2.7): which
 * of keepalived's located, host-independent messages of the parse-time kinds
 * (unknown keyword, braces, quotes, missing parameter, bad values) we report
 * at the same file and line, and which of our error findings of those kinds
 * keepalived does not print.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ConfigNode, Diagnostic } from "../../grammar/ast.js";
import { lint } from "../../src/workspace/lint.js";
import { nodeFiles } from "../../src/node/files.js";
import type { OracleKind, OracleMessage, OracleResult } from "../oracle/keepalived.js";

/** keepalived message kinds compared, and the rules of ours that report each. */
export const COMPARED: Partial<Record<OracleKind, readonly string[]>> = {
  "unknown-keyword": ["unknown-keyword", "unsupported-in-target-version", "unbalanced-brace"],
  // keepalived reports the '{' after an unknown keyword; we report the keyword, on the same line when written `kw {`.
  "unexpected-brace": ["unexpected-brace", "unknown-keyword"],
  "missing-brace": ["missing-brace"],
  "extra-brace": ["unbalanced-brace"],
  "missing-close-brace": ["unbalanced-brace"],
  quote: ["unmatched-quote"],
  // A value-block entry missing an option's value (`to` alone on a virtual_rules line) is an invalid-value finding.
  "missing-argument": ["missing-argument", "invalid-value"],
  // keepalived truncates a long auth_pass with a message; our HA rule reports exactly that.
  value: ["invalid-value", "auth-pass-too-long"],
  "extra-parameters": ["invalid-value"],
};

/** The kind an extra finding of ours is counted under in the table. */
const PRIMARY_KIND: Record<string, string> = { "invalid-value": "value", "unbalanced-brace": "extra-brace", "unknown-keyword": "unknown-keyword" };

const OUR_RULES = new Set(Object.values(COMPARED).flat());

export interface Finding {
  ruleId: string;
  file: string;
  line: number;
  /** 1-based column of the finding's start. */
  column: number;
  message: string;
  /** Inside a top-level block other than global_defs while net_namespace is set: `keepalived -t` does not check it. */
  inNamespacedChild?: boolean;
}

export interface FileComparison {
  file: string;
  exitCode: number | null;
  /** keepalived messages compared (located, host-independent, compared kinds). */
  theirs: OracleMessage[];
  matched: OracleMessage[];
  missed: OracleMessage[];
  /** Our error findings of the compared rules at a line where keepalived prints nothing of a matching kind. */
  extra: Finding[];
  /** Our findings keepalived never got to: it stopped at a missing parameter (exit 2) before them. */
  afterStop: Finding[];
  /** Our findings where keepalived reads nothing: the rest of an abandoned entry line (abandonedFrom), blocks -t skips (childSkippedLines, namespacedChildBlocks). */
  notRead: Finding[];
}

/** Our findings for one configuration, linted as keepalived `version` (default 2.2.7) reads it with config id `configId`. */
export function ourFindings(mainFile: string, configId: string, version = "2.2.7"): Finding[] {
  // Every finding and every expansion keepalived makes, not the linter's budgets (docs/limits.md): this
  // compares what the reader reads with what keepalived reads, and a few corpus files expand past 40,000 lines.
  const budgets = { findingsPerFile: Number.MAX_SAFE_INTEGER, expandedLines: 1_000_000, totalExpandedLines: 2_000_000 };
  const r = lint(nodeFiles({ cwd: path.dirname(mainFile) }), [mainFile], { targetVersion: version, configId, budgets });
  const namespaced = namespacedChildBlocks(r.ast.children, (f) => r.files.get(f)?.text ?? "");
  return r.diagnostics
    .filter((d: Diagnostic) => OUR_RULES.has(d.ruleId) && d.severity === "error")
    .map((d) => {
      const pos = r.files.get(d.file)?.position(d.start);
      const finding: Finding = { ruleId: d.ruleId, file: path.resolve(d.file), line: pos?.line ?? 0, column: pos?.column ?? 0, message: d.message };
      if (namespaced.some((b) => b.file === d.file && d.start >= b.start && d.start < b.end)) finding.inNamespacedChild = true;
      return finding;
    });
}

/**
 * With `net_namespace` set, keepalived 2.2.7's `-t` reports only what its
 * parent process reads (global_defs and top-level lines): the VRRP, checker
 * and BFD processes that would read their blocks in the namespace never print
 * anything, and the exit code ignores them (test/schema/oracle-namespace.test.ts).
 * The parent skips each such block by counting braces (skip_block), which can
 * run past where the block ends for us (a `{` it ignored). Our findings in
 * those stretches have no keepalived verdict to compare with.
 */
export function namespacedChildBlocks(roots: readonly ConfigNode[], textOf: (file: string) => string): { file: string; start: number; end: number }[] {
  if (!roots.some((n) => n.name === "net_namespace")) return [];
  return roots.filter((n) => n.block && n.name !== "global_defs").map((n) => ({ file: n.file, start: n.start, end: Math.max(n.end, skippedTo(textOf(n.file), n.start)) }));
}

/**
 * Offsets of the braces of one line as keepalived splits them off: outside
 * double quotes (an unmatched quote runs to the end of the line) and comments.
 * A `${NAME}` reference counts for nothing: keepalived counts after
 * substitution, and an undefined name's braces balance anyway.
 */
function lineBraces(line: string): number[] {
  const out: number[] = [];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "#" || c === "!") break;
    else if (c === "$" && line[i + 1] === "{") {
      const close = line.indexOf("}", i);
      if (close >= 0) i = close;
    } else if (c === "{" || c === "}") out.push(i);
  }
  return out;
}

/** Where counting `{` and `}` from `start` first comes back to zero. */
function skippedTo(text: string, start: number): number {
  let depth = 0;
  for (let at = start; at < text.length;) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    for (const i of lineBraces(text.slice(at, end))) {
      if (text[at + i] === "{") depth++;
      else if (depth > 0 && --depth === 0) return at + i + 1;
    }
    at = end + 1;
  }
  return text.length;
}

const texts = new Map<string, string[]>();

function linesOf(file: string): string[] {
  let lines = texts.get(file);
  if (!lines) {
    try {
      lines = fs.readFileSync(file, "utf8").split("\n");
    } catch {
      lines = [];
    }
    texts.set(file, lines);
  }
  return lines;
}

/**
 * Lines of the main file that keepalived 2.2.7's checker, vrrp and bfd processes
 * never read. Those processes do not handle global_defs (the parent did), so
 * process_stream() skips its block by counting every '{' and '}' (skip_sublevel),
 * including a '{' the parent ignored ("Unexpected '{' - ignoring" after an unknown
 * keyword). Such a '{' makes the skip run past the parent's end of global_defs,
 * over blocks the parent then read at the top level: only the parent's own
 * messages (unknown keywords, braces) exist for those lines, no value checks.
 */
export function childSkippedLines(file: string, oracle: readonly OracleMessage[]): { from: number; to: number } | undefined {
  const ignored = new Set(oracle.filter((m) => m.kind === "unexpected-brace" && m.file === file && m.line !== null).map((m) => m.line!));
  if (ignored.size === 0) return undefined;
  const lines = linesOf(file);
  let raw = 0;
  let parent = 0;
  let started = false;
  let parentEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!started && !/^\s*global_defs\b/.test(line)) continue;
    started = true;
    const braces = lineBraces(line);
    for (const at of braces) {
      if (line[at] === "{") {
        raw++;
        if (parent === 0 || !ignored.has(i + 1)) parent++;
      } else {
        raw--;
        if (parent > 0 && --parent === 0 && parentEnd < 0) parentEnd = i + 1;
      }
    }
    if (raw <= 0 && braces.length > 0) return parentEnd > 0 && i + 1 > parentEnd ? { from: parentEnd + 1, to: i + 1 } : undefined;
  }
  const last = lines.length - (lines[lines.length - 1] === "" ? 1 : 0);
  return started && parentEnd > 0 ? { from: parentEnd + 1, to: last } : undefined;
}

/** Our verdicts on a whole route or rule line: alloc_route / alloc_rule reach them only after reading every word. */
const WHOLE_LINE_VERDICT = /rule has no preference|rule has no action|route must have a destination|cannot track a route without dev|rule goto needs a preference/;

/**
 * keepalived 2.2.7's entry-line readers give up on the rest of a line at some
 * messages, so nothing after the word they name is ever checked:
 * alloc_ipaddress returns and alloc_route / alloc_rule `goto err` when the
 * interface after dev / oif / iif does not exist on this host; alloc_track_if
 * returns when the tracked interface does not exist; alloc_track_script,
 * alloc_track_process, alloc_track_bfd and alloc_track_file return when the
 * tracked name is not defined; alloc_route / alloc_rule `goto err` when a
 * table, protocol, scope or VRF name is not in this host's /etc/iproute2
 * files. What keepalived would say of that word itself (e.g. a name too long
 * for an interface) depends on the host too. Returns the
 * 1-based column of the named word, from which keepalived's verdicts on the
 * line are missing, or undefined when the message is not one of these.
 */
export function abandonedFrom(message: OracleMessage): number | undefined {
  if (message.line === null) return undefined;
  const named =
    /^WARNING - interface (\S+) for (?:ip address \S+|VROUTE nexthop|rule) doesn't exist/.exec(message.text)?.[1] ??
    /^\([^)]*\) tracked interface (\S+) doesn't exist/.exec(message.text)?.[1] ??
    /^\([^)]*\) track (?:script|process|bfd|file) (\S+) not found, ignoring/.exec(message.text)?.[1] ??
    /^(?:Routing table|Protocol|Scope|VRF) (\S+) not found(?: or invalid)? for (?:route|rule)/.exec(message.text)?.[1];
  if (named === undefined) return undefined;
  const text = linesOf(message.file)[message.line - 1] ?? "";
  // The named word as a whole word of the line; the line is unread after it.
  const at = new RegExp(`(^|[\\s"])${named.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[\\s"])`).exec(text);
  return at ? at.index + at[1]!.length + 1 : 1;
}

/**
 * keepalived reports a missing '{' at the line it read instead of the brace;
 * we report it at the block keyword: the last line with content before it.
 */
function keywordLineBefore(file: string, line: number): number {
  const lines = linesOf(file);
  for (let i = line - 2; i >= 0; i--) if (!/^\s*(?:[#!].*)?$/.test(lines[i]!)) return i + 1;
  return -1;
}

function rulesFor(kind: OracleKind): readonly string[] {
  return COMPARED[kind] ?? [];
}

export function compare(mainFile: string, oracle: OracleResult, ours: Finding[]): FileComparison {
  const all = oracle.messages.filter((m) => COMPARED[m.kind] !== undefined);
  // Messages without a location come from validation after parsing, except the EOF brace count.
  const theirs = all.filter((m) => !m.hostDependent && (m.line !== null || m.kind === "missing-close-brace"));
  const hits = (m: OracleMessage, f: Finding) =>
    rulesFor(m.kind).includes(f.ruleId) && f.file === m.file && (m.line === null || f.line === m.line || (m.kind === "missing-brace" && f.line === keywordLineBefore(m.file, m.line)));
  const matched: OracleMessage[] = [];
  const missed: OracleMessage[] = [];
  for (const m of theirs) (ours.some((f) => hits(m, f)) ? matched : missed).push(m);
  // keepalived exits at the first missing parameter: nothing after that line in that file, nor in later files, exists.
  // A run that died from a signal (2.2.7's checker segfaults after "HTTP/SSL_GET checker has no urls specified",
  // http_get_check_end using the checker it just dequeued) stopped after the last located message it printed.
  const located = oracle.messages.filter((m) => m.line !== null && m.file === mainFile);
  // 2.2.7 and newer exit 2 there; 2.2.4 exits 4 after the same message.
  const stop = oracle.exitCode === 2 || oracle.exitCode === 4
    ? all.find((m) => m.kind === "missing-argument" && m.line !== null)
    : oracle.crashed ? located[located.length - 1] : undefined;
  const abandoned = oracle.messages.flatMap((m) => {
    const column = abandonedFrom(m);
    return column === undefined ? [] : [{ file: m.file, line: m.line!, column }];
  });
  const skippedByChildren = childSkippedLines(mainFile, oracle.messages);
  const extra: Finding[] = [];
  const afterStop: Finding[] = [];
  const notRead: Finding[] = [];
  for (const f of ours) {
    if (all.some((m) => hits(m, f))) continue;
    if (stop && (f.file !== stop.file || f.line > stop.line!)) afterStop.push(f);
    else if (f.inNamespacedChild) notRead.push(f);
    else if (f.ruleId === "invalid-value" && skippedByChildren && f.file === mainFile && f.line >= skippedByChildren.from && f.line <= skippedByChildren.to) notRead.push(f);
    else if (abandoned.some((a) => a.file === f.file && a.line === f.line && (f.column >= a.column || WHOLE_LINE_VERDICT.test(f.message)))) notRead.push(f);
    else extra.push(f);
  }
  return { file: mainFile, exitCode: oracle.exitCode, theirs, matched, missed, extra, afterStop, notRead };
}

export interface KindRow {
  kind: string;
  keepalived: number;
  matched: number;
  missed: number;
  oursOnly: number;
}

/** Per-kind totals; our extra findings are attributed to the first kind their rule reports. */
export function table(results: readonly FileComparison[]): KindRow[] {
  const rows = new Map<string, KindRow>();
  const row = (kind: string) => {
    let r = rows.get(kind);
    if (!r) rows.set(kind, (r = { kind, keepalived: 0, matched: 0, missed: 0, oursOnly: 0 }));
    return r;
  };
  for (const kind of Object.keys(COMPARED)) row(kind);
  for (const res of results) {
    for (const m of res.theirs) row(m.kind).keepalived++;
    for (const m of res.matched) row(m.kind).matched++;
    for (const m of res.missed) row(m.kind).missed++;
    for (const f of res.extra) {
      const kind = PRIMARY_KIND[f.ruleId] ?? Object.entries(COMPARED).find(([, rules]) => rules!.includes(f.ruleId))![0];
      row(kind).oursOnly++;
    }
  }
  return [...rows.values()];
}

export function formatTable(rows: readonly KindRow[], title: string): string {
  const total = rows.reduce((t, r) => ({ kind: "total", keepalived: t.keepalived + r.keepalived, matched: t.matched + r.matched, missed: t.missed + r.missed, oursOnly: t.oursOnly + r.oursOnly }), { kind: "total", keepalived: 0, matched: 0, missed: 0, oursOnly: 0 });
  const lines = [`${title}`, `${"kind".padEnd(20)} ${"keepalived".padStart(10)} ${"matched".padStart(8)} ${"missed".padStart(7)} ${"ours only".padStart(9)}`];
  for (const r of [...rows, total]) {
    lines.push(`${r.kind.padEnd(20)} ${String(r.keepalived).padStart(10)} ${String(r.matched).padStart(8)} ${String(r.missed).padStart(7)} ${String(r.oursOnly).padStart(9)}`);
  }
  const pct = total.keepalived === 0 ? 100 : (100 * total.matched) / total.keepalived;
  lines.push(`agreement: ${pct.toFixed(2)}% of keepalived's messages matched at the same file and line`);
  return lines.join("\n");
}
