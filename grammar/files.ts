/**
 * The only way the reader sees files. Front ends pass an implementation:
 * the CLI one reads the disk, the language server overlays unsaved buffers,
 * tests and a browser use `memoryFiles`. Nothing below the front ends
 * imports `fs`.
 */

export type FileKind = "file" | "directory" | "other";

export type ReadResult =
  | {
      ok: true;
      text: string;
      /**
       * The file's bytes, only when every one is ASCII: then byte i is
       * character i of `text`, and the reader scans them as they are instead
       * of making the text's char codes (one pass less over a large file).
       */
      bytes?: Uint8Array;
    }
  | { ok: false; reason: "not-found" | "directory" | "not-regular" | "too-large" | "unreadable"; message: string };

export interface FileAccess {
  /** Reads a whole file as text (bytes decoded as UTF-8, invalid bytes replaced). */
  readFile(path: string): ReadResult;
  /** What is at `path`, following symlinks; undefined when nothing is. */
  stat(path: string): FileKind | undefined;
  /** Names in a directory (not paths), or undefined when it cannot be listed. */
  listDir(path: string): string[] | undefined;
  /** Directory that relative paths of a main file given without "/" are relative to. */
  cwd(): string;
  /**
   * False when the file surely does not contain `word` (ASCII), else true.
   * Optional: it lets a caller skip decoding a file that cannot matter to it
   * (the owner search's candidates without an include line: a generated
   * 20 MB configuration beside the one linted cost more to decode and scan
   * than a third of its lint). Without it, callers read the file.
   */
  mayContain?(path: string, word: string): boolean;
}

/** Files held in memory: `{ "/etc/keepalived/keepalived.conf": "…" }`. Directories are implied by paths. */
export function memoryFiles(files: Record<string, string>, cwd = "/"): FileAccess {
  const map = new Map(Object.entries(files).map(([p, t]) => [normalizeKey(p), t]));
  const dirs = new Map<string, Set<string>>();
  for (const p of map.keys()) {
    let child = p;
    for (let dir = parent(p); ; dir = parent(dir)) {
      const set = dirs.get(dir) ?? new Set<string>();
      set.add(child.slice(child.lastIndexOf("/") + 1));
      dirs.set(dir, set);
      if (dir === "/") break;
      child = dir;
    }
  }
  return {
    readFile(path) {
      const key = normalizeKey(path);
      const text = map.get(key);
      if (text !== undefined) return { ok: true, text };
      if (dirs.has(key)) return { ok: false, reason: "directory", message: `${path} is a directory` };
      return { ok: false, reason: "not-found", message: `${path}: no such file` };
    },
    stat(path) {
      const key = normalizeKey(path);
      if (map.has(key)) return "file";
      if (dirs.has(key)) return "directory";
      return undefined;
    },
    listDir(path) {
      const set = dirs.get(normalizeKey(path));
      return set ? [...set].sort() : undefined;
    },
    cwd: () => cwd,
  };
}

/** `fs` with some texts on top (unsaved editor buffers, stdin): also for stat and listDir, so a new unsaved file can be included. */
export function overlayFiles(fs: FileAccess, overrides: ReadonlyMap<string, string>): FileAccess {
  return {
    readFile: (p) => {
      const t = overrides.get(p);
      return t !== undefined ? { ok: true, text: t } : fs.readFile(p);
    },
    stat: (p) => (overrides.has(p) ? "file" : fs.stat(p)),
    listDir: (p) => {
      const prefix = p.endsWith("/") ? p : p + "/";
      const names = fs.listDir(p);
      const extra = [...overrides.keys()].filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes("/"));
      if (!names && extra.length === 0) return undefined;
      const set = new Set(names ?? []);
      for (const k of extra) set.add(k.slice(prefix.length));
      return [...set].sort();
    },
    cwd: () => fs.cwd(),
  };
}

function normalizeKey(p: string): string {
  const s = p.replace(/\/+/g, "/");
  return s.length > 1 && s.endsWith("/") ? s.slice(0, -1) : s;
}

function parent(p: string): string {
  const i = p.lastIndexOf("/");
  return i <= 0 ? "/" : p.slice(0, i);
}
