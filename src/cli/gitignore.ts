/**
 * The part of .gitignore that decides which configs a repository walk sees:
 * comments, blank lines, `!` negation (the last matching line wins),
 * directory-only patterns (`build/`), anchored patterns (a `/` at the start or
 * in the middle: relative to the .gitignore's directory), `*`, `?`, `[...]`
 * and `**`, backslash escapes. As in git, a file inside an ignored directory
 * cannot be re-included (the walk does not enter the directory).
 */

export interface IgnoreRule {
  negate: boolean;
  dirOnly: boolean;
  /** Matches the path relative to the .gitignore's directory. */
  re: RegExp;
}

export function parseGitignore(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    // Trailing spaces are ignored unless escaped.
    line = line.replace(/(?<!\\)\s+$/, "");
    if (line === "" || line.startsWith("#")) continue;
    let negate = false;
    if (line.startsWith("!")) {
      negate = true;
      line = line.slice(1);
    }
    const dirOnly = line.endsWith("/");
    if (dirOnly) line = line.slice(0, -1);
    if (line === "") continue;
    const anchored = line.includes("/");
    if (line.startsWith("/")) line = line.slice(1);
    const body = patternSource(line);
    rules.push({ negate, dirOnly, re: new RegExp(anchored ? `^${body}$` : `^(?:.*/)?${body}$`) });
  }
  return rules;
}

/** One pattern's regular expression source (git's wildmatch with WM_PATHNAME). */
function patternSource(p: string): string {
  let re = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\" && i + 1 < p.length) re += escape(p[++i]);
    else if (c === "*" && p[i + 1] === "*" && (i === 0 || p[i - 1] === "/") && (i + 2 === p.length || p[i + 2] === "/")) {
      // `**/` (any leading directories), `/**/` (zero or more), trailing `/**` (everything inside).
      if (i + 2 === p.length) re += ".*";
      else re += "(?:.*/)?";
      i += 2;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = p.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        let cls = p.slice(i + 1, end);
        if (cls.startsWith("!")) cls = "^" + cls.slice(1);
        re += "[" + cls.replace(/\\/g, "\\\\") + "]";
        i = end;
      }
    } else re += escape(c);
  }
  return re;
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** Verdict of one .gitignore's rules on `rel` (relative to its directory): true ignored, false re-included, undefined no rule matched. */
export function gitignoreVerdict(rules: readonly IgnoreRule[], rel: string, isDir: boolean): boolean | undefined {
  let verdict: boolean | undefined;
  for (const r of rules) {
    if (r.dirOnly && !isDir) continue;
    if (r.re.test(rel)) verdict = !r.negate;
  }
  return verdict;
}
