// One test per quirk of keepalived's line reader (lib/parser.c decomment(),
// alloc_strvec_r(), read_line()); expected words follow the verified vectors
// of keepalived 2.2.7 in shared/reference/keepalived-grammar.md §11.
import { describe, expect, test } from "vitest";
import { Lexer } from "chevrotain";
import { lex, LEXER_CONFIG, tokenTypes } from "../../grammar/lexer.js";
import * as reader from "../../grammar/reader.js";
import { globalLine, ids, lines } from "./helpers.js";

describe("keepalived line reader quirks", () => {
  test("'#' starts a comment anywhere outside quotes, even mid-word (decomment)", () => {
    expect(globalLine("lvs_timeouts tcp 10 a#b c")).toEqual(["<lvs_timeouts> <tcp> <10> <a>"]);
  });
  test("'!' starts a comment like '#'", () => {
    expect(globalLine("lvs_timeouts tcp 10 a!b c")).toEqual(["<lvs_timeouts> <tcp> <10> <a>"]);
  });
  test("comment characters inside double quotes are literal", () => {
    expect(globalLine('lvs_timeouts tcp 10 "x#y!z" w')).toEqual(["<lvs_timeouts> <tcp> <10> <x#y!z> <w>"]);
  });
  test("single quotes do not quote: 'g#h' is cut at the '#'", () => {
    expect(globalLine("lvs_timeouts tcp 10 'g#h' i")).toEqual(["<lvs_timeouts> <tcp> <10> <'g>"]);
  });
  test("\\# and \\! outside quotes are literal characters with the backslash dropped", () => {
    expect(globalLine("lvs_timeouts tcp 10 i\\#j k\\!l")).toEqual(["<lvs_timeouts> <tcp> <10> <i#j> <k!l>"]);
  });
  test("inside quotes the backslash of \\# is kept", () => {
    expect(globalLine('lvs_timeouts tcp 10 "k\\#l"')).toEqual(["<lvs_timeouts> <tcp> <10> <k\\#l>"]);
  });
  test("a quote splits words: x\"y z\"w is three words", () => {
    expect(globalLine('lvs_timeouts tcp 10 x"y z"w')).toEqual(["<lvs_timeouts> <tcp> <10> <x> <y z> <w>"]);
  });
  test('"" is an empty word', () => {
    expect(globalLine('lvs_timeouts tcp 10 "" q')).toEqual(["<lvs_timeouts> <tcp> <10> <> <q>"]);
  });
  test("'a b' is two words", () => {
    expect(globalLine("lvs_timeouts tcp 10 'a b'")).toEqual(["<lvs_timeouts> <tcp> <10> <'a> <b'>"]);
  });
  test("no escape processing in ordinary words (a\\tb stays four characters)", () => {
    expect(globalLine("lvs_timeouts tcp 10 a\\tb")).toEqual(["<lvs_timeouts> <tcp> <10> <a\\tb>"]);
  });
  test("a trailing backslash is not a line continuation", () => {
    // decomment() drops the blanks before a final backslash, which then ends the last word.
    expect(globalLine("lvs_timeouts tcp 10 a \\")).toEqual(["<lvs_timeouts> <tcp> <10> <a\\>"]);
  });
  test("braces split words anywhere outside quotes: a{b}c \"d{e}f\" g", () => {
    expect(globalLine('lvs_timeouts tcp 10 a{b}c "d{e}f" g')).toEqual([
      "<lvs_timeouts> <tcp> <10> <a>",
      // the '{' after a non-block keyword is ignored, so b, c… are read at the same level
      "<b>",
      "<c> <d{e}f> <g>",
    ]);
  });
  test("a brace glued to a block keyword's name still opens the block (vrrp_instance VI_1{)", () => {
    expect(lines("vrrp_instance VI_1{\nstate BACKUP\n}\n")).toEqual(["<vrrp_instance> <VI_1>", "<state> <BACKUP>"]);
    expect(ids("vrrp_instance VI_1{\nstate BACKUP\n}\n")).toEqual([]);
  });
  test("virtual_ipaddress { a b } on one line is one entry with two words", () => {
    expect(lines("vrrp_instance V {\nvirtual_ipaddress { 10.0.0.1 10.0.0.2 }\n}\n")).toEqual([
      "<vrrp_instance> <V>",
      "<virtual_ipaddress>",
      "<10.0.0.1> <10.0.0.2>",
    ]);
  });
  test("CRLF line ends are accepted and a lone CR is a blank", () => {
    expect(lines("vrrp_instance V {\r\nstate\rBACKUP\r\n}\r\n")).toEqual(["<vrrp_instance> <V>", "<state> <BACKUP>"]);
  });
  test("an unmatched quote is reported and ends the line's words: alloc_strvec_r() breaks there", () => {
    expect(globalLine('router_id "abc def')).toEqual(["<router_id>"]);
    expect(globalLine('lvs_timeouts tcp 10 "x y { z')).toEqual(["<lvs_timeouts> <tcp> <10>"]);
    expect(ids('global_defs {\nrouter_id "abc\n}\n')).toEqual(["unmatched-quote"]);
  });
  test("a line over 1023 characters is reported (keepalived splits it)", () => {
    expect(ids(`global_defs {\nrouter_id ${"x".repeat(1100)}\n}\n`)).toEqual(["line-too-long"]);
    expect(ids(`global_defs {\nrouter_id ${"x".repeat(1000)}\n}\n`)).toEqual([]);
  });
  test("a NUL byte loses the rest of the line and is reported", () => {
    expect(globalLine("router_id ab\0cd ef")).toEqual(["<router_id> <ab>"]);
    expect(ids("global_defs {\nrouter_id ab\0cd\n}\n")).toEqual(["nul-byte"]);
  });
  test("keywords are case-sensitive: LVS_TIMEOUTS is not lvs_timeouts", () => {
    const n = reader.parseText("global_defs {\nROUTER_ID x\n}\n").ast.children[0].children[0];
    expect(n.known).toBe(false);
  });
  test("the lexer definition passes chevrotain's validations with first-char optimisation on", () => {
    expect(() => new Lexer(tokenTypes().all, { ...LEXER_CONFIG, skipValidations: false })).not.toThrow();
  });
  test("the lexer is total: token images concatenate to any input", () => {
    const input = 'a\u00a0b "c\0 d\r\n\v{}#!\\';
    expect(lex(input).tokens.map((t) => t.image).join("")).toBe(input);
    expect(lex(input).errors).toEqual([]);
  });
});
