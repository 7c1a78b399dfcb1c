// The template layer (grammar/template): engines recognised, tags found with
// exact offsets, and the reader's view: same length and lines, expressions as
// placeholders, comments and structure as blanks, branches recorded.
import { describe, expect, test } from "vitest";
import { detectEngine, exclusive, isTemplateName, scanTags, templateView, type TemplateEngine } from "../../grammar/template/index.js";

const kinds = (text: string, engine: TemplateEngine) => scanTags(text, engine).map((t) => [text.slice(t.start, t.end), t.kind]);

describe("recognising templates", () => {
  test.each([
    ["/r/templates/keepalived.conf.j2", "jinja"],
    ["/r/keepalived.jinja2", "jinja"],
    ["/r/keepalived.conf.erb", "erb"],
    ["/r/keepalived.conf.epp", "epp"],
    ["/r/keepalived.conf.mustache", "mustache"],
    ["/r/keepalived.conf.tftpl", "terraform"],
    ["/r/keepalived.conf.gotmpl", "go"],
  ])("%s by name → %s", (path, engine) => {
    expect(isTemplateName(path)).toBe(true);
    expect(detectEngine(path, "")).toBe(engine);
  });

  test("a .conf file by its tags; a plain config is none", () => {
    expect(detectEngine("/k.conf", "global_defs {\n}\n")).toBeUndefined();
    expect(detectEngine("/k.conf", "{% if x %}\n{% endif %}\n")).toBe("jinja");
    expect(detectEngine("/k.conf", "priority {{ .Priority }}\n")).toBe("go");
    expect(detectEngine("/k.conf", "priority {{PRIORITY}}\n")).toBe("mustache");
    expect(detectEngine("/k.conf", "priority <%= @priority %>\n")).toBe("erb");
    expect(detectEngine("/k.conf", "priority <%= $priority %>\n")).toBe("epp");
    expect(detectEngine("/k.conf", "%{ if m }\nstate MASTER\n%{ endif }\n")).toBe("terraform");
    expect(isTemplateName("/etc/keepalived/keepalived.conf")).toBe(false);
  });

  test("keepalived's own ${NAME} and $NAME are not template tags, --template and off win", () => {
    expect(detectEngine("/k.conf", "$VIP=10.0.0.1\nvirtual_ipaddress {\n ${VIP}\n}\n")).toBeUndefined();
    expect(detectEngine("/k.conf", "priority {{ p }}\n", "off")).toBeUndefined();
    expect(detectEngine("/k.conf", "priority ${p}\n", "envsubst")).toBe("envsubst");
  });

  test("a .tmpl file is Go unless its tags say Jinja2 or Mustache", () => {
    expect(detectEngine("/keepalived.conf.tmpl", "x {{ .A }}\n")).toBe("go");
    expect(detectEngine("/keepalived.conf.tmpl", "{% if a %}{% endif %}\n")).toBe("jinja");
    expect(detectEngine("/keepalived.conf.tmpl", "{{#a}}{{/a}}\n")).toBe("mustache");
  });
});

describe("tags of each engine", () => {
  test("Jinja2: expressions, statements, comments, trim markers, raw, strings holding delimiters", () => {
    const t = '{{ a }}{%- if b -%}{% else %}{%+ endif %}{# c #}{% set d = 1 %}{{ "}}" }}{% raw %}{{ x }}{% endraw %}{% include "f" %}';
    expect(kinds(t, "jinja")).toEqual([
      ["{{ a }}", "expr"], ["{%- if b -%}", "open"], ["{% else %}", "else"], ["{%+ endif %}", "close"], ["{# c #}", "comment"],
      ["{% set d = 1 %}", "code"], ['{{ "}}" }}', "expr"], ["{% raw %}", "code"], ["{% endraw %}", "code"], ['{% include "f" %}', "expr"],
    ]);
  });

  test("Go: actions, comments, trim markers, range/with/define/end, assignments", () => {
    const t = '{{- /* c */ -}}{{ range $i, $v := .L }}{{ $v }}{{ else }}{{ end }}{{ with .W }}{{ end }}{{ define "p" }}{{ end }}{{ template "p" . }}{{ $x := 1 }}';
    expect(kinds(t, "go").map(([, k]) => k)).toEqual(["comment", "open", "expr", "else", "close", "open", "close", "open", "close", "expr", "code"]);
  });

  test("ERB: <%= %>, <% %> code by Ruby keyword, <%# %>, <%- -%>, <%% literal", () => {
    const t = "<%# c %><% if @a -%><%= @b %><% elsif @c %><% else %><% end -%><% @l.each do |x| %><% end %><%% x %><% y = 1 %>";
    expect(kinds(t, "erb")).toEqual([
      ["<%# c %>", "comment"], ["<% if @a -%>", "open"], ["<%= @b %>", "expr"], ["<% elsif @c %>", "else"], ["<% else %>", "else"],
      ["<% end -%>", "close"], ["<% @l.each do |x| %>", "open"], ["<% end %>", "close"], ["<% y = 1 %>", "code"],
    ]);
  });

  test("EPP: the parameter list, Puppet blocks with braces", () => {
    const t = "<%- | String $s, Integer $p = 1 | -%>\n<% if $s == 'x' { -%>a<% } else { -%>b<% } -%><% $l.each |$v| { %><%= $v %><% } %>";
    expect(kinds(t, "epp").map(([, k]) => k)).toEqual(["code", "open", "else", "close", "open", "expr", "close"]);
  });

  test("Mustache: variables, triple, sections, inverted, comments, partials, delimiter changes", () => {
    const t = "{{a}}{{{b}}}{{#c}}{{/c}}{{^c}}{{/c}}{{! x }}{{> p}}{{=<% %>=}}<%d%>";
    expect(kinds(t, "mustache").map(([s, k]) => `${s}:${k}`)).toEqual([
      "{{a}}:expr", "{{{b}}}:expr", "{{#c}}:open", "{{/c}}:close", "{{^c}}:open", "{{/c}}:close", "{{! x }}:comment", "{{> p}}:expr", "{{=<% %>=}}:code", "<%d%>:expr",
    ]);
  });

  test("Terraform: ${}, %{ if/for } with ~ markers, nested braces, $${ and %%{ escapes", () => {
    const t = '${a}%{~ if b ~}${ {x = 1}["x"] }%{ else }%{ endif }%{ for p in l }%{ endfor }$${lit}%%{lit}';
    expect(kinds(t, "terraform")).toEqual([
      ["${a}", "expr"], ["%{~ if b ~}", "open"], ['${ {x = 1}["x"] }', "expr"], ["%{ else }", "else"], ["%{ endif }", "close"],
      ["%{ for p in l }", "open"], ["%{ endfor }", "close"],
    ]);
  });
});

describe("the reader's view", () => {
  test("same length and line breaks; expressions become one word, comments and lone structure tags blanks", () => {
    // No trim_blocks (Ansible's default is on): every line break of the template is the rendering's.
    const t = "#jinja2: trim_blocks: False\n{# c\nc #}\nvrrp_instance VI_{{ n }} {\n{% if m %}\n  priority {{ p }}\n{% endif %}\n}\n";
    const v = templateView(t, "jinja");
    expect(v.text.length).toBe(t.length);
    expect([...v.text].map((c, i) => (c === "\n") === (t[i] === "\n")).every(Boolean)).toBe(true);
    const lines = v.text.split("\n");
    expect(lines[1].trim()).toBe("");
    expect(lines[2].trim()).toBe("");
    expect(lines[3].split(" ")).toHaveLength(3); // vrrp_instance, VI_<placeholder>, {
    expect(lines[4].trim()).toBe("");
    expect(v.problems).toEqual([]);
  });

  test("trim markers that strip a line break join two template lines into one line of the view", () => {
    const lineCount = (t: string, engine: Parameters<typeof templateView>[1]) => templateView(t, engine).text.split("\n").length;
    const lines = (t: string, engine: Parameters<typeof templateView>[1]) => templateView(t, engine).text.split("\n").map((l) => l.replace(/[\uE000-\uE0FF]+/g, "X").trim().replace(/\s+/g, " "));
    // Jinja2: `-}}` strips the line break and indentation after; `{%-` before; trim_blocks the break after `%}`/`#}`.
    expect(lines('priority {{- " " -}}\n    100\n', "jinja")).toEqual(["priority X 100", ""]);
    expect(lines("  priority 100\n  {%- if x %}\n  nopreempt\n  {%- endif %}\n  advert_int 1\n", "jinja")).toEqual(["priority 100 nopreempt advert_int 1", ""]);
    expect(lines("#jinja2: trim_blocks: False\n  priority 100\n  {%- if x %}\n  nopreempt\n", "jinja")).toEqual(["#jinja2: trim_blocks: False", "priority 100", "nopreempt", ""]);
    expect(lines("advert_int 1 {# c #}\nstate BACKUP\nx {# c +#}\ny\n", "jinja")).toEqual(["advert_int 1 state BACKUP", "x", "y", ""]);
    // Go: `{{- ` and ` -}}` (a dash without a blank is a number); an else between joined branches ends the line.
    expect(lines("a {{- .X }}\nb {{-3}}\nc\n", "go")).toEqual(["a X", "b X", "c", ""]);
    expect(lines("{{ if .M -}}\n  state MASTER\n  {{- else -}}\n  state BACKUP\n  {{- end }}\n  interface eth0\n", "go")).toEqual(["state MASTER", "state BACKUP", "interface eth0", ""]);
    // ERB: `-%>` strips only the line break right after it; `<%-` only a line's indentation.
    expect(lines("priority <%= @p -%>\n  100\n  <%- x -%>\n\nb\n", "erb")).toEqual(["priority X 100", "", "b", ""]);
    // EPP: `-%>` strips blanks and the line break after it.
    expect(lines("priority <%= $p -%>  \n100\n", "epp")).toEqual(["priority X 100", ""]);
    // Terraform: `~` strips every whitespace on its side.
    expect(lines("priority ${~ p ~}\n\n  100\n%{ if a ~}\nx\n%{~ endif }\ny\n", "terraform")).toEqual(["priority X 100", "x", "y", ""]);
    // Mustache has no trim markers: the lines stay.
    expect(lineCount("a {{b}}\nc\n", "mustache")).toBe(3);
  });

  test("equal tags are equal placeholders, different tags differ", () => {
    const v = templateView("a {{ x }} {{ x }} {{ y }}\n", "jinja");
    const [, p1, p2, p3] = v.text.trim().split(" ");
    expect(p1).toBe(p2);
    expect(p1).not.toBe(p3);
  });

  test("a conditional inside one line is one placeholder", () => {
    const t = "state {% if m %}MASTER{% else %}BACKUP{% endif %}\n";
    expect(templateView(t, "jinja").text.trim().split(/\s+/)).toHaveLength(2);
  });

  test("branches of a conditional are exclusive; a Mustache inverted section is its section's else", () => {
    const t = "{% if a %}\nx\n{% elif b %}\ny\n{% else %}\nz\n{% endif %}\n";
    const v = templateView(t, "jinja");
    expect(exclusive(v, t.indexOf("x"), t.indexOf("y"))).toBe(true);
    expect(exclusive(v, t.indexOf("y"), t.indexOf("z"))).toBe(true);
    const m = "{{#a}}\nx\n{{/a}}\n{{^a}}\ny\n{{/a}}\n";
    expect(exclusive(templateView(m, "mustache"), m.indexOf("x"), m.indexOf("y"))).toBe(true);
    const loop = "{% for i in l %}\nx\ny\n{% endfor %}\n";
    expect(exclusive(templateView(loop, "jinja"), loop.indexOf("x"), loop.indexOf("y"))).toBe(false);
  });

  test("tags that do not close or pair are problems", () => {
    expect(templateView("a {{ b\n", "jinja").problems.map((p) => p.message)).toEqual(["template tag is not closed on its line"]);
    expect(templateView("{% if a %}\n", "jinja").problems.map((p) => p.message)).toEqual(["template block is never closed"]);
    expect(templateView("{% endif %}\n", "jinja").problems.map((p) => p.message)).toEqual(["template end tag without an opening tag"]);
  });

  test("a definition's body (macro, define) is not read in place", () => {
    const t = '{{ define "x" }}\nnot_a_keyword here\n{{ end }}\n';
    expect(templateView(t, "go").text.trim()).toBe("");
  });
});
