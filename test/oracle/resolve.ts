/**
 * Turning the file names keepalived prints back into absolute paths.
 *
 * keepalived names an included file by its glob result as written, and a
 * relative include is relative to the directory of the file that includes it
 * (keepalived chdir()s there while reading). `deep/c.conf` included from
 * `sub/b.conf` is therefore printed as `deep/c.conf`, and only the include chain
 * tells which directory it is in. We rebuild that chain ourselves by scanning
 * include lines and expanding their globs, then look each printed name up
 * relative to every file of the chain.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const MAX_FILES = 2000;
const INCLUDE_LINE = /^\s*(?:@\^?\S+\s+)?include[rmwba]?\s+(.*)$/;

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function listDir(dir: string): string[] {
  try {
    return fs.readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** `{a,b}` alternatives as glob(GLOB_BRACE) expands them, innermost-first. */
export function expandBraces(pattern: string): string[] {
  const open = pattern.indexOf("{");
  if (open < 0) return [pattern];
  let depth = 0;
  const commas: number[] = [];
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "{") depth++;
    else if (c === "}") {
      depth--;
      if (depth === 0) {
        const head = pattern.slice(0, open);
        const tail = pattern.slice(i + 1);
        const bounds = [open, ...commas, i];
        const out: string[] = [];
        for (let k = 0; k + 1 < bounds.length; k++) {
          out.push(...expandBraces(head + pattern.slice(bounds[k] + 1, bounds[k + 1]) + tail));
        }
        return out;
      }
    } else if (c === "," && depth === 1) commas.push(i);
  }
  return [pattern]; // unbalanced: glob treats it literally
}

function segmentRegExp(segment: string): RegExp {
  let re = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i];
    if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close < 0) re += "\\[";
      else {
        let body = segment.slice(i + 1, close);
        if (body.startsWith("!")) body = "^" + body.slice(1);
        re += "[" + body.replace(/\\/g, "\\\\") + "]";
        i = close;
      }
    } else if (c === "\\" && i + 1 < segment.length) {
      re += "\\" + segment[++i];
    } else re += c.replace(/[.+^${}()|\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

const hasMagic = (s: string): boolean => /[*?[]/.test(s);

/**
 * Files matching a keepalived include pattern, relative to `baseDir`, sorted
 * like glob(3). Only regular files are returned: directories and missing files
 * are what keepalived complains about, not something to read.
 */
export function expandGlob(pattern: string, baseDir: string): string[] {
  const out: string[] = [];
  for (const alt of expandBraces(pattern)) {
    const abs = path.resolve(baseDir, alt);
    if (!hasMagic(alt)) {
      if (isFile(abs)) out.push(abs);
      continue;
    }
    const segments = abs.split("/").filter((s) => s !== "");
    let current = ["/"];
    for (const seg of segments) {
      const next: string[] = [];
      for (const dir of current) {
        if (!hasMagic(seg)) next.push(path.join(dir, seg));
        else {
          const re = segmentRegExp(seg);
          for (const name of listDir(dir)) {
            if (name.startsWith(".") && !seg.startsWith(".")) continue;
            if (re.test(name)) next.push(path.join(dir, name));
          }
        }
      }
      current = next;
    }
    out.push(...current.filter(isFile).sort());
  }
  return out;
}

function includePatterns(text: string): string[] {
  const patterns: string[] = [];
  for (const raw of text.split("\n")) {
    const m = INCLUDE_LINE.exec(raw);
    if (!m) continue;
    // keepalived strips comments before looking at the line; quotes stay part of the pattern
    const pattern = m[1].replace(/\s+[#!].*$/, "").replace(/^[#!].*$/, "").trim();
    if (pattern !== "" && !pattern.includes("$")) patterns.push(pattern);
  }
  return patterns;
}

/** Main file first, then every file reachable through include lines, breadth first. */
export function discoverFiles(mainFile: string): string[] {
  const seen = new Set<string>([mainFile]);
  const order = [mainFile];
  for (let i = 0; i < order.length && order.length < MAX_FILES; i++) {
    let text: string;
    try {
      text = fs.readFileSync(order[i], "utf8");
    } catch {
      continue;
    }
    const dir = path.dirname(order[i]);
    for (const pattern of includePatterns(text)) {
      for (const file of expandGlob(pattern, dir)) {
        if (!seen.has(file)) {
          seen.add(file);
          order.push(file);
        }
      }
    }
  }
  return order;
}

export type FileResolver = (printed: string | undefined) => string;

/**
 * `printed` is the FILE part of `(FILE: Line N)`, or undefined for the parent's
 * `(Line N)` form and for messages without location (both mean the main file).
 */
export function makeResolver(mainFile: string): FileResolver {
  const main = path.resolve(mainFile);
  let files: string[] | undefined;
  const cache = new Map<string, string>();
  return (printed) => {
    if (printed === undefined || printed === "") return main;
    if (path.isAbsolute(printed)) return path.normalize(printed);
    const hit = cache.get(printed);
    if (hit) return hit;
    files ??= discoverFiles(main);
    const known = new Set(files);
    const dirs = [...new Set(files.map((f) => path.dirname(f)))];
    const candidates = dirs.map((d) => path.resolve(d, printed));
    const resolved =
      candidates.find((c) => known.has(c)) ?? candidates.find(isFile) ?? path.resolve(path.dirname(main), printed);
    cache.set(printed, resolved);
    return resolved;
  };
}
