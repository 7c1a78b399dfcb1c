/**
 * POSIX path helpers for the reader. keepalived runs on Linux and resolves
 * includes with POSIX paths; the reader must also run in a browser, so it does
 * not import node:path.
 */

export function isAbsolute(p: string): boolean {
  return p.startsWith("/");
}

export function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  if (i < 0) return ".";
  if (i === 0) return "/";
  return p.slice(0, i);
}

export function basename(p: string): string {
  const trimmed = p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p;
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

/** Joins and normalises (`.`, `..`, repeated slashes); keeps a relative result relative. */
export function join(...parts: string[]): string {
  return normalize(parts.filter((p) => p !== "").join("/"));
}

export function normalize(p: string): string {
  const abs = isAbsolute(p);
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!abs) out.push("..");
      continue;
    }
    out.push(seg);
  }
  const s = out.join("/");
  return abs ? "/" + s : s || ".";
}

/** Resolves `p` against directory `base` (p wins when absolute). */
export function resolve(base: string, p: string): string {
  return isAbsolute(p) ? normalize(p) : join(base, p);
}
