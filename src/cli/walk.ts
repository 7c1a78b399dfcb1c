/**
 * A directory named on the command line (`.` from a repository root, say) is
 * walked recursively for config files. It skips what never holds a config to
 * lint: `.git`, `node_modules`, editor and package-manager backups, templates
 * (keepalived.conf.j2 is not what keepalived reads), files .gitignore
 * ignores, and the `ignore` setting's patterns.
 */
import { readdirSync, type Dirent } from "node:fs";
import { join, relative, sep } from "node:path";
import type { FileAccess } from "../../grammar/files.js";
import { isTemplateName as isEngineTemplateName } from "../../grammar/template/index.js";
import { gitignoreVerdict, parseGitignore, type IgnoreRule } from "./gitignore.js";

/** `*.conf`, and keepalived's own sample naming `keepalived.conf.<what>`, but not editor or package-manager backups. */
const CONFIG_NAME = /\.conf$|^keepalived\.conf\./;
const BACKUP_NAME = /(?:\.(?:bak|orig|old|save|swp|tmp|rpmnew|rpmsave|dpkg-[a-z]+|ucf-[a-z]+)|~)$/;
/**
 * Template sources of engines the reader does not read (Handlebars, consul-template, a generic
 * `.template`): rendered into configs elsewhere, never linted. The engines it reads are
 * grammar/template's list.
 */
const OTHER_TEMPLATE_NAME = /\.(?:template|hbs|ctmpl)$/;
/** Directories that never hold configs of the project itself. */
const SKIPPED_DIRS = new Set([".git", ".hg", ".svn", "node_modules"]);

export function isTemplateName(name: string): boolean {
  return isEngineTemplateName(name) || OTHER_TEMPLATE_NAME.test(name);
}

export function isConfigName(name: string, templates = false): boolean {
  return CONFIG_NAME.test(name) && !BACKUP_NAME.test(name) && (templates || !isTemplateName(name));
}

export interface WalkOptions {
  /** The repository's top directory: .gitignore files from there down apply. */
  top: string;
  /** The `ignore` setting: true for paths never linted (directories are not entered). */
  ignored?: (path: string) => boolean;
  /** Also list template files (off: they are not configs until rendered). */
  templates?: boolean;
  /** Stop after this many files. */
  maxFiles: number;
  /** Directories deeper than this are not entered (symlink loops end here). */
  maxDepth?: number;
}

interface Gitignore {
  base: string;
  rules: IgnoreRule[];
}

/** Config files under `dir`, sorted; at most `maxFiles`. */
export function walkConfigs(fs: FileAccess, dir: string, opts: WalkOptions): string[] {
  const found: string[] = [];
  const maxDepth = opts.maxDepth ?? 32;
  const load = (d: string): Gitignore[] => {
    const r = fs.stat(join(d, ".gitignore")) === "file" ? fs.readFile(join(d, ".gitignore")) : undefined;
    return r?.ok ? [{ base: d, rules: parseGitignore(r.text) }] : [];
  };
  // The .gitignore files of the directories between the top and `dir` apply too.
  const inherited: Gitignore[] = [];
  const fromTop = relative(opts.top, dir);
  if (fromTop === "" || (!fromTop.startsWith("..") && !fromTop.startsWith(sep))) {
    let d = opts.top;
    for (const seg of fromTop.split(sep).filter((s) => s !== "")) {
      inherited.push(...load(d));
      d = join(d, seg);
    }
  }
  const ignoredByGit = (stack: Gitignore[], path: string, isDir: boolean) => {
    // A deeper .gitignore overrides a shallower one. Paths below a base are built by join: slicing is relative().
    for (let i = stack.length - 1; i >= 0; i--) {
      const base = stack[i].base;
      const v = gitignoreVerdict(stack[i].rules, path.slice(base.length === 1 ? 1 : base.length + 1), isDir);
      if (v !== undefined) return v;
    }
    return false;
  };
  const walk = (d: string, depth: number, stack: Gitignore[]) => {
    const here = [...stack, ...load(d)];
    for (const entry of entries(fs, d)) {
      if (found.length >= opts.maxFiles) return;
      const { name } = entry;
      const p = join(d, name);
      // Symbolic links are followed (stat); other kinds come with the listing, without a stat per entry.
      const kind = entry.kind ?? fs.stat(p);
      if (kind === "directory") {
        if (SKIPPED_DIRS.has(name) || BACKUP_NAME.test(name) || depth + 1 > maxDepth) continue;
        if (ignoredByGit(here, p, true) || opts.ignored?.(p)) continue;
        walk(p, depth + 1, here);
      } else if (kind === "file" && isConfigName(name, opts.templates)) {
        if (ignoredByGit(here, p, false) || opts.ignored?.(p)) continue;
        found.push(p);
      }
    }
  };
  walk(dir, 0, inherited);
  return found.sort();
}

interface Entry {
  name: string;
  /** Known without a stat (a plain file or directory on disk). */
  kind?: "file" | "directory" | "other";
}

/** A directory's entries, with their kinds when the disk says them in the same call (no stat per entry). */
function entries(fs: FileAccess, dir: string): Entry[] {
  let dirents: Dirent[];
  try {
    dirents = readdirSync(dir, { withFileTypes: true });
  } catch {
    return (fs.listDir(dir) ?? []).map((name) => ({ name }));
  }
  return dirents.map((e) =>
    e.isSymbolicLink() ? { name: e.name } : { name: e.name, kind: e.isDirectory() ? "directory" : e.isFile() ? "file" : "other" },
  );
}
