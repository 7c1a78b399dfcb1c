/**
 * Absolute paths of a deployed host, read from a checkout. A configuration in
 * a repository still says `include /etc/keepalived/conf.d/*.conf`; keepalived
 * reads that on the host, the linter must read it from the checkout's copy.
 * A RootMap maps `/` (or a prefix such as `/etc/keepalived`) onto a checkout
 * directory. The reader looks for absolute include patterns through
 * toCheckout() (ReaderOptions.includePath) and names what it reads by the
 * checkout's path, so the tree, the findings and reports name the files
 * people edit. Pure: paths are POSIX strings, files come through FileAccess.
 */
import type { FileAccess } from "../../grammar/files.js";
import { dirname, join, normalize } from "../../grammar/paths.js";
import { fromSettingsFile, type Settings } from "./settings.js";

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

/**
 * A run's root maps, one per main file and mappings, kept so that what one
 * detected holds for the whole run and is said once. The workspace and the
 * command line's repository mode each keep one; `checkoutOf` is where a main
 * file's checkout is (rootMapFor's default when it answers undefined).
 */
export class RootMaps {
  private readonly maps = new Map<string, RootMap>();

  constructor(
    private readonly fs: FileAccess,
    private readonly checkoutOf: (main: string) => string | undefined = () => undefined,
  ) {}

  /** How the configuration of `main` reads host paths under `mappings`. */
  for(main: string, mappings: readonly RootMapping[]): RootMap {
    const key = `${main}\0${JSON.stringify(mappings)}`;
    let map = this.maps.get(key);
    if (!map) this.maps.set(key, (map = rootMapFor(this.fs, main, mappings, this.checkoutOf(main))));
    return map;
  }

  /** Host directories read from a checkout's copy by detection so far, once each, as [host, checkout] (to say so). */
  detections(): RootMapping[] {
    const seen = new Map<string, RootMapping>();
    for (const m of this.maps.values()) if (m.detected) seen.set(`${m.detected.from}\0${m.detected.to}`, m.detected);
    return [...seen.values()];
  }
}

/** The nearest directory at or above `dir` holding `.git` (a directory, or a file in a git worktree). */
export function gitTop(fs: FileAccess, dir: string): string | undefined {
  for (let d = dir; ; d = dirname(d)) {
    if (fs.stat(join(d, ".git")) !== undefined) return d;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * The directory the command line names paths from (CI annotations, detection
 * notes, repository mode): the git top above the working directory, else the
 * working directory itself.
 */
export function repositoryTop(fs: FileAccess, cwd: string): string {
  return gitTop(fs, cwd) ?? cwd;
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
 * `checkout` (default: the git top, else the main file's directory) holds the
 * paths that are never mapped.
 */
export function rootMapFor(fs: FileAccess, main: string, mappings: readonly RootMapping[], checkout?: string): RootMap {
  const top = gitTop(fs, dirname(main));
  const tree = checkout ?? top ?? dirname(main);
  const candidates = top !== undefined ? [join(tree, "etc/keepalived"), dirname(main), join(tree, "keepalived")] : [];
  return new RootMap(mappings, tree, [...new Set(candidates)], fs);
}
