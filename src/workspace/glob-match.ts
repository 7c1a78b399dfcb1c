/**
 * Shell-style globs for command-line paths and `ignore` patterns:
 * `*` and `?` within one path segment, `**` across segments, `[...]` classes,
 * `{a,b}` alternatives.
 */
export function globToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        // `**/` matches zero or more whole directories; a trailing `**` matches everything below.
        const slash = pattern[i + 2] === "/";
        re += slash ? "(?:[^/]*/)*" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith("!")) body = "^" + body.slice(1);
        re += "[" + body.replace(/\\/g, "\\\\") + "]";
        i = end;
      }
    } else if (c === "{") {
      const end = pattern.indexOf("}", i);
      if (end < 0) re += "\\{";
      else {
        re += "(?:" + pattern.slice(i + 1, end).split(",").map((alt) => globToRegExp(alt).source.slice(1, -1)).join("|") + ")";
        i = end;
      }
    } else re += c.replace(/[.+^$()|\\/]/g, "\\$&");
  }
  return new RegExp("^" + re + "$");
}

export function hasGlobChars(p: string): boolean {
  return /[*?[{]/.test(p);
}

/** Does a path relative to the pattern's base match? Patterns without "/" match the file name at any depth (as .gitignore does). */
export function matchesIgnore(relPath: string, pattern: string): boolean {
  const p = pattern.replace(/^\.\//, "").replace(/\/$/, "/**");
  if (!p.includes("/")) return globToRegExp(p).test(relPath.slice(relPath.lastIndexOf("/") + 1)) || globToRegExp(p).test(relPath);
  return globToRegExp(p.replace(/^\//, "")).test(relPath);
}
