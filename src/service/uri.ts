/**
 * file:// URIs ↔ POSIX paths. keepalived configs live on Linux paths, and the
 * reader works with paths, so the server converts at the edge. Written here
 * (not with node:url) so the service stays usable in a browser.
 */

/** The path of a file:// URI; undefined for any other scheme (untitled:, git:, …). */
export function uriToPath(uri: string): string | undefined {
  const m = /^file:\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[2] ?? "/");
  } catch {
    // A malformed escape: keep the raw text rather than failing the request.
    return m[2] ?? "/";
  }
}

/** The last path converted and its URI: a publish names one file's URI in every related location. */
let lastPath: string | undefined;
let lastUri = "";

/** The file:// URI of an absolute path, escaped the way VS Code and neovim write them. */
export function pathToUri(path: string): string {
  if (path !== lastPath) {
    lastUri = escapedUri(path);
    lastPath = path;
  }
  return lastUri;
}

function escapedUri(path: string): string {
  const escaped = path
    .split("/")
    .map((seg) => encodeURIComponent(seg).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase()))
    .join("/");
  return "file://" + (escaped.startsWith("/") ? escaped : "/" + escaped);
}
