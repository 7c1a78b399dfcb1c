// scripts/gen-versions.mjs on a tiny keepalived-like git history: keyword spans per
// context, calls followed into other functions with their literal arguments, and
// preprocessor branches as a feature-complete build takes them.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const script = resolve(__dirname, "../../scripts/gen-versions.mjs");
const dir = mkdtempSync(join(tmpdir(), "gen-versions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@t", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@t" } });

function commit(files: Record<string, string>, tag?: string) {
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(dir, p, ".."), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  git("add", "-A");
  git("commit", "-qm", tag ?? "head");
  if (tag) git("tag", tag);
}

const parser = (extra: string, checker: string) => `
static void
install_common(bool conn)
{
\tif (conn)
\t\tinstall_keyword("connect_ip", &h);
\tinstall_keyword("retry", &h);
}

static void
install_check(const char *name)
{
\tinstall_keyword(name, &h);
\tinstall_sublevel();
\tinstall_common(${checker});
\tif (!strcmp(name, "SSL_GET"))
\t\tinstall_keyword("tls_compliant", &h);
\tinstall_sublevel_end();
}

void
init_keywords(bool active)
{
\tinstall_keyword_root("global_defs", NULL, active);
\tinstall_keyword("router_id", &h);
${extra}
#ifdef _ONE_PROCESS_DEBUG_
\tinstall_keyword("debug_only", &h);
#endif
\tinstall_keyword_root("virtual_server", &h, active);
\tinstall_keyword("real_server", &h);
\tinstall_sublevel();
\tinstall_check("HTTP_GET");
\tinstall_check("SSL_GET");
\tinstall_sublevel_end();
}
`;

describe("gen-versions.mjs", () => {
  git("init", "-q");
  commit({ "keepalived/core/parser.c": parser("", "false") }, "v2.0.19");
  commit({ "keepalived/core/parser.c": parser("#ifdef _WITH_X_\n\tinstall_keyword(\"new_kw\", &h);\n#endif", "false") }, "v2.1.0");
  commit({ "keepalived/core/parser.c": parser("", "true") });
  const out = join(dir, "versions.data.ts");
  execFileSync(process.execPath, [script, join(dir, ".git"), out], { encoding: "utf8", stdio: "pipe" });
  const text = readFileSync(out, "utf8");
  const spans = Object.fromEntries([...text.matchAll(/^ {2}"([^"]+)": "([^"]+)",$/gm)].map((m) => [m[1], m[2]]));

  it("lists the releases and HEAD", () => {
    expect(text).toContain('export const RELEASES: readonly string[] = ["2.0.19","2.1.0","HEAD"];');
  });

  it("gives since and until per keyword and context; keywords of every release are left out", () => {
    expect(spans).toEqual({
      "global_defs|new_kw": "2.1.0-HEAD",
      "virtual_server.real_server.HTTP_GET|connect_ip": "HEAD-",
      "virtual_server.real_server.SSL_GET|connect_ip": "HEAD-",
    });
    expect(text).not.toContain("debug_only");
    expect(text).not.toContain("HTTP_GET|tls_compliant");
  });

  it("refuses to run without a git dir", () => {
    expect(() => execFileSync(process.execPath, [script], { stdio: "pipe" })).toThrow();
  });
});
