/**
 * The package's own files (package.json, docs/) located from this module's
 * URL, so `explain` and the docs links work from dist/ in a checkout and from
 * node_modules after `npm install`.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface PackageInfo {
  root: string;
  version: string;
  /** GitHub repository URL from package.json, when declared. */
  repository?: string;
  /** package.json's homepage, when declared. */
  homepage?: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(dir, "package.json");
    if (existsSync(p)) {
      try {
        const pkg = JSON.parse(readFileSync(p, "utf8")) as { name?: string; version?: string; repository?: string | { url?: string }; homepage?: string };
        if (pkg.name === "keepalived-lint") {
          const repo = typeof pkg.repository === "string" ? pkg.repository : pkg.repository?.url;
          const m = repo ? /github\.com[/:]([^/]+\/[^/.]+)/.exec(repo) : null;
          const homepage = typeof pkg.homepage === "string" && /^https:\/\//.test(pkg.homepage) ? pkg.homepage : undefined;
          return (cached = { root: dir, version: pkg.version ?? "0.0.0", repository: m ? `https://github.com/${m[1]}` : undefined, homepage });
        }
      } catch {
        // An unreadable package.json on the way up is not ours; keep looking.
      }
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return (cached = { root: dirname(fileURLToPath(import.meta.url)), version: "0.0.0" });
}

/**
 * Docs page of a rule on GitHub (at this version's tag) when package.json
 * names the repository; otherwise none: a `file:` path into this machine's
 * install directory means nothing in a CI report (the page goes inline, see ruleDocText).
 */
export function ruleDocsUri(id: string): string | undefined {
  const info = packageInfo();
  return info.repository ? `${info.repository}/blob/v${info.version}/docs/rules/${id}.md` : undefined;
}

export function homeUri(): string | undefined {
  const info = packageInfo();
  return info.repository ?? info.homepage;
}

/** A rule's documentation page (Markdown) as installed, when readable. */
export function ruleDocText(id: string): string | undefined {
  try {
    return readFileSync(ruleDocsFile(id), "utf8");
  } catch {
    return undefined;
  }
}

export function ruleDocsFile(id: string): string {
  return join(packageInfo().root, "docs", "rules", `${id}.md`);
}
