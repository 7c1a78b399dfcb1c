/**
 * Secrets in the configuration (auth_pass, auth_hmac keys, the SSL key
 * password: grammar/schema/secrets.ts) never reach a report: findings are
 * scrubbed of their values, and code frames show them as asterisks. Only the
 * length is ever said.
 */
import type { ConfigAst, ConfigNode, Diagnostic, Fix, Span, WalkedLine } from "../../grammar/ast.js";
import { LineWalker } from "../../grammar/tree.js";
import { secretArgument } from "../../grammar/schema/index.js";

export interface Secret extends Span {
  /** The value as keepalived reads it. */
  text: string;
}

const found = new WeakMap<ConfigAst, Secret[]>();

/** Every secret argument of the configuration, as written (spans) and as read (text). */
export function secretsOf(ast: ConfigAst): Secret[] {
  let out = found.get(ast);
  if (out) return out;
  const list: Secret[] = [];
  // Lines read from the reader's store: a node is made only for a line that holds a secret (a walk
  // of the nodes made one for every line, ~35 ms on 500,000 lines, when no rule's walk had gathered them).
  const lines = new LineWalker();
  const visit = (line: WalkedLine) => {
    if (line.kind === "keyword" && secretArgument(line.context, line.name) !== undefined) secretsOfLine(line.node, list);
  };
  for (const top of ast.children) lines.walk(top, visit);
  found.set(ast, list);
  return list;
}

/** Appends the secret arguments of one line (secretsOf's step: the engine's one walk takes it too). */
export function secretsOfLine(n: ConfigNode, out: Secret[]): void {
  const from = n.kind === "keyword" ? secretArgument(n.context, n.name) : undefined;
  if (from !== undefined) for (const a of n.args.slice(from)) if (a.text !== "") out.push({ file: a.file, start: a.start, end: a.end, text: a.text });
}

/** Records `list` as secretsOf(ast): the secrets of every line of `ast` in reading order, gathered by a walk of the whole tree. */
export function rememberSecrets(ast: ConfigAst, list: Secret[]): void {
  if (!found.has(ast)) found.set(ast, list);
}

/** The finding with every secret value in its words replaced by "<secret of N characters>". */
export function scrubFinding(d: Diagnostic, secrets: readonly Secret[]): Diagnostic {
  if (secrets.length === 0) return d;
  const scrub = (s: string) => scrubText(s, secrets);
  // Nothing to scrub (nearly always): the finding itself, so that the editor sees the object it kept.
  const changes = (s: string | undefined) => s !== undefined && scrub(s) !== s;
  const fixChanges = (f: Fix) => changes(f.description) || changes(f.consequence);
  if (!changes(d.message) && !changes(d.hint) && !(d.fix && fixChanges(d.fix)) && !d.suggestions?.some(fixChanges) && !d.related?.some((r) => changes(r.message))) return d;
  const fix = (f: Fix): Fix => ({ ...f, description: scrub(f.description), ...(f.consequence !== undefined && { consequence: scrub(f.consequence) }) });
  const out: Diagnostic = { ...d, message: scrub(d.message) };
  if (d.hint !== undefined) out.hint = scrub(d.hint);
  if (d.fix) out.fix = fix(d.fix);
  if (d.suggestions) out.suggestions = d.suggestions.map(fix);
  if (d.related) out.related = d.related.map((r) => ({ ...r, message: scrub(r.message) }));
  return out;
}

/**
 * Text with every secret value replaced by "<secret of N characters>" (also for diffs of fixed files):
 * values of 4 characters or more wherever they occur, shorter ones only as whole words ("abc" must not
 * blank out every "abc" inside other words). Where secrets overlap, the leftmost, then the longest, wins.
 */
export function scrubText(text: string, secrets: readonly { text: string }[]): string {
  const { long, short, firsts } = scrubberOf(secrets);
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    // Most characters start no secret: one array read (a diff of a large file is megabytes).
    const value = firsts[text.charCodeAt(i)] === 0 ? undefined : (longAt(text, i, long) ?? shortAt(text, i, short));
    if (value === undefined) {
      i++;
      continue;
    }
    out += text.slice(copied, i) + `<secret of ${value.length} characters>`;
    i += value.length;
    copied = i;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * The distinct secret values, made once per list, for one pass over a text: the long ones by their
 * first four characters, the short ones as a set. A pattern per secret applied to every string cost
 * secrets × findings: 3,000 instances with an auth_pass each took 7 s to lint, 6,000 took 26 s.
 */
interface Scrubber {
  /** Values of 4 characters or more by the char codes of their first four (keyOf4), longest first. */
  long: Map<number, string[]>;
  /** Values of 1 to 3 characters. */
  short: Set<string>;
  /** 1 for each UTF-16 unit some value starts with. */
  firsts: Uint8Array;
}

function scrubberOf(secrets: readonly { text: string }[]): Scrubber {
  const made = scrubbers.get(secrets);
  // A list still growing (secrets gathered file by file) is made again: a stale list would leak the new ones.
  if (made && made.length === secrets.length) return made.scrubber;
  const values = [...new Set(secrets.map((s) => s.text))].filter((v) => v !== "").sort((a, b) => b.length - a.length);
  const scrubber: Scrubber = { long: new Map(), short: new Set(), firsts: new Uint8Array(65536) };
  for (const v of values) {
    scrubber.firsts[v.charCodeAt(0)] = 1;
    if (v.length < 4) {
      scrubber.short.add(v);
      continue;
    }
    const key = keyOf4(v, 0);
    const list = scrubber.long.get(key);
    if (list) list.push(v);
    else scrubber.long.set(key, [v]);
  }
  scrubbers.set(secrets, { length: secrets.length, scrubber });
  return scrubber;
}

const scrubbers = new WeakMap<readonly { text: string }[], { length: number; scrubber: Scrubber }>();

/** The char codes of text[i, i + 4) as one number (UTF-16 units, so collisions are possible: candidates are checked). */
function keyOf4(text: string, i: number): number {
  return ((text.charCodeAt(i) * 65599 + text.charCodeAt(i + 1)) * 65599 + text.charCodeAt(i + 2)) * 65599 + text.charCodeAt(i + 3);
}

/** The longest value of 4 characters or more that starts at `i`. */
function longAt(text: string, i: number, long: Map<number, string[]>): string | undefined {
  if (long.size === 0 || i + 4 > text.length) return undefined;
  const candidates = long.get(keyOf4(text, i));
  if (candidates) for (const v of candidates) if (text.startsWith(v, i)) return v;
  return undefined;
}

/** The longest short value that is a whole word at `i` (no word character or "-" right before or after it). */
function shortAt(text: string, i: number, short: Set<string>): string | undefined {
  if (short.size === 0 || (i > 0 && isWordChar(text.charCodeAt(i - 1)))) return undefined;
  for (let length = 3; length >= 1; length--) {
    if (i + length > text.length || isWordChar(text.charCodeAt(i + length))) continue;
    const v = text.slice(i, i + length);
    if (short.has(v)) return v;
  }
  return undefined;
}

/** [\w-] of the patterns this replaces. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/** A file's text with the secrets written in it replaced by asterisks (same length: columns stay right), for code frames. */
export function maskSecrets(text: string, path: string, secrets: readonly Secret[]): string {
  // In one pass, by position: a slice of the whole text per secret was secrets × file size.
  const spans = secrets.filter((s) => s.file === path && s.end <= text.length && s.start < s.end).sort((a, b) => a.start - b.start);
  if (spans.length === 0) return text;
  let out = "";
  let copied = 0;
  for (const s of spans) {
    const from = Math.max(s.start, copied);
    if (from >= s.end) continue;
    out += text.slice(copied, from) + "*".repeat(s.end - from);
    copied = s.end;
  }
  return out + text.slice(copied);
}
