// Suppression comments are found where keepalived finds comments: the first
// `#` or `!` outside double quotes (src/engine/suppress.ts, grammar/comment.ts).
import { describe, expect, it } from "vitest";
import { lintText } from "../../src/index.js";

// `unknown-keyword` fires on line 2 unless a directive on line 1 suppresses it.
const withFirstLine = (first: string) => `${first}\nbogus_keyword x\n`;
const ids = (text: string, options = {}) => lintText(text, "/k.conf", options).diagnostics.map((d) => d.ruleId);

describe("suppression comments", () => {
  it("a # or ! comment on its own line suppresses the next line", () => {
    expect(ids(withFirstLine(""))).toContain("unknown-keyword");
    expect(ids(withFirstLine("# keepalived-lint disable-next-line unknown-keyword"))).not.toContain("unknown-keyword");
    expect(ids(withFirstLine("! keepalived-lint disable-next-line unknown-keyword -- reason"))).not.toContain("unknown-keyword");
  });

  it("a comment after words counts, also when the line ends in CRLF", () => {
    expect(ids("global_defs {\r\n}\r\nbogus_keyword x # keepalived-lint disable-line unknown-keyword\r\n")).not.toContain("unknown-keyword");
  });

  it("text inside double quotes is not a comment", () => {
    const quoted = `vrrp_script s {\n  script "/bin/echo # keepalived-lint disable-next-line unknown-keyword"\n}\nbogus_keyword x\n`;
    expect(ids(quoted)).toContain("unknown-keyword");
  });

  it("a line the plain scanner refuses (a backslash, $) is still read for its comment", () => {
    const text = `$X=1\nglobal_defs {\n  router_id a\\b # keepalived-lint disable-line unknown-keyword\n  bogus_keyword $X # keepalived-lint disable-line unknown-keyword\n}\n`;
    expect(ids(text)).not.toContain("unknown-keyword");
  });

  it("a directive ending the file with a bare \\r still applies to its own line", () => {
    expect(ids("bogus_keyword x # keepalived-lint disable-line unknown-keyword\r")).not.toContain("unknown-keyword");
  });

  it("a line naming keepalived-lint more than once holds one directive, and the lines after it are still read", () => {
    // The first line mentions it three times (a quoted name, the directive, an id); its directive is unused.
    const text = `vrrp_script "keepalived-lint" { # keepalived-lint disable-line unknown-keyword keepalived-lint\n}\nbogus_keyword x # keepalived-lint disable-line unknown-keyword\n`;
    const r = lintText(text, "/k.conf", { reportUnusedDisableDirectives: true });
    expect(r.diagnostics.filter((d) => d.ruleId === "unused-disable-directive")).toHaveLength(1);
    expect(r.diagnostics.map((d) => d.ruleId)).not.toContain("unknown-keyword");
  });

  it("unused directives span exactly the comment", () => {
    const text = "global_defs { # keepalived-lint disable-line unknown-keyword\r\n}\n";
    const r = lintText(text, "/k.conf", { reportUnusedDisableDirectives: true });
    const unused = r.diagnostics.find((d) => d.ruleId === "unused-disable-directive");
    expect(unused && text.slice(unused.start, unused.end)).toBe("# keepalived-lint disable-line unknown-keyword");
  });
});
