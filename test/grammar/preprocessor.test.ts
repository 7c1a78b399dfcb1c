// Preprocessor behaviour of keepalived's read_line(): definitions, builtins,
// conditional lines, ~SEQ/~LST and include, with positions mapped back.
import { describe, expect, test } from "vitest";
import { parseText } from "../../grammar/reader.js";
import { readFiles } from "./helpers.js";

describe("definitions", () => {
  test("$NAME is replaced only before a blank, ',', ')' or the end; ${NAME} anywhere", () => {
    const r = parseText('$A=alpha\nglobal_defs {\nlvs_timeouts tcp 10 $A $A, ($A) $A- "$A" ${A}x $$A\n}\n');
    const n = r.ast.children[0].children[0];
    expect([n.keyword, ...n.args].map((w) => w.text)).toEqual(
      ["lvs_timeouts", "tcp", "10", "alpha", "alpha,", "(alpha)", "$A-", "$A", "alphax", "$alpha"]);
  });
  test("an undefined ${NAME} is left as written and then split at its braces", () => {
    const r = parseText("global_defs {\nlvs_timeouts tcp 10 ${UNDEF}z\n}\n");
    expect(r.ast.children[0].children[0].args.map((w) => w.text)).toEqual(["tcp", "10", "$"]);
  });
  test("'$B = x' with a blank before '=' is not a definition (keepalived: unknown keyword '$B')", () => {
    const r = parseText("$B = notadef\n");
    expect(r.ast.definitions).toEqual([]);
    expect(r.ast.children[0].name).toBe("$B");
    expect(r.ast.children[0].known).toBe(false);
  });
  test("a definition's comment is removed from its value", () => {
    const r = parseText("$H=value#c\n");
    expect(r.ast.definitions[0].value).toBe("value");
  });
  test("a word from a definition points at the reference and names the definition", () => {
    const text = "$RID=lb1\nglobal_defs {\n  router_id $RID\n}\n";
    const r = parseText(text);
    const w = r.ast.children[0].children[0].args[0];
    expect(w.text).toBe("lb1");
    expect(text.slice(w.start, w.end)).toBe("$RID");
    expect(w.synthetic).toBe(true);
    expect(w.via?.[0]).toMatchObject({ kind: "definition", name: "RID" });
    expect(text.slice(w.via![0].span.start, w.via![0].span.end)).toBe("$RID=lb1");
  });
  test("words between, around and inside many substitutions on one line keep their own positions", () => {
    // Values of other lengths than their references, nested, and glued to written text: each word must
    // still point at what the user wrote (a written word exactly, a substituted one at its reference).
    const refs = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? "$LONG" : i % 3 === 1 ? "${S}x" : "$N")).join(" w ");
    const text = `$S=s\n$LONG=a-much-longer-value\n$N=\${S} $S\nglobal_defs {\nlvs_timeouts ${refs} end\n}\n`;
    const r = parseText(text);
    const args = r.ast.children[0].children[0].args;
    const written = args.filter((w) => !w.synthetic);
    expect(written.map((w) => w.text)).toEqual([...Array(59).fill("w"), "end"]);
    for (const w of written) expect(text.slice(w.start, w.end)).toBe(w.text);
    const substituted = args.filter((w) => w.synthetic).map((w) => text.slice(w.start, w.end));
    expect(substituted.slice(0, 5)).toEqual(["$LONG", "${S}x", "$N", "$N", "$LONG"]);
    expect(args.filter((w) => w.synthetic).slice(0, 5).map((w) => w.text)).toEqual(["a-much-longer-value", "sx", "s", "s", "a-much-longer-value"]);
  });
  test("a multiline definition at the end of a line adds its other lines as lines of their own", () => {
    const text = "$M=m1 \\\nm2 \\\nm3\nglobal_defs {\nlvs_timeouts tcp 10 $M\n}\n";
    const r = parseText(text);
    const kids = r.ast.children[0].children.map((n) => [n.keyword, ...n.args].map((w) => w.text).join(" "));
    expect(kids).toEqual(["lvs_timeouts tcp 10 m1", "m2", "m3"]);
  });
  test("a multiline definition not at the end of the line is left untouched", () => {
    const r = parseText("$M=m1 \\\nm2\nglobal_defs {\nx $M y\n}\n");
    expect(r.ast.children[0].children[0].args.map((w) => w.text)).toEqual(["$M", "y"]);
  });
  test("an empty line ends a multiline definition", () => {
    const r = parseText("$M=a \\\n\nglobal_defs {\n}\n");
    expect(r.ast.definitions[0].value).toBe("a");
    expect(r.ast.children.map((n) => n.name)).toEqual(["global_defs"]);
  });
  test("definitions are expanded late and can be redefined", () => {
    const r = parseText("$A=1\n$B=${A}0\n$A=2\nglobal_defs {\nx $B\n}\n");
    expect(r.ast.children[0].children[0].args[0].text).toBe("20");
  });
});

describe("builtins", () => {
  test("${_HASH} and ${_BANG} start a comment unless quoted", () => {
    const r = parseText('global_defs {\nlvs_timeouts tcp 10 "${_HASH}" x${_BANG}y\n}\n');
    expect(r.ast.children[0].children[0].args.map((w) => w.text)).toEqual(["tcp", "10", "#", "x"]);
  });
  test("$_INSTANCE is the config id and $_PWD the including file's directory", () => {
    const r = parseText("global_defs {\nrouter_id ${_INSTANCE} $_PWD\n}\n", "/etc/keepalived/k.conf", { configId: "lb1" });
    expect(r.ast.children[0].children[0].args.map((w) => w.text)).toEqual(["lb1", "/etc/keepalived"]);
  });
  test("${_ENV X} exists only in newer keepalived (2.2.7 splits it at its braces)", () => {
    const newest = parseText("global_defs {\nrouter_id ${_ENV HOME}\n}\n", "/k.conf", { env: { HOME: "/root" } });
    expect(newest.ast.children[0].children[0].args[0].text).toBe("/root");
    const old = parseText("global_defs {\nrouter_id ${_ENV HOME}\n}\n", "/k.conf", { targetVersion: "2.2.7" });
    expect(old.ast.children[0].children[0].args[0].text).toBe("$");
  });
});

describe("conditional lines", () => {
  test("@id keeps the line only for that config id; @^id only for the others", () => {
    const text = "global_defs {\n@lb1 router_id one\n@lb2 router_id two\n@^lb1 smtp_server 1.2.3.4\n}\n";
    const a = parseText(text, "/k.conf", { configId: "lb1" }).ast.children[0].children.map((n) => n.args[0].text);
    expect(a).toEqual(["one"]);
    const b = parseText(text, "/k.conf", { configId: "lb2" }).ast.children[0].children.map((n) => n.args[0].text);
    expect(b).toEqual(["two", "1.2.3.4"]);
  });
  test("with no config id every @id line is dropped and every @^id line kept", () => {
    const r = parseText("global_defs {\n@x router_id a\n@^x router_id b\n}\n");
    expect(r.ast.children[0].children.map((n) => n.args[0].text)).toEqual(["b"]);
  });
  test("a dropped @id line takes its '{' with it", () => {
    const r = parseText("@other vrrp_script s {\n}\n", "/k.conf", { configId: "me" });
    expect(r.ast.children).toEqual([]);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(["unbalanced-brace"]);
  });
});

describe("~SEQ and ~LST", () => {
  test("~SEQ(var, start, end) repeats the rest of the line", () => {
    const r = parseText("global_defs {\n~SEQ(i, 1, 3) router_id r${i}\n}\n");
    expect(r.ast.children[0].children.map((n) => n.args[0].text)).toEqual(["r1", "r2", "r3"]);
  });
  test("~SEQ with a step and counting down", () => {
    const r = parseText("global_defs {\n~SEQ(i, 10, -5, 0) x $i\n}\n");
    expect(r.ast.children[0].children.map((n) => n.args[0].text)).toEqual(["10", "5", "0"]);
  });
  test("~LST over values and over tuples", () => {
    const r = parseText("global_defs {\n~LST(v, p, q) x l_$v\n~LST({a,b}, {1,2}, {3,4}) y $a $b\n}\n");
    expect(r.ast.children[0].children.map((n) => n.args.map((w) => w.text).join(" "))).toEqual(["l_p", "l_q", "1 2", "3 4"]);
  });
  test("an invalid ~SEQ is reported", () => {
    const r = parseText("~SEQ(i, 1, 0, 5) x\n");
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(["invalid-loop"]);
  });
  test("blanks may stand before and inside the parentheses (add_seq skips them)", () => {
    const r = parseText("global_defs {\n~SEQ ( i , 1 , 2 ) x $i\n}\n");
    expect(r.ast.children[0].children.map((n) => n.args[0].text)).toEqual(["1", "2"]);
  });
  test("any line starting ~SEQ is a loop for keepalived: one that does not parse is reported, not read as a keyword", () => {
    const r = parseText("global_defs {\n~SEQUENCE x\n}\n");
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(["invalid-loop"]);
    expect(r.ast.children[0].children).toEqual([]);
  });
  test("2.2.7 only: a substituted line that starts with ~SEQ is a loop again (nested loops through a definition)", () => {
    // keepalived 2.2.7 -t on this config: Unknown keyword 'kw_$i1', 'kw_$i2', 'kw_$i1', 'kw_$i2' (the outer
    // loop's $i is not substituted again inside the inner loop's body).
    const text = "$INNER=~SEQ(j, 1, 2) kw_$i$j\nglobal_defs {\n~SEQ(i, 1, 2) $INNER\n}\n";
    const old = parseText(text, "/k.conf", { targetVersion: "2.2.7" });
    expect(old.ast.children[0].children.map((n) => n.name)).toEqual(["kw_$i1", "kw_$i2", "kw_$i1", "kw_$i2"]);
    const newest = parseText(text, "/k.conf");
    expect(newest.ast.children[0].children.map((n) => n.name)).toEqual(["~SEQ(j,", "~SEQ(j,"]);
  });
});

describe("the text after a brace is read as a new line (read_line()'s line_residue)", () => {
  // keepalived 2.2.7 -t with -i x on the same text: Unknown keyword 'bogus_two' (line 4), 'bogus_1' and 'bogus_2' (line 6).
  const text = "global_defs { @nothere bogus_one\n  router_id a\n}\nglobal_defs { @x bogus_two\n}\nglobal_defs { ~SEQ(i,1,2) bogus_$i\n}\n";
  test("@id, ~SEQ after a '{' on the same line apply as at the start of a line", () => {
    const r = parseText(text, "/k.conf", { configId: "x" });
    expect(r.ast.children.map((n) => n.children.map((c) => c.name))).toEqual([["router_id"], ["bogus_two"], ["bogus_1", "bogus_2"]]);
  });
  test("a plain line with such a rest takes the general path, and a plain rest stays plain", () => {
    const r = parseText("vrrp_instance V { @y state MASTER\n  priority 100 }\n", "/k.conf", { configId: "x" });
    expect(r.ast.children[0].children.map((c) => c.name)).toEqual(["priority"]);
  });
});

describe("include", () => {
  test("relative includes resolve against the including file's directory, in glob order", () => {
    const r = readFiles({
      "/etc/keepalived/keepalived.conf": "include conf.d/*.conf\n",
      "/etc/keepalived/conf.d/b.conf": "vrrp_script b {\n}\n",
      "/etc/keepalived/conf.d/a.conf": "vrrp_script a {\n}\n",
    }, "/etc/keepalived/keepalived.conf");
    expect(r.ast.children.map((n) => n.args[0].text)).toEqual(["a", "b"]);
    expect(r.ast.children[0].file).toBe("/etc/keepalived/conf.d/a.conf");
    expect(r.ast.children[0].via?.[0]).toMatchObject({ kind: "include", name: "/etc/keepalived/conf.d/a.conf" });
    expect([...r.files.keys()]).toHaveLength(3);
  });
  test("brace alternatives {a,b}", () => {
    const r = readFiles({ "/m.conf": "include /x/{a,b}.conf\n", "/x/a.conf": "vrrp_script a {\n}\n", "/x/b.conf": "vrrp_script b {\n}\n" }, "/m.conf");
    expect(r.ast.children.map((n) => n.args[0].text)).toEqual(["a", "b"]);
  });
  test("quotes are part of the pattern: include \"a.conf\" looks for a file named with quotes", () => {
    const r = readFiles({ "/m.conf": 'include "a.conf"\n', "/a.conf": "vrrp_script a {\n}\n" }, "/m.conf");
    expect(r.ast.children).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: "include-error", severity: "warning" });
    expect(r.diagnostics[0].message).toContain('"a.conf"');
  });
  test("a missing file is a warning for include and an error for includem", () => {
    expect(readFiles({ "/m.conf": "include nope.conf\n" }, "/m.conf").diagnostics[0].severity).toBe("warning");
    expect(readFiles({ "/m.conf": "includem nope.conf\n" }, "/m.conf").diagnostics[0].severity).toBe("error");
  });
  test("an include cycle is reported once and does not loop", () => {
    const r = readFiles({ "/a.conf": "include /b.conf\n", "/b.conf": "include /a.conf\n" }, "/a.conf");
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(["include-cycle"]);
    expect(r.diagnostics[0].file).toBe("/b.conf");
  });
  test("including a directory is reported", () => {
    const r = readFiles({ "/m.conf": "include /d\n", "/d/x.conf": "" }, "/m.conf");
    expect(r.diagnostics[0].message).toContain("is a directory");
  });
  test("a glob matching thousands of files is cut off at the limit and reported", () => {
    const files: Record<string, string> = { "/m.conf": "include /many/*.conf\n" };
    for (let i = 0; i < 3000; i++) files[`/many/f${String(i).padStart(4, "0")}.conf`] = "";
    const r = readFiles(files, "/m.conf", { maxFiles: 1000 });
    expect(r.files.size).toBeLessThanOrEqual(1000);
    expect(r.diagnostics.some((d) => d.ruleId === "include-error" && d.message.includes("more files"))).toBe(true);
  });
  test("a block may open in one file and close in another", () => {
    const r = readFiles({ "/m.conf": "vrrp_instance V {\ninclude /body.conf\n}\n", "/body.conf": "state BACKUP\n" }, "/m.conf");
    expect(r.diagnostics).toEqual([]);
    expect(r.ast.children[0].children[0]).toMatchObject({ name: "state", file: "/body.conf", context: "vrrp_instance" });
  });
});

describe("keepalived 2.2.7 differences", () => {
  test("a definition's \\# is stored as # (decomment ran), so it comments out the line it is used on", () => {
    const r = parseText("$V1=\\#\nglobal_defs {\n$V1 router_id a\nrouter_id b\n}\n");
    expect(r.ast.children[0].children.map((n) => n.args[0].text)).toEqual(["b"]);
  });
  test("2.2.7 checks a substituted line again for $NAME= (newer keepalived does not)", () => {
    const text = "$ON=\n$OFF=${_HASH}\n${ON} $A=on\n${OFF} $B=off\nglobal_defs {\nrouter_id $A $B\n}\n";
    const old = parseText(text, "/k.conf", { targetVersion: "2.2.7" });
    expect(old.ast.children[0].children[0].args.map((w) => w.text)).toEqual(["on", "$B"]);
    const newest = parseText(text, "/k.conf");
    expect(newest.ast.children.map((n) => n.name)).toContain("$A=on");
  });
});

describe("multiline definitions and comments", () => {
  test("a comment ending in \\ continues a multiline definition in 2.2.7 only", () => {
    const text = "$M=a # note \\\nb\nglobal_defs {\nrouter_id $M\n}\n";
    expect(parseText(text, "/k.conf", { targetVersion: "2.2.7" }).ast.definitions[0].value).toBe("a\nb");
    expect(parseText(text).ast.definitions[0].value).toBe("a");
  });
  test("a comment-only line ends a multiline definition, unless before 2.4.0 it ends in \\", () => {
    // keepalived 2.2.8, 2.3.4 and 2.4.3 -t: without the backslash all report "Unknown keyword 'router_id'" on line 4
    // (the definition ended at the comment); with it only 2.4.3 does.
    const value = (text: string, v: string) => parseText(text, "/k.conf", { targetVersion: v }).ast.definitions[0].value;
    const withBackslash = "$D= \\\nglobal_defs { \\\n# c1 \\\n  router_id a \\\n}\n$D\n";
    const without = "$D= \\\nglobal_defs { \\\n# c1\n  router_id a \\\n}\n$D\n";
    expect(value(withBackslash, "2.3.4")).toBe("\nglobal_defs {\nrouter_id a\n}");
    expect(value(withBackslash, "2.4.3")).toBe("\nglobal_defs {");
    expect(value(without, "2.2.8")).toBe("\nglobal_defs {");
    expect(value(without, "2.4.3")).toBe("\nglobal_defs {");
  });
  test("outside a definition, 2.2.7 reads a comment line ending in \\ as the line \\ (Unknown keyword '\\')", () => {
    // keepalived 2.2.7 -t on this text: Unknown keyword '\' on lines 2, 3 and 6, nothing on line 4.
    const text = "global_defs {\n#$A= \\\n  ! router_id x \\\n#plain\n}\n# trailing \\\n";
    const old = parseText(text, "/k.conf", { targetVersion: "2.2.7" });
    expect(old.ast.children[0].children.map((n) => n.name)).toEqual(["\\", "\\"]);
    expect(old.ast.children.map((n) => n.name)).toEqual(["global_defs", "\\"]);
    expect(old.ast.children[1].keyword.start).toBe(text.lastIndexOf("\\"));
    const newest = parseText(text, "/k.conf");
    expect(newest.ast.children.map((n) => n.name)).toEqual(["global_defs"]);
    expect(newest.ast.children[0].children).toEqual([]);
  });
});
