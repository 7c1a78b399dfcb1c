// The TextMate grammars of editors/vscode, through vscode-textmate and
// vscode-oniguruma (what VS Code runs): fixtures written by hand, and the
// scopes themes colour, asserted token by token.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allKeywords } from "../../grammar/schema/index.js";
import { scopesOf, tokenize, type Token } from "./textmate.js";

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, "fixtures", name), "utf8");
const last = (scopes: string[]) => scopes[scopes.length - 1];

describe("source.keepalived", () => {
  let tokens: Token[];
  const at = (line: number, text: string, nth = 0) => scopesOf(tokens, line, text, nth);

  it("tokenises keepalived.conf", async () => {
    tokens = await tokenize("source.keepalived", fixture("keepalived.conf"));
    expect(tokens.length).toBeGreaterThan(50);
  });

  it("comments start at # or ! anywhere outside quotes", () => {
    expect(at(1, "!")).toContain("punctuation.definition.comment.keepalived");
    expect(at(1, " Configuration File for keepalived")).toContain("comment.line.keepalived");
    expect(at(3, " this host")).toContain("comment.line.keepalived");
    expect(at(3, "router_id")).not.toContain("comment.line.keepalived");
  });

  it("block keywords, plain keywords and the names of defined objects", () => {
    expect(last(at(2, "global_defs"))).toBe("keyword.other.block.keepalived");
    expect(last(at(3, "router_id"))).toBe("keyword.other.keepalived");
    expect(last(at(4, "enable_script_security"))).toBe("keyword.other.keepalived");
    expect(last(at(10, "vrrp_script"))).toBe("keyword.other.block.keepalived");
    expect(last(at(10, "chk_haproxy"))).toBe("entity.name.section.keepalived");
    expect(last(at(15, "VI_1"))).toBe("entity.name.section.keepalived");
    expect(last(at(21, "virtual_ipaddress"))).toBe("keyword.other.block.keepalived");
    expect(last(at(2, "{"))).toBe("punctuation.section.block.begin.keepalived");
    expect(last(at(5, "}"))).toBe("punctuation.section.block.end.keepalived");
  });

  it("numbers, addresses, enum values and booleans", () => {
    expect(last(at(12, "2"))).toBe("constant.numeric.keepalived");
    expect(last(at(13, "-20"))).toBe("constant.numeric.keepalived");
    expect(last(at(18, "51"))).toBe("constant.numeric.keepalived");
    expect(last(at(16, "MASTER"))).toBe("constant.language.keepalived");
    expect(last(at(20, "no"))).toBe("constant.language.boolean.keepalived");
    expect(last(at(30, "rr"))).toBe("constant.language.keepalived");
    expect(last(at(30, "10.0.0.1"))).toBe("constant.numeric.ip-address.v4.keepalived");
    expect(last(at(23, "fe80::1/64"))).toBe("constant.numeric.ip-address.v6.keepalived");
    expect(last(at(6, "192.168.10.100/24"))).toBe("constant.numeric.ip-address.v4.keepalived");
  });

  it("strings: double quotes only", () => {
    expect(at(11, "/usr/bin/pgrep -x haproxy")).toContain("string.quoted.double.keepalived");
  });

  it("$NAME=definitions and $NAME / ${NAME} references", () => {
    expect(last(at(6, "VIP"))).toBe("variable.other.definition.keepalived");
    expect(last(at(6, "="))).toBe("keyword.operator.assignment.keepalived");
    expect(last(at(19, "PRIO"))).toBe("variable.other.keepalived");
    expect(last(at(19, "${"))).toBe("punctuation.definition.variable.begin.keepalived");
    expect(last(at(22, "VIP"))).toBe("variable.other.keepalived");
  });

  it("@id and @^id prefixes, then the line as usual", () => {
    expect(last(at(7, "@"))).toBe("keyword.control.conditional.config-id.keepalived");
    expect(last(at(7, "lb1"))).toBe("entity.name.tag.config-id.keepalived");
    expect(last(at(8, "@^"))).toBe("keyword.control.conditional.config-id.keepalived");
    expect(last(at(8, "PRIO"))).toBe("variable.other.definition.keepalived");
    expect(last(at(8, "100"))).toBe("constant.numeric.keepalived");
  });

  it("~SEQ(...) and the statement it repeats", () => {
    expect(last(at(29, "~SEQ"))).toBe("support.function.sequence.keepalived");
    expect(last(at(29, "i"))).toBe("variable.parameter.keepalived");
    expect(last(at(29, "3"))).toBe("constant.numeric.keepalived");
    expect(last(at(29, "real_server"))).toBe("keyword.other.block.keepalived");
    expect(last(at(29, "i", 1))).toBe("variable.other.keepalived");
    // After `{` on the same line a new statement starts.
    expect(last(at(29, "weight"))).toBe("keyword.other.keepalived");
  });

  it("include and its path", () => {
    expect(last(at(9, "include"))).toBe("keyword.control.import.keepalived");
    expect(last(at(9, "/etc/keepalived/conf.d/*.conf"))).toBe("string.unquoted.path.keepalived");
  });

  it("a keyword is a keyword only as the first word of a statement", async () => {
    const t = await tokenize("source.keepalived", "notification_email_from priority\n    priority 100");
    expect(last(scopesOf(t, 1, "notification_email_from"))).toBe("keyword.other.keepalived");
    expect(t.find((x) => x.line === 1 && x.text.includes("priority"))!.scopes).not.toContain("keyword.other.keepalived");
    expect(last(scopesOf(t, 2, "priority"))).toBe("keyword.other.keepalived");
  });

  it("every keyword of the schema is highlighted as one", async () => {
    const names = [...new Set(allKeywords().map((k) => k.name))];
    const t = await tokenize("source.keepalived", names.map((n) => `    ${n} x`).join("\n"));
    const missed = names.filter((n, i) => !t.some((x) => x.line === i + 1 && x.text === n && /^keyword\.other\.(block\.)?keepalived$/.test(last(x.scopes)!)));
    expect(missed).toEqual([]);
  });

  it("a word that only looks like a keyword is not one", async () => {
    const t = await tokenize("source.keepalived", "    vrrp_instances x\n    my_priority 1");
    expect(t.filter((x) => x.scopes.some((s) => s.startsWith("keyword."))).map((x) => x.text)).toEqual([]);
  });

  it("template tags are plain text in a plain config", async () => {
    const t = await tokenize("source.keepalived", "    priority {{ prio }}\n<%= @x %>");
    expect(t.some((x) => x.scopes.some((s) => s.includes("embedded")))).toBe(false);
  });
});

describe("templates", () => {
  it("Jinja2: {{ }}, {% %} with trim markers, {# #}, inside values, strings and comments", async () => {
    const t = await tokenize("source.keepalived.jinja", fixture("keepalived.conf.j2"));
    // `# {{ ansible_managed }}`: the tag inside a keepalived comment.
    expect(scopesOf(t, 1, "{{")).toEqual(expect.arrayContaining(["comment.line.keepalived", "punctuation.section.embedded.begin.jinja"]));
    expect(last(scopesOf(t, 1, "ansible_managed"))).toBe("variable.other.jinja");
    // A tag as the name of a block, then the block's `{`.
    expect(scopesOf(t, 2, "vrrp_name")).toContain("meta.block-header.keepalived");
    expect(last(scopesOf(t, 2, "{"))).toBe("punctuation.section.block.begin.keepalived");
    expect(last(scopesOf(t, 3, "state"))).toBe("keyword.other.keepalived");
    expect(scopesOf(t, 3, "MASTER")).toContain("string.quoted.single.jinja");
    expect(last(scopesOf(t, 3, "if"))).toBe("keyword.operator.jinja");
    expect(last(scopesOf(t, 4, "-"))).toBe("keyword.operator.whitespace-control.jinja");
    expect(last(scopesOf(t, 4, "-", 1))).toBe("keyword.operator.whitespace-control.jinja");
    expect(last(scopesOf(t, 5, "{%"))).toBe("punctuation.section.embedded.begin.jinja");
    expect(last(scopesOf(t, 5, "for"))).toBe("keyword.control.jinja");
    // `{ {{ vip }} }`: keepalived braces around a tag.
    expect(last(scopesOf(t, 6, "{"))).toBe("punctuation.section.block.begin.keepalived");
    expect(last(scopesOf(t, 6, "vip"))).toBe("variable.other.jinja");
    expect(last(scopesOf(t, 6, "}"))).toBe("punctuation.section.block.end.keepalived");
    expect(last(scopesOf(t, 7, "endfor"))).toBe("keyword.control.jinja");
    expect(scopesOf(t, 8, "role")).toEqual(expect.arrayContaining(["string.quoted.double.keepalived", "meta.embedded.expression.jinja"]));
    // A Jinja comment is one comment, tags inside it included.
    expect(last(scopesOf(t, 9, " a comment with {{ braces }} "))).toBe("comment.block.jinja");
    expect(last(scopesOf(t, 10, "}"))).toBe("punctuation.section.block.end.keepalived");
  });

  it("Go template: {{ }}, {{- -}}, {{/* */}}, and a keyword right after a tag", async () => {
    const t = await tokenize("source.keepalived.gotmpl", fixture("keepalived.conf.tmpl"));
    expect(last(scopesOf(t, 1, " rendered by consul-template "))).toBe("comment.block.gotmpl");
    expect(last(scopesOf(t, 2, ".Name"))).toBe("variable.other.member.gotmpl");
    expect(last(scopesOf(t, 3, "-"))).toBe("keyword.operator.whitespace-control.gotmpl");
    expect(last(scopesOf(t, 3, ".Priority"))).toBe("variable.other.member.gotmpl");
    expect(last(scopesOf(t, 4, "range"))).toBe("keyword.control.gotmpl");
    expect(last(scopesOf(t, 4, "$ip"))).toBe("variable.other.gotmpl");
    expect(last(scopesOf(t, 4, "virtual_ipaddress"))).toBe("keyword.other.block.keepalived");
    expect(last(scopesOf(t, 4, "end"))).toBe("keyword.control.gotmpl");
  });

  it("ERB/EPP: <% %>, <%= %>, <%- -%>, <%# %>", async () => {
    const t = await tokenize("source.keepalived.erb", fixture("keepalived.conf.erb"));
    expect(last(scopesOf(t, 1, " managed by puppet "))).toBe("comment.block.erb");
    expect(last(scopesOf(t, 2, "<%="))).toBe("punctuation.section.embedded.begin.erb");
    expect(last(scopesOf(t, 2, "@name"))).toBe("variable.other.erb");
    expect(last(scopesOf(t, 3, "priority"))).toBe("keyword.other.keepalived");
    expect(last(scopesOf(t, 3, "-"))).toBe("keyword.operator.whitespace-control.erb");
    expect(last(scopesOf(t, 4, "each"))).toBe("keyword.control.erb");
    expect(last(scopesOf(t, 6, "%>"))).toBe("punctuation.section.embedded.end.erb");
  });

  it("Terraform templatefile: ${ }, %{ ~}, and $${ as a literal", async () => {
    const t = await tokenize("source.keepalived.tftpl", fixture("keepalived.conf.tftpl"));
    expect(last(scopesOf(t, 1, "${"))).toBe("punctuation.section.embedded.begin.tftpl");
    expect(last(scopesOf(t, 2, "priority", 1))).toBe("variable.other.tftpl");
    expect(last(scopesOf(t, 3, "for"))).toBe("keyword.control.tftpl");
    expect(last(scopesOf(t, 3, "~"))).toBe("keyword.operator.whitespace-control.tftpl");
    expect(last(scopesOf(t, 6, "$${"))).toBe("constant.character.escape.tftpl");
  });

  it("the keepalived grammar underneath a template", async () => {
    const t = await tokenize("source.keepalived.jinja", "vrrp_instance VI_1 {\n    state BACKUP  # {{ x }}\n    $V=10.0.0.1\n}");
    expect(last(scopesOf(t, 1, "VI_1"))).toBe("entity.name.section.keepalived");
    expect(last(scopesOf(t, 2, "BACKUP"))).toBe("constant.language.keepalived");
    expect(last(scopesOf(t, 2, "x"))).toBe("variable.other.jinja");
    expect(last(scopesOf(t, 3, "10.0.0.1"))).toBe("constant.numeric.ip-address.v4.keepalived");
  });
});
