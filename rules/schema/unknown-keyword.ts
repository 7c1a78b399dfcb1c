/**
 * A keyword keepalived does not know where it is written. keepalived reports
 * "Unknown keyword" and ignores the line; a block after it is not skipped: its
 * '{' is ignored and its lines are read as lines of the enclosing block.
 */
import type { BehaviourArea, ConfigNode, Diagnostic, Fix } from "../../grammar/ast.js";
import { contextsOf, getContext, knownIn, lookupKeyword } from "../../grammar/schema/index.js";
import { fixOf, replaceWord } from "../../src/engine/fix.js";
import { defineRule, type LintSettings, type RuleContext } from "../../src/engine/rule.js";
import { editDistance } from "../../src/engine/suggest.js";
import { contextLabel, followedByBrace } from "./helpers-tree.js";

/** Keywords of `context` within reach of `name`: the closest ones only (case-only differences first). */
export function closeKeywords(context: string, name: string, settings: LintSettings): string[] {
  // Generated and mangled files repeat the same unknown words: the edit distances to every keyword of the
  // context were a seventh of the fuzzer's time on mutated configs (issue 24).
  const key = `${settings.targetVersion}\0${context}\0${name}`;
  let close = closeCache.get(key);
  if (!close) {
    if (closeCache.size >= CLOSE_CACHE_SIZE) closeCache.clear();
    closeCache.set(key, (close = computeCloseKeywords(context, name, settings)));
  }
  return [...close];
}

const CLOSE_CACHE_SIZE = 10_000;
const closeCache = new Map<string, readonly string[]>();

function computeCloseKeywords(context: string, name: string, settings: LintSettings): string[] {
  const names = keywordNames(context, settings.targetVersion);
  if (!names) return [];
  const lower = name.toLowerCase();
  const sameCase = names.filter((k) => k.toLowerCase() === lower);
  if (sameCase.length > 0) return sameCase;
  // Short words are close to too many keywords to guess.
  const max = name.length >= 8 ? 2 : name.length >= 4 ? 1 : 0;
  if (max === 0) return [];
  let best = max + 1;
  let out: string[] = [];
  for (const k of names) {
    if (Math.abs(k.length - lower.length) > max) continue;
    const d = editDistance(lower, k.toLowerCase(), max);
    if (d < best) {
      best = d;
      out = [k];
    } else if (d === best) out.push(k);
  }
  return best <= max ? out : [];
}

/** A context's keyword names per target version, made once (a generated file can hold 100,000 unknown keywords). */
const namesCache = new Map<string, string[] | undefined>();

function keywordNames(context: string, target: LintSettings["targetVersion"]): string[] | undefined {
  const key = `${target}\0${context}`;
  if (!namesCache.has(key)) {
    const spec = getContext(context);
    namesCache.set(key, spec && [...spec.keywords.values()].filter((k) => knownIn(k, target)).map((k) => k.name));
  }
  return namesCache.get(key);
}

export default defineRule({
  meta: {
    id: "unknown-keyword",
    severity: "error",
    category: "schema",
    description: "A keyword keepalived does not know in the block it is written in",
    fixable: "some",
    keepalivedRefuses: "always",
    hasSuggestions: true,
    // A line's own block decides it; what other processes read at the top level is the part across blocks.
    scope: "block",
  },
  create(ctx) {
    return {
      line(line) {
        if (line.kind === "keyword" && !line.known) visit(line.node);
      },
    };
    function visit(node: ConfigNode) {
      const where = contextLabel(node.context);
      const inWhere = node.context === "root" ? "at the top level" : `in ${where}`;
      const elsewhere = [...new Set(contextsOf(node.name).map((k) => (k.context === "root" ? "at the top level" : `inside ${contextLabel(k.context)}`)))];
      const close = elsewhere.length === 0 ? closeKeywords(node.context, node.name, ctx.settings) : [];
      let message = `unknown keyword "${node.name}" ${inWhere}`;
      let hint: string;
      let fix: Fix | undefined;
      let suggestions: Fix[] | undefined;
      if (elsewhere.length > 0) {
        message += `; it is valid only ${orList(elsewhere)}`;
        hint = `move it ${orList(elsewhere.map((e) => e.replace(/^inside /, "into ").replace(/^at /, "to ")))}, or check that the blocks before it are closed where you meant`;
      } else if (close.length === 1) {
        const [candidate] = close;
        message += `; did you mean "${candidate}"?`;
        hint = `keywords are case-sensitive and exact; keepalived ignores this line`;
        const rename = fixOf(`rename "${node.name}" to "${candidate}"`, replaceWord(node.keyword, candidate!));
        // A case-only slip has one reading; a spelling guess may be wrong, so it is only offered.
        // The named change: the line keepalived ignored takes effect, in its own block.
        const areas = areasOf(node);
        if (candidate!.toLowerCase() === node.name.toLowerCase()) fix = rename && { ...rename, changes: areas };
        else if (rename) suggestions = [{ ...rename, changes: areas, consequence: `keepalived then reads the line as "${candidate}"` }];
      } else if (close.length > 1) {
        message += `; did you mean ${orList(close.map((c) => `"${c}"`))}?`;
        hint = "keepalived ignores this line";
      } else {
        hint = `keepalived ignores this line; check the spelling against keepalived.conf(5) for ${ctx.settings.targetVersion}`;
      }
      if (followedByBrace(node, ctx.files.get(node.file)?.text)) {
        hint += `. The block after it is not skipped: ${blockFate(node)}`;
      }
      ctx.report({ at: node.keyword, message, hint, fix, suggestions });
    }
  },

  /** Top-level blocks the processes that do not own them skip by counting braces. */
  acrossBlocks(ctx) {
    if (bracesPairUp(ctx)) return;
    const top = ctx.ast.children;
    let braces: BraceEvents | undefined;
    for (let i = 0; i < top.length; i++) {
      const node = top[i];
      if (!node.block || !node.known) continue;
      const owners = lookupKeyword("root", node.name)?.processes ?? [];
      if (PROCESSES.every((p) => owners.includes(p))) continue;
      braces ??= braceEvents(ctx.readerDiagnostics, ctx.files);
      const from = rootViewStart(node, top[i + 1], braces);
      if (from === undefined) continue;
      const line = ctx.files.get(node.file)?.position(node.start).line;
      const missing = PROCESSES.filter((p) => !owners.includes(p));
      const others = `${orList(missing).replace(/ or /, " and ")} process${missing.length > 1 ? "es" : ""}`;
      const why = node.block.open
        ? `they skip "${node.name}"${line ? ` (line ${line})` : ""} by counting braces, and the braces inside it do not pair up, so they read its last lines as top-level keywords`
        : `"${node.name}"${line ? ` (line ${line})` : ""} has no '{', so they read its lines as top-level keywords`;
      const hint = node.block.open ? `balance the braces inside "${node.name}"` : `put "{" after "${node.name}"`;
      const readAtRoot = (children: readonly ConfigNode[]) => {
        for (const child of children) {
          if (child.start < from) {
            readAtRoot(child.children);
            continue;
          }
          if (child.name === "{" || child.name === "}") continue;
          // A top-level keyword opens its own block in that view; what follows is beyond a simple model.
          if (lookupKeyword("root", child.name)) continue;
          ctx.report({ at: child.keyword, message: `unknown keyword "${child.name}" at the top level for keepalived's ${others}: ${why}`, hint });
          readAtRoot(child.children);
          // Its '{' is ignored there, so its '}' is a top-level '}' (keepalived: Unknown keyword '}').
          if (child.block?.open && child.block.close) {
            ctx.report({ at: child.block.close, message: `'}' closing "${child.name}" is a top-level '}' for keepalived's ${others}: ${why}`, hint });
          }
        }
      };
      readAtRoot(node.children);
    }
  },
});

/**
 * Where keepalived's processes that do not own a top-level block start reading
 * its lines as top-level lines: at once when it has no '{'; else they skip it
 * by counting brace lines, and when that count closes it before its real '}'
 * (a value block without '{', a stray '}'), just after that point. Undefined
 * when they skip exactly the block.
 */
function rootViewStart(node: ConfigNode, next: ConfigNode | undefined, reader: BraceEvents): number | undefined {
  const block = node.block!;
  if (!block.open) return node.keyword.end;
  const end = block.close?.start ?? next?.start ?? Number.MAX_SAFE_INTEGER;
  const events: [number, 1 | -1][] = [];
  const visit = (n: ConfigNode) => {
    if (n.file !== node.file) return;
    if (n.block?.open) events.push([n.block.open.start, 1]);
    if (n.block?.close) events.push([n.block.close.start, -1]);
    n.children.forEach(visit);
  };
  node.children.forEach(visit);
  const inFile = reader.get(node.file) ?? [];
  // Binary search for the first event after the '{': each block reads only its own events.
  let lo = 0;
  let hi = inFile.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inFile[mid][0] <= block.open.start) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < inFile.length && inFile[k][0] < end; k++) events.push(inFile[k]);
  events.sort((a, b) => a[0] - b[0]);
  let depth = 1;
  for (const [at, step] of events) {
    if (at <= block.open.start || at >= end) continue;
    depth += step;
    if (depth === 0) return at + 1;
  }
  return undefined;
}

/**
 * Does every block's '{' and '}' pair up as the reader read them, so that
 * counting braces skips each top-level block exactly (rootViewStart is
 * undefined for every one)? Known without walking the blocks when the
 * configuration is one file whose lines come out in text order (no
 * definitions, no loops: their lines repeat or borrow positions) and the
 * reader found no '{' missing, ignored or unclosed and no extra '}'.
 */
function bracesPairUp(ctx: RuleContext): boolean {
  if (ctx.files.size !== 1 || ctx.ast.definitionUses.length > 0 || ctx.ast.definitions.length > 0) return false;
  for (const d of ctx.readerDiagnostics) if (d.ruleId === "missing-brace" || d.ruleId === "unexpected-brace" || d.ruleId === "unbalanced-brace") return false;
  // String search, not a regular expression: this runs on every lint, over the whole text (9 ms of a 10 MB file).
  for (const file of ctx.files.values()) if (file.text.includes("~SEQ") || file.text.includes("~LST")) return false;
  return true;
}

/** The reader's brace findings per file, sorted by offset: an ignored '{' counts +1, an extra '}' -1. */
type BraceEvents = Map<string, [number, 1 | -1][]>;

function braceEvents(reader: readonly Diagnostic[], files: RuleContext["files"]): BraceEvents {
  const out: BraceEvents = new Map();
  for (const d of reader) {
    // An unbalanced-brace finding on a '}' inside an open block is an extra one (keepalived's count goes below zero);
    // the top-level kind never falls inside a block, where these events are read.
    const step = d.ruleId === "unexpected-brace" ? 1 : d.ruleId === "unbalanced-brace" && files.get(d.file)?.text[d.start] === "}" ? -1 : 0;
    if (step === 0) continue;
    let list = out.get(d.file);
    if (!list) out.set(d.file, (list = []));
    list.push([d.start, step]);
  }
  for (const list of out.values()) list.sort((a, b) => a[0] - b[0]);
  return out;
}

/** keepalived's processes that each read the whole configuration under -t. */
const PROCESSES = ["parent", "checker", "vrrp", "bfd"];

function blockFate(node: ConfigNode): string {
  return node.parent
    ? `keepalived ignores its '{', reads its lines as lines of the enclosing ${node.parent.name} block, and its '}' closes ${node.parent.name}`
    : "keepalived ignores its '{', reads its lines as top-level keywords, and its '}' is an extra '}'";
}

function orList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/** What a line of this block can change in keepalived's behaviour (for fixes that make an ignored line count). */
function areasOf(node: ConfigNode): BehaviourArea[] {
  let top = node;
  while (top.parent) top = top.parent;
  if (top === node) return ["global", "failover", "vrrp", "scripts", "lvs"];
  if (top.name === "global_defs") return ["global"];
  if (/^(virtual_server|virtual_server_group)$/.test(top.name)) return ["lvs", "scripts"];
  return ["failover", "vrrp", "scripts"];
}
