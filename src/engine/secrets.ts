/**
 * Secrets in the configuration (auth_pass, auth_hmac keys, the SSL key
 * password: grammar/schema/secrets.ts) never reach a report: findings are
 * scrubbed of their values, and code frames show them as asterisks. Only the
 * length is ever said.
 */
import type { ConfigAst, ConfigNode, Diagnostic, Fix, Span } from "../../grammar/ast.js";
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
  const walk = (nodes: readonly ConfigNode[]) => {
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      secretsOfLine(n, list);
      if (n.children.length) walk(n.children);
    }
  };
  walk(ast.children);
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
  const fix = (f: Fix): Fix => ({ ...f, description: scrub(f.description), ...(f.consequence !== undefined && { consequence: scrub(f.consequence) }) });
  const out: Diagnostic = { ...d, message: scrub(d.message) };
  if (d.hint !== undefined) out.hint = scrub(d.hint);
  if (d.fix) out.fix = fix(d.fix);
  if (d.suggestions) out.suggestions = d.suggestions.map(fix);
  if (d.related) out.related = d.related.map((r) => ({ ...r, message: scrub(r.message) }));
  return out;
}

/** Text with every secret value replaced by "<secret of N characters>" (also for diffs of fixed files). */
export function scrubText(text: string, secrets: readonly { text: string }[]): string {
  let out = text;
  for (const [pattern, replacement] of scrubbersOf(secrets)) out = out.replace(pattern, replacement);
  return out;
}

/**
 * One pattern per distinct secret value, longest first (a secret containing another is replaced whole),
 * made once per list: a file included a hundred times repeats its secrets a hundred times, and a pattern
 * compiled per secret, per string, per finding took seconds (a fuzzed include bomb; issue 24).
 */
function scrubbersOf(secrets: readonly { text: string }[]): [RegExp, string][] {
  const made = scrubbers.get(secrets);
  // A list still growing (secrets gathered file by file) is made again: a stale list would leak the new ones.
  if (made && made.length === secrets.length) return made.scrubbers;
  const values = [...new Set(secrets.map((s) => s.text))].sort((a, b) => b.length - a.length);
  const out = values.map((v): [RegExp, string] => {
    const escaped = v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Short values only as whole words: "abc" must not blank out every "abc" inside other words.
    const pattern = v.length >= 4 ? new RegExp(escaped, "g") : new RegExp(`(?<![\\w-])${escaped}(?![\\w-])`, "g");
    return [pattern, `<secret of ${v.length} characters>`];
  });
  scrubbers.set(secrets, { length: secrets.length, scrubbers: out });
  return out;
}

const scrubbers = new WeakMap<readonly { text: string }[], { length: number; scrubbers: [RegExp, string][] }>();

/** A file's text with the secrets written in it replaced by asterisks (same length: columns stay right), for code frames. */
export function maskSecrets(text: string, path: string, secrets: readonly Secret[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.file !== path || s.end > out.length) continue;
    out = out.slice(0, s.start) + "*".repeat(s.end - s.start) + out.slice(s.end);
  }
  return out;
}
