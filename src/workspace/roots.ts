/**
 * Absolute paths of a deployed host, read from a checkout. A configuration in
 * a repository still says `include /etc/keepalived/conf.d/*.conf`; keepalived
 * reads that on the host, the linter must read it from the checkout's copy.
 * A RootMap maps `/` (or a prefix such as `/etc/keepalived`) onto a checkout
 * directory: the reader reads through `files()`, and `translate()` turns the
 * host paths it recorded back into checkout paths, so reports name the files
 * people edit. Pure: paths are POSIX strings, files come through FileAccess.
 */
import type { Diagnostic, Span } from "../../grammar/ast.js";
import type { FileAccess } from "../../grammar/files.js";
import { dirname, join, normalize } from "../../grammar/paths.js";
import { fromSettingsFile, type Settings } from "./settings.js";
import type { LintResult } from "../engine/linter.js";

/** `from` (an absolute host path, "/" for everything) is read from `to` (an absolute checkout directory). */
export interface RootMapping {
  from: string;
  to: string;
}

/** keepalived's configuration directory: the prefix whose layout is detected in a checkout. */
export const KEEPALIVED_DIR = "/etc/keepalived";

const under = (p: string, dir: string) => dir === "/" || p === dir || p.startsWith(dir + "/");

export class RootMap {
  private readonly mappings: RootMapping[];
  private detectedTo: string | undefined;
  private detectionDone = false;

  /**
   * @param mappings explicit mappings (`--root`, the "root" setting); the longest matching `from` wins.
   * @param checkout paths under this directory are the checkout's own and never mapped.
   * @param candidates directories that may hold the checkout's copy of /etc/keepalived
   *   (used only without explicit mappings, and only when the path's tail exists there).
   */
  constructor(
    mappings: readonly RootMapping[],
    private readonly checkout: string,
    private readonly candidates: readonly string[] = [],
    private readonly fs?: FileAccess,
  ) {
    this.mappings = mappings.map((m) => ({ from: normalize(m.from), to: normalize(m.to) })).sort((a, b) => b.from.length - a.from.length);
  }

  /** The detected copy of /etc/keepalived, once a path under it was read from there. */
  get detected(): RootMapping | undefined {
    return this.detectedTo === undefined ? undefined : { from: KEEPALIVED_DIR, to: this.detectedTo };
  }

  /** Where the reader's path `p` is in the checkout (`p` itself when nothing maps it). */
  toCheckout(p: string): string {
    if (!p.startsWith("/") || under(p, this.checkout)) return p;
    if (this.mappings.some((m) => m.to !== "/" && under(p, m.to))) return p;
    const m = this.mappings.find((x) => under(p, x.from));
    if (m) return join(m.to, p.slice(m.from === "/" ? 0 : m.from.length));
    if (this.mappings.length === 0 && under(p, KEEPALIVED_DIR)) {
      const to = this.detect(p.slice(KEEPALIVED_DIR.length));
      if (to !== undefined) return join(to, p.slice(KEEPALIVED_DIR.length));
    }
    return p;
  }

  /**
   * `fs` as the reader sees it through this map. The directories above a
   * mapped prefix (`/etc` for `/etc/keepalived`) exist for the reader even on
   * a machine that has none, since glob checks each segment of a path.
   */
  files(fs: FileAccess): FileAccess {
    const above = new Map<string, Set<string>>();
    const prefixes = this.mappings.length > 0 ? this.mappings.map((m) => m.from) : this.candidates.length > 0 ? [KEEPALIVED_DIR] : [];
    for (const prefix of prefixes) {
      const segs = prefix.split("/").filter((x) => x !== "");
      for (let i = 0; i <= segs.length; i++) {
        const dir = "/" + segs.slice(0, i).join("/");
        const names = above.get(dir) ?? new Set<string>();
        if (i < segs.length) names.add(segs[i]);
        above.set(dir, names);
      }
    }
    return {
      readFile: (p) => fs.readFile(this.toCheckout(p)),
      stat: (p) => fs.stat(this.toCheckout(p)) ?? (above.has(p) ? "directory" : undefined),
      listDir: (p) => {
        const names = fs.listDir(this.toCheckout(p));
        const extra = above.get(p);
        return extra ? [...new Set([...(names ?? []), ...extra])].sort() : names;
      },
      cwd: () => fs.cwd(),
    };
  }

  /** A lint result with every host path the reader recorded replaced by its checkout path. */
  translate(result: LintResult): LintResult {
    if (this.mappings.length === 0 && this.detectedTo === undefined) return result;
    const at = <T extends Span>(s: T): T => ({ ...s, file: this.toCheckout(s.file) });
    const diag = (d: Diagnostic): Diagnostic => ({
      ...at(d),
      ...(d.via && { via: d.via.map((v) => ({ ...v, name: v.kind === "include" ? this.toCheckout(v.name) : v.name, span: at(v.span) })) }),
      ...(d.fix && { fix: { ...d.fix, edits: d.fix.edits.map(at) } }),
      ...(d.suggestions && { suggestions: d.suggestions.map((f) => ({ ...f, edits: f.edits.map(at) })) }),
      ...(d.related && { related: d.related.map((r) => ({ ...r, span: at(r.span) })) }),
    });
    return {
      ...result,
      files: new Map([...result.files].map(([p, f]) => [this.toCheckout(p), f])),
      diagnostics: result.diagnostics.map(diag),
      // What --fix applies: its edits must name the files the fix loop holds and writes (checkout paths).
      fixable: result.fixable.map(diag),
      readerDiagnostics: result.readerDiagnostics.map(diag),
    };
  }

  /** The first candidate holding `tail` (a path below /etc/keepalived); once chosen, it stays. */
  private detect(tail: string): string | undefined {
    if (this.detectionDone) return this.detectedTo;
    if (!this.fs) return undefined;
    // A glob's directory part is what the reader lists first: look for the longest existing prefix of the tail.
    const segs = tail.split("/").filter((s) => s !== "");
    for (let n = segs.length; n > 0; n--) {
      const rel = segs.slice(0, n).join("/");
      if (/[*?[{]/.test(rel)) continue;
      const hit = this.candidates.find((c) => this.fs!.stat(join(c, rel)) !== undefined);
      if (hit !== undefined) {
        this.detectionDone = true;
        this.detectedTo = hit;
        return hit;
      }
    }
    return undefined;
  }
}

/** The nearest directory at or above `dir` holding `.git` (a directory, or a file in a git worktree). */
export function gitTop(fs: FileAccess, dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (fs.stat(join(d, ".git")) !== undefined) return d;
    if (dirname(d) === d) return undefined;
  }
}

/** The "root" setting as mappings (its directories are relative to the settings file); empty when unset. */
export function rootMappingsOf(settings: Settings): RootMapping[] {
  const r = settings.file.root;
  if (r === undefined) return [];
  return typeof r === "string" ? [{ from: "/", to: fromSettingsFile(settings, r) }] : Object.entries(r).map(([from, to]) => ({ from, to: fromSettingsFile(settings, to) }));
}

/**
 * How the configuration of `main` reads host paths: the explicit mappings
 * when given, else, inside a git checkout only, /etc/keepalived detected in
 * it (its etc/keepalived/, the main file's own directory, or keepalived/):
 * a host's own /etc/keepalived/keepalived.conf reads the host's files.
 * `tree` is the checkout (the git top when there is one).
 */
export function rootMapFor(fs: FileAccess, main: string, mappings: readonly RootMapping[], tree = gitTop(fs, dirname(main)) ?? dirname(main)): RootMap {
  const inRepo = gitTop(fs, dirname(main)) !== undefined;
  const candidates = inRepo ? [join(tree, "etc/keepalived"), dirname(main), join(tree, "keepalived")] : [];
  return new RootMap(mappings, tree, [...new Set(candidates)], fs);
}
