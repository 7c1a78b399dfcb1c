/**
 * keepalived releases: which ones the schema knows, how a version is written,
 * and in which releases a keyword exists (versions.data.ts, generated from
 * keepalived's source history by scripts/gen-versions.mjs).
 */
import { KEYWORD_SPANS, RELEASES } from "./versions.data.js";

export { RELEASES };

/** A keepalived release the schema knows ("2.2.7", …, "HEAD"), as settings hold it after normalizeVersion(). */
export type TargetVersion = string;

/** The newest release (HEAD is keepalived's unreleased master, never the default). */
export const NEWEST_RELEASE = RELEASES[RELEASES.length - 2]!;
export const OLDEST_RELEASE = RELEASES[0]!;

const index = new Map(RELEASES.map((r, i) => [r, i]));

/**
 * The release a written version means, or undefined when the schema does not
 * know it: "2.2.7" or "v2.2.7" itself; "2.3" the newest 2.3.x; "newest" the
 * newest release; "HEAD" master; a version newer than every release (a
 * keepalived built after this schema) is read as HEAD.
 */
export function normalizeVersion(text: string): TargetVersion | undefined {
  const t = text.trim();
  if (t === "newest") return NEWEST_RELEASE;
  if (/^head$/i.test(t)) return "HEAD";
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m) return undefined;
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (m[3] === undefined) {
    const series = RELEASES.filter((r) => r.startsWith(`${major}.${minor}.`));
    if (series.length > 0) return series[series.length - 1];
    return compareParts([major, minor, 0], NEWEST_RELEASE) > 0 ? "HEAD" : undefined;
  }
  const exact = `${major}.${minor}.${Number(m[3])}`;
  if (index.has(exact)) return exact;
  return compareParts([major, minor, Number(m[3])], NEWEST_RELEASE) > 0 ? "HEAD" : undefined;
}

/** What a version setting must look like, for the message when normalizeVersion() refused `given`. */
export function versionExpectation(given: string): string {
  return `must be a keepalived release from ${OLDEST_RELEASE} to ${NEWEST_RELEASE} (X.Y or X.Y.Z), HEAD or newest (got "${given}")`;
}

function compareParts(parts: number[], release: string): number {
  const r = release.split(".").map(Number);
  for (let i = 0; i < 3; i++) if (parts[i] !== r[i]) return parts[i]! - r[i]!;
  return 0;
}

/** The release a setting names; undefined and unknown names mean the newest release. */
export function resolveTarget(v: string | undefined): TargetVersion {
  return (v !== undefined && (index.has(v) ? v : normalizeVersion(v))) || NEWEST_RELEASE;
}

/** Is release `a` older than release `b`? (Both as normalizeVersion() returns them.) */
export function isBefore(a: TargetVersion, b: TargetVersion): boolean {
  return (index.get(resolveTarget(a)) ?? 0) < (index.get(b) ?? 0);
}

/** The releases in a span list; `until` is the first release without it. */
export interface Span {
  since: string;
  until?: string;
}

const spanCache = new Map<string, readonly Span[]>();
const EVERY: readonly Span[] = [{ since: OLDEST_RELEASE }];

/** The releases that have keyword `name` in `context` (every release when the source history shows no change). */
export function keywordSpans(context: string, name: string): readonly Span[] {
  const key = `${context}|${name}`;
  let spans = spanCache.get(key);
  if (!spans) {
    const text = Object.hasOwn(KEYWORD_SPANS, key) ? KEYWORD_SPANS[key]! : undefined;
    spans = text === undefined ? EVERY : text.split(" ").map((s) => {
      const [since, until] = s.split("-");
      return until ? { since: since!, until } : { since: since! };
    });
    spanCache.set(key, spans);
  }
  return spans;
}

/**
 * The keywords with a source history, as [context, name]: the only ones some
 * release lacks (keywordSpans gives every other keyword every release).
 */
export function keywordsWithHistory(): [context: string, name: string][] {
  return Object.keys(KEYWORD_SPANS).map((key) => {
    const bar = key.indexOf("|");
    return [key.slice(0, bar), key.slice(bar + 1)];
  });
}

/** Is `target` inside one of the spans? */
export function inSpans(spans: readonly Span[], target: TargetVersion): boolean {
  const t = resolveTarget(target);
  return spans.some((s) => !isBefore(t, s.since) && (s.until === undefined || isBefore(t, s.until)));
}

/** Does the target keepalived know keyword `name` in `context`? */
export function hasKeyword(context: string, name: string, target: TargetVersion): boolean {
  return inSpans(keywordSpans(context, name), target);
}

/** A span list in words: "every release from 2.0.19", "2.3.0 and newer", "2.1.0 to 2.3.4", "only keepalived's unreleased master". */
export function describeSpans(spans: readonly Span[]): string {
  return spans.map((s) => {
    if (s.since === "HEAD") return "only keepalived's unreleased master (no release yet)";
    const last = s.until ? RELEASES[(index.get(s.until) ?? 1) - 1] : undefined;
    if (!s.until) return s.since === OLDEST_RELEASE ? `every release from ${OLDEST_RELEASE}` : `${s.since} and newer`;
    return `${s.since} to ${last}`;
  }).join(", ");
}

/**
 * Why the target lacks it, naming the version that changes that: "added in
 * 2.3.0", "removed in 2.4.0", or "only in keepalived's unreleased master".
 */
export function whyMissing(spans: readonly Span[], target: TargetVersion): string {
  const t = resolveTarget(target);
  const later = spans.find((s) => isBefore(t, s.since));
  const earlier = [...spans].reverse().find((s) => s.until !== undefined && !isBefore(t, s.until));
  const added = later && (later.since === "HEAD" ? "not in any release yet, only in keepalived's unreleased master" : `added in ${later.since}`);
  if (earlier) return `removed in ${earlier.until}${added ? `, ${added.replace(/^added/, "back")}` : ""}`;
  if (added) return added;
  return "not in this release";
}
