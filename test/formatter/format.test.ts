// The canonical layout on small inputs; expected texts written by hand.
import { describe, expect, it } from "vitest";
import { format, formatRange, isFormatted } from "../../src/formatter/index.js";

/** Lines joined with "\n", plus the final newline. */
const text = (...lines: string[]) => lines.join("\n") + "\n";

describe("format: layout", () => {
  it("indents by 4 spaces, one statement per line, `{` on the keyword line, `}` alone", () => {
    expect(format("vrrp_instance VI_1\n{\nstate MASTER\n  interface   eth0\n}")).toBe(
      text("vrrp_instance VI_1 {", "    state MASTER", "    interface eth0", "}"),
    );
  });

  it("honours the indent option (width and tab)", () => {
    const src = "global_defs {\nrouter_id a\n}\n";
    expect(format(src, { indent: 2 })).toBe(text("global_defs {", "  router_id a", "}"));
    expect(format(src, { indent: "tab" })).toBe(text("global_defs {", "\trouter_id a", "}"));
  });

  it("cuts lines at braces, as keepalived does", () => {
    expect(format("global_defs { router_id a } vrrp_instance X{ state BACKUP }}")).toBe(
      text("global_defs {", "    router_id a", "}", "vrrp_instance X {", "    state BACKUP", "}", "}"),
    );
  });

  it("keeps a value-block line with several words as ONE entry line", () => {
    expect(format("virtual_ipaddress { 10.0.0.1 10.0.0.2 }\n")).toBe(text("virtual_ipaddress {", "    10.0.0.1 10.0.0.2", "}"));
  });

  it("collapses blank runs, drops blank lines at the top, after `{`, before `}` and at the end", () => {
    expect(format("\n\nglobal_defs {\n\n  router_id a\n\n\n\n  script_user root\n\n}\n\n\n")).toBe(
      text("global_defs {", "    router_id a", "", "    script_user root", "}"),
    );
  });

  it("keeps own-line and trailing comments where they stand, single space before a trailing one", () => {
    expect(format("# head\nglobal_defs {   # opens\n      # inside\n  router_id a     ! bang\n}\n")).toBe(
      text("# head", "global_defs { # opens", "    # inside", "    router_id a ! bang", "}"),
    );
  });

  it("keeps glued comments and glued quotes glued (keepalived's script reader reads them as one word)", () => {
    expect(format('vrrp_script s {\n script  "/bin/a b"x\n weight 2#c\n}\n')).toBe(
      text("vrrp_script s {", '    script "/bin/a b"x', "    weight 2#c", "}"),
    );
  });

  it("keeps blanks inside quotes", () => {
    expect(format('notify_master   "/bin/echo    a"\n')).toBe(text('notify_master "/bin/echo    a"'));
  });

  it("does not move `{` past a comment", () => {
    expect(format("vrrp_instance X # note\n{\nstate MASTER\n}\n")).toBe(text("vrrp_instance X # note", "{", "    state MASTER", "}"));
  });

  it("keeps CRLF line breaks and adds the final newline", () => {
    expect(format("global_defs {\r\nrouter_id a\r\n}")).toBe("global_defs {\r\n    router_id a\r\n}\r\n");
  });

  it("returns an empty text unchanged", () => {
    expect(format("")).toBe("");
  });
});

describe("format: lines keepalived treats before its brace split are only re-indented", () => {
  it("definitions, multiline definitions (continuation lines verbatim) and the blank line that ends one", () => {
    const src = text("global_defs {", "$ADDR=10.0.0.1   ", "$MULTI=a \\", "  b \\", "      c", "", "$OPEN=x \\", "", "}");
    // the blank line after `c` means nothing (the definition ended with `c`); the one after `x \` ends $OPEN
    expect(format(src)).toBe(text("global_defs {", "    $ADDR=10.0.0.1", "    $MULTI=a \\", "  b \\", "      c", "", "    $OPEN=x \\", "", "}"));
  });

  it("does not join a `{` onto a line using $NAME, an @id line or a ~SEQ line", () => {
    expect(format("vrrp_instance $NAME\n{\n}\n")).toBe(text("vrrp_instance $NAME", "{", "}"));
    expect(format("@main vrrp_instance X\n{\n}\n")).toBe(text("@main vrrp_instance X", "{", "}"));
    expect(format("@main   vrrp_instance X {  state MASTER }\n")).toBe(text("@main   vrrp_instance X {  state MASTER }"));
    expect(format("~SEQ(i,1,3) real_server 10.0.0.$i 80 { weight 1 }\n")).toBe(text("~SEQ(i,1,3) real_server 10.0.0.$i 80 { weight 1 }"));
  });

  it("leaves include lines as written (the rest of the line is a glob; braces are alternatives)", () => {
    expect(format("global_defs {\n  include   /etc/{a,b}.conf\n}\n")).toBe(text("global_defs {", "    include   /etc/{a,b}.conf", "}"));
  });

  it("leaves an unclosed quote's line as written, trailing blanks included", () => {
    expect(format('  notify "abc  \n')).toBe(text('notify "abc  '));
  });

  it("never indents a line past keepalived's 1023-byte limit", () => {
    const long = "a".repeat(1018);
    const src = `global_defs {\n  x {\n${long}\n}\n}\n`;
    const out = format(src);
    for (const line of out.split("\n")) expect(Buffer.byteLength(line) + 1).toBeLessThanOrEqual(1023);
    expect(out).toContain("\n" + long + "\n");
  });

  it("format off … on regions stay byte for byte", () => {
    const src = text("global_defs {", "# keepalived-lint format off", "   router_id    a  ", "  {x}", "# keepalived-lint format on", "script_user root", "}");
    expect(format(src)).toBe(
      text("global_defs {", "    # keepalived-lint format off", "   router_id    a  ", "  {x}", "    # keepalived-lint format on", "    script_user root", "}"),
    );
  });

  it("isFormatted says whether the text is in canonical layout", () => {
    expect(isFormatted(text("global_defs {", "    router_id a", "}"))).toBe(true);
    expect(isFormatted("global_defs {\nrouter_id a\n}\n")).toBe(false);
  });
});

describe("formatRange", () => {
  const apply = (src: string, edits: { start: number; end: number; text: string }[]) =>
    [...edits].sort((a, b) => b.start - a.start).reduce((s, e) => s.slice(0, e.start) + e.text + s.slice(e.end), src);

  it("formats only the lines touching the range, with the indentation of the whole file", () => {
    const src = "global_defs {\nrouter_id a\nscript_user   root\n}\nvrrp_instance X {\nstate MASTER\n}\n";
    const at = src.indexOf("script_user");
    expect(apply(src, formatRange(src, { start: at, end: at + 3 }))).toBe(
      "global_defs {\nrouter_id a\n    script_user root\n}\nvrrp_instance X {\nstate MASTER\n}\n",
    );
  });

  it("takes the keyword line along when its `{` moves up", () => {
    const src = "vrrp_instance X\n{\nstate MASTER\n}\n";
    const at = src.indexOf("{");
    expect(apply(src, formatRange(src, { start: at, end: at + 1 }))).toBe("vrrp_instance X {\nstate MASTER\n}\n");
  });

  it("returns no edit for formatted text", () => {
    expect(formatRange("global_defs {\n    router_id a\n}\n", { start: 0, end: 5 })).toEqual([]);
  });
});

describe("counterexamples found by the property tests", () => {
  it("a script line with a form feed between words is only re-indented (the script reader splits at spaces and tabs only)", () => {
    expect(format(" notify_master a \f b\n")).toBe("notify_master a \f b\n");
  });
  it("a comment's trailing blanks and lone CRs are dropped, so formatting twice changes nothing", () => {
    const once = format("x # note \r\r");
    expect(once).toBe("x # note\n");
    expect(format(once)).toBe(once);
  });
  it("an own-line comment loses its trailing blanks and lone CRs too (seen on a `format on` line)", () => {
    const once = format(" # keepalived-lint format on \r\r");
    expect(once).toBe("# keepalived-lint format on\n");
    expect(format(once)).toBe(once);
    expect(format("a {\n  # note\t\r\r\n}\n")).toBe("a {\n    # note\n}\n");
  });
});
