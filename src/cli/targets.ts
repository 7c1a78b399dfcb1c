/**
 * Command-line paths → config files to lint. A file is linted as given; a
 * directory contributes its config files (`*.conf`, `keepalived.conf.*`),
 * walked recursively (walk.ts says what is skipped; files that another one
 * includes are linted through it, see commands/lint.ts); a path that does not
 * exist but has glob characters is expanded (with `**`).
 */
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { FileAccess } from "../../grammar/files.js";
import { globToRegExp, hasGlobChars } from "../workspace/glob-match.js";
import { UsageError } from "./io.js";
import { walkConfigs, type WalkOptions } from "./walk.js";

export interface Target {
  /** Absolute path. */
  path: string;
  /** Named on the command line (rather than found in a directory or by a glob). */
  explicit: boolean;
}

export { isConfigName } from "./walk.js";
/** Config files one run lints at most, over all paths, directories and globs together (docs/limits.md). */
export const MAX_TARGETS = 10_000;

/** `walk`: how directories are walked (default: from `cwd` as the top, no ignore setting). */
export function expandTargets(fs: FileAccess, args: readonly string[], cwd: string, walk?: Omit<WalkOptions, "maxFiles">): Target[] {
  const out = new Map<string, Target>();
  const add = (t: Target, arg: string) => {
    const prev = out.get(t.path);
    if (!prev || (t.explicit && !prev.explicit)) out.set(t.path, t);
    if (out.size > MAX_TARGETS) {
      throw new UsageError(`${arg}: more than ${MAX_TARGETS} config files in all; the linter lints at most ${MAX_TARGETS} per run (lint the directories in several runs)`);
    }
  };
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const kind = fs.stat(abs);
    if (kind === "file") add({ path: abs, explicit: true }, arg);
    else if (kind === "directory") {
      const found = walkConfigs(fs, abs, { top: cwd, ...walk, maxFiles: MAX_TARGETS + 1 });
      if (found.length === 0) throw new UsageError(`no keepalived configs (*.conf) in directory ${arg}`);
      for (const p of found) add({ path: p, explicit: false }, arg);
    } else if (kind === "other") throw new UsageError(`${arg} is not a regular file`);
    else if (hasGlobChars(arg)) {
      const found = expandGlob(fs, arg, cwd);
      if (found.length === 0) throw new UsageError(`no files match ${arg}`);
      for (const p of found) add({ path: p, explicit: false }, arg);
    } else throw new UsageError(`${arg}: no such file or directory`);
  }
  return [...out.values()];
}

function expandGlob(fs: FileAccess, pattern: string, cwd: string): string[] {
  const abs = isAbsolute(pattern) ? pattern : join(cwd, pattern);
  const segs = abs.split("/");
  let baseLen = 0;
  while (baseLen < segs.length && !hasGlobChars(segs[baseLen])) baseLen++;
  const base = segs.slice(0, baseLen).join("/") || "/";
  const rest = segs.slice(baseLen).join("/");
  const re = globToRegExp(rest);
  const deep = rest.includes("**");
  const maxDepth = deep ? 32 : segs.length - baseLen;
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    // One more than the cap is enough for add() to refuse the glob.
    if (found.length > MAX_TARGETS) return;
    for (const name of fs.listDir(dir) ?? []) {
      const p = join(dir, name);
      const kind = fs.stat(p);
      const rel = relative(base, p).split(sep).join("/");
      if (found.length > MAX_TARGETS) return;
      if (kind === "file" && re.test(rel)) found.push(p);
      // `**` does not descend into VCS and dependency folders (they never hold keepalived configs).
      else if (kind === "directory" && depth + 1 < maxDepth && !(deep && (name === ".git" || name === "node_modules"))) walk(p, depth + 1);
    }
  };
  if (fs.stat(base) === "directory") walk(base, 0);
  return found.sort();
}
