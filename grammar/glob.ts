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
}

const WILD = /[*?[]/;

export function hasWildcard(pattern: string): boolean {
  return WILD.test(pattern);
}

/** Expands `a{b,c}d` into `abd`, `acd` (nested braces too); unbalanced braces stay literal. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf("{");
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  let close = -1;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) {
        close = i;
        break;
      }
    } else if (c === "," && depth === 1) commas.push(i);
  }
  if (close < 0) return [pattern];
  const head = pattern.slice(0, open);
  const tail = pattern.slice(close + 1);
  const bounds = [open, ...commas, close];
  const out: string[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    for (const rest of expandBraces(pattern.slice(bounds[i] + 1, bounds[i + 1]) + tail)) {
      out.push(head + rest);
    }
  }
  return out;
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

export function glob(fs: FileAccess, pattern: string, cwd: string, limit = 10_000): GlobResult {
  const result: GlobResult = { matches: [], missingAlternatives: [], wildcard: hasWildcard(pattern), truncated: false };
  for (const alt of expandBraces(pattern)) {
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
