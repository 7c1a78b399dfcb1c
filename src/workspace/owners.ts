/**
 * Which main configuration an included file belongs to. keepalived reads one
 * main file (keepalived.conf) that includes the rest; a file opened or linted
 * on its own is checked in the context of the main files that include it.
 * Pure: files through FileAccess (open buffers overlaid by the caller).
 */
import type { FileAccess } from "../../grammar/files.js";
import { basename, dirname, join } from "../../grammar/paths.js";
import { readConfig, type ReaderOptions } from "../../grammar/reader.js";

/** keepalived's default main file name: the configuration an included file most likely belongs to. */
export const MAIN_FILE_NAME = "keepalived.conf";

/** How far above the file's directory owners are looked for (conf.d/, keepalived.d/vrrp/, …). */
export const OWNER_LEVELS = 4;

/**
 * The `keepalived.conf` files that include `path` (directly or through other
 * includes), looked for in its directory and up to three levels above,
 * nearest first, never above the top of a repository (a directory holding
 * `.git`): a repository's configurations are read through its own main files,
 * not through one that happens to lie outside it. Empty for a main file
 * itself and for a file no main file includes. `settings` selects `@id` lines
 * and version-dependent syntax the way the lint will.
 */
export function ownersOf(fs: FileAccess, path: string, settings: ReaderOptions = {}, includePathOf?: (main: string) => ReaderOptions["includePath"]): string[] {
  if (basename(path) === MAIN_FILE_NAME) return [];
  const owners: string[] = [];
  let dir = dirname(path);
  for (let level = 0; level < OWNER_LEVELS; level++) {
    const candidate = join(dir, MAIN_FILE_NAME);
    if (candidate !== path && fs.stat(candidate) === "file") {
      try {
        // Its absolute includes looked for where its lint will look (a checkout's copy of /etc/keepalived).
        const options = includePathOf ? { ...settings, includePath: includePathOf(candidate) } : settings;
        if (readConfig(fs, [candidate], options).files.has(path)) owners.push(candidate);
      } catch {
        // The reader does not throw, but a lookup must never cost the caller its answer.
      }
    }
    const up = dirname(dir);
    if (up === dir || fs.stat(join(dir, ".git")) !== undefined) break;
    dir = up;
  }
  return owners;
}
