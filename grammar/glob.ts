/**
 * keepalived's include globbing: glob(3) with GLOB_BRACE (`{a,b}`), `*`, `?`
 * and `[...]`, over the FileAccess interface. Each brace alternative is
 * expanded and sorted on its own, in the order written, as glibc does.
 */
import type { FileAccess } from "./files.js";
import { isAbsolute, join } from "./paths.js";

export interface GlobResult {
  /** Matching paths, as glob(3) would list them. */
  matches: string[];
  /** The brace alternatives that matched nothing (for includeb / includem checks). */
  missingAlternatives: string[];
  /** Did the pattern contain wildcard characters? */
  wildcard: boolean;
  /** Stopped early because more than `limit` paths matched. */
  truncated: boolean;
  /** The braces were not all expanded: "groups" (too many to expand at all) or "alternatives" (the first MAX_BRACE_ALTERNATIVES were). */
  /** Why not every brace alternative was looked up: too many groups, too many alternatives, or the run's path budget. */
  braceLimit?: "groups" | "alternatives" | "paths";
  /** The paths (brace alternatives) looked up. */
  lookedUp: number;
}

const WILD = /[*?[]/;

export function hasWildcard(pattern: string): boolean {
  return WILD.test(pattern);
}

/**
 * Brace groups and alternatives one include pattern is expanded to, at most: each group multiplies the
 * alternatives, so a mangled line of `{a,b}` groups asked for millions of paths and exhausted the heap
 * (a fuzzed input; issue 24). Real patterns have a group or two.
 */
export const MAX_BRACE_GROUPS = 32;
export const MAX_BRACE_ALTERNATIVES = 1000;

/**
 * Expands `a{b,c}d` into `abd`, `acd` (nested braces too); unbalanced braces stay literal. At most
 * `max` alternatives, the first ones in order; `truncated` says whether there were more.
 */
export function expandBraces(pattern: string, max = MAX_BRACE_ALTERNATIVES): { alternatives: string[]; truncated: boolean } {
  const out: string[] = [];
  let truncated = false;
  // Depth-first, in the order written, as glob(3) lists them; the depth is bounded by the brace groups.
  const walk = (prefix: string, rest: string): void => {
    if (truncated) return;
    const open = rest.indexOf("{");
    const group = open < 0 ? undefined : groupAt(rest, open);
    if (!group) {
      if (out.length >= max) truncated = true;
      else out.push(prefix + rest);
      return;
    }
    const head = prefix + rest.slice(0, open);
    const tail = rest.slice(group.close + 1);
    for (let i = 0; i + 1 < group.bounds.length && !truncated; i++) walk(head, rest.slice(group.bounds[i] + 1, group.bounds[i + 1]) + tail);
  };
  walk("", pattern);
  return { alternatives: out, truncated };
}

/** The brace group opening at `open`: its closing brace and the bounds of its alternatives; undefined when unbalanced. */
function groupAt(s: string, open: number): { close: number; bounds: number[] } | undefined {
  let depth = 0;
  const bounds = [open];
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) {
        bounds.push(i);
        return { close: i, bounds };
      }
    } else if (c === "," && depth === 1) bounds.push(i);
  }
  return undefined;
}

/** Brace groups in a pattern (opening braces): over MAX_BRACE_GROUPS, its braces are not expanded. */
function braceGroups(pattern: string): number {
  let n = 0;
  for (let i = pattern.indexOf("{"); i >= 0; i = pattern.indexOf("{", i + 1)) n++;
  return n;
}

/** Translates one path segment's glob into a RegExp (fnmatch without FNM_PERIOD subtleties beyond leading dots). */
function segmentRegExp(seg: string): RegExp {
  let re = "^";
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = seg.indexOf("]", i + 2);
      if (end < 0) {
        re += "\\[";
        continue;
      }
      let body = seg.slice(i + 1, end);
      if (body.startsWith("!")) body = "^" + body.slice(1);
      re += "[" + body.replace(/\\/g, "\\\\") + "]";
      i = end;
    } else re += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(re + "$");
}

/** `maxAlternatives`: the brace alternatives looked up at most (the run's include-path budget left). */
export function glob(fs: FileAccess, pattern: string, cwd: string, limit = 10_000, maxAlternatives = MAX_BRACE_ALTERNATIVES): GlobResult {
  const result: GlobResult = { matches: [], missingAlternatives: [], wildcard: hasWildcard(pattern), truncated: false, lookedUp: 0 };
  let alternatives = [pattern];
  if (braceGroups(pattern) > MAX_BRACE_GROUPS) result.braceLimit = "groups";
  else {
    const braces = expandBraces(pattern, Math.min(MAX_BRACE_ALTERNATIVES, Math.max(1, maxAlternatives)));
    alternatives = braces.alternatives;
    if (braces.truncated) result.braceLimit = maxAlternatives < MAX_BRACE_ALTERNATIVES ? "paths" : "alternatives";
  }
  for (const alt of alternatives) {
    result.lookedUp++;
    const found = expandOne(fs, alt, cwd, limit - result.matches.length);
    if (found.length === 0) result.missingAlternatives.push(alt);
    result.matches.push(...found);
    if (result.matches.length >= limit) {
      result.truncated = true;
      break;
    }
  }
  return result;
}

function expandOne(fs: FileAccess, pattern: string, cwd: string, limit: number): string[] {
  const abs = isAbsolute(pattern);
  const segs = pattern.split("/").filter((s) => s !== "");
  // Paths keep the form the user wrote (relative stays relative), like glob(3).
  let current: string[] = [abs ? "/" : ""];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const next: string[] = [];
    for (const dir of current) {
      const real = (p: string) => (isAbsolute(p) ? p : join(cwd, p || "."));
      if (!WILD.test(seg)) {
        const p = dir === "" ? seg : dir === "/" ? "/" + seg : dir + "/" + seg;
        if (fs.stat(real(p)) !== undefined) next.push(p);
        continue;
      }
      const names = fs.listDir(real(dir || "."));
      if (!names) continue;
      const re = segmentRegExp(seg);
      for (const name of [...names].sort()) {
        if (name.startsWith(".") && !seg.startsWith(".")) continue;
        if (!re.test(name)) continue;
        next.push(dir === "" ? name : dir === "/" ? "/" + name : dir + "/" + name);
        if (next.length > limit) break;
      }
    }
    current = next;
    if (current.length === 0) return [];
  }
  return current.filter((p) => p !== "" && p !== "/").slice(0, Math.max(0, limit));
}
