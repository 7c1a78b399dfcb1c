// Linting templates through the public lint API: template syntax causes no
// finding, literal mistakes are found where they are written, facts that
// depend on a placeholder are not invented, fixes never touch a tag.
import { describe, expect, test } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { lint, lintText } from "../../src/workspace/lint.js";

const findings = (text: string, path: string) => {
  const r = lintText(text, path);
  const f = r.files.get(path)!;
  return r.diagnostics.map((d) => ({ line: f.position(d.start).line, rule: d.ruleId, severity: d.severity, message: d.message, fix: d.fix }));
};
const problems = (text: string, path: string) => findings(text, path).filter((d) => d.severity !== "info");

const INSTANCE = (state: string, extra = "") =>
  `vrrp_instance VI_1 {\n    ${state}\n    interface eth0\n    virtual_router_id 51\n    priority 100\n${extra}    virtual_ipaddress {\n        192.0.2.1\n    }\n}\n`;

describe("template syntax causes no finding", () => {
  test.each([
    ["/t/keepalived.conf.j2", "{# comment #}\nvrrp_instance {{ name }} {\n{% if master %}\n    state MASTER\n{% else %}\n    state BACKUP\n{% endif %}\n    interface {{ iface }}\n    virtual_router_id {{ vrid }}\n    priority {{ prio | default(100) }}\n    virtual_ipaddress {\n{% for v in vips %}\n        {{ v }}\n{% endfor %}\n    }\n{{ extra_lines }}\n}\n"],
    ["/t/keepalived.conf.tmpl", "{{/* c */}}\nvrrp_instance {{ .Name }} {\n    {{- if .Master }}\n    state MASTER\n    {{- else }}\n    state BACKUP\n    {{- end }}\n    interface {{ .If }}\n    virtual_router_id {{ .Vrid }}\n    priority {{ .Prio }}\n    virtual_ipaddress {\n    {{- range .VIPs }}\n        {{ . }}\n    {{- end }}\n    }\n}\n"],
    ["/t/vrrp.erb", "<%# c %>\nvrrp_instance <%= @name %> {\n<% if @master -%>\n    state MASTER\n<% else -%>\n    state BACKUP\n<% end -%>\n    interface <%= @iface %>\n    virtual_router_id <%= @vrid %>\n    priority <%= @prio %>\n    virtual_ipaddress {\n<% @vips.each do |v| -%>\n        <%= v %>\n<% end -%>\n    }\n}\n"],
    ["/t/vrrp.epp", "<%- | String $name, Integer $vrid | -%>\nvrrp_instance <%= $name %> {\n    state BACKUP\n    interface eth0\n    virtual_router_id <%= $vrid %>\n    priority 100\n    virtual_ipaddress {\n<% $vips.each |$v| { -%>\n        <%= $v %>\n<% } -%>\n    }\n}\n"],
    ["/t/keepalived.conf.mustache", "{{! c }}\nvrrp_instance VI_1 {\n{{#master}}\n    state MASTER\n{{/master}}\n{{^master}}\n    state BACKUP\n{{/master}}\n    interface {{iface}}\n    virtual_router_id {{vrid}}\n    priority {{{prio}}}\n    virtual_ipaddress {\n        {{vip}}\n    }\n}\n"],
    ["/t/keepalived.conf.tftpl", "vrrp_instance VI_${vrid} {\n%{ if master ~}\n    state MASTER\n%{ else ~}\n    state BACKUP\n%{ endif ~}\n    interface ${iface}\n    virtual_router_id ${vrid}\n    priority ${prio}\n    virtual_ipaddress {\n%{ for v in vips ~}\n        ${v}\n%{ endfor ~}\n    }\n}\n"],
  ])("%s", (path, text) => {
    expect(problems(text, path)).toEqual([]);
  });

  test("the same text read as a plain config is full of errors (the test can fail)", () => {
    const text = INSTANCE("{% if master %}\n    state MASTER\n{% endif %}").replace("VI_1", "{{ name }}");
    expect(problems(text, "/t/keepalived.conf.j2")).toEqual([]);
    expect(lint(memoryFiles({ "/t/k.conf": text }), ["/t/k.conf"], { template: "off" }).diagnostics.length).toBeGreaterThan(0);
  });

  test("a .conf holding tags says it is read as a template (info)", () => {
    const d = findings(INSTANCE("state BACKUP").replace("priority 100", "priority {{ p }}"), "/t/keepalived.conf");
    expect(d).toEqual([expect.objectContaining({ line: 5, rule: "template", severity: "info" })]);
    expect(d[0].message).toContain("Mustache");
  });
});

describe("literal mistakes are found on the template's own lines", () => {
  test("a typo, a wrong value next to a tag, a duplicated keyword word", () => {
    const text = "vrrp_script chk {\n    script /bin/true\n    interval interval {{ x }}\n}\nvrrp_instance {{ n }} {\n{% if m %}\n    state EQUAL\n{% endif %}\n    priorty {{ p }}\n}\n";
    const d = problems(text, "/t/keepalived.conf.j2").filter((x) => x.rule !== "script-security-disabled");
    expect(d.map((x) => [x.line, x.rule])).toEqual(expect.arrayContaining([[3, "invalid-value"], [7, "invalid-value"], [9, "unknown-keyword"]]));
    expect(d.find((x) => x.line === 9)!.message).toContain('"priorty"');
  });

  test("messages name a placeholder by the tag's own text", () => {
    const text = "vrrp_instance VI_{{ id }} {\n    state BACKUP\n    bogus_keyword 1\n}\n";
    expect(problems(text, "/t/keepalived.conf.j2").map((d) => d.message).join("\n")).toContain("VI_{{ id }}");
  });
});

describe("branches and loops", () => {
  test("no duplicate findings between the branches of a conditional; a duplicate inside one branch stays", () => {
    const inBranches = INSTANCE("{% if m %}\n    state MASTER\n{% else %}\n    state BACKUP\n{% endif %}");
    expect(problems(inBranches, "/t/k.conf.j2")).toEqual([]);
    const twice = INSTANCE("{% if m %}\n    priority 10\n    priority 20\n{% endif %}\n    state BACKUP");
    expect(problems(twice, "/t/k.conf.j2").map((d) => d.rule)).toContain("duplicate-keyword");
  });

  test("a line that is one placeholder may render anything: nothing is missing from its block", () => {
    const text = "vrrp_instance VI_1 {\n    state BACKUP\n    {{ instance_settings | indent(4) }}\n    virtual_ipaddress {\n        192.0.2.1\n    }\n}\n";
    expect(problems(text, "/t/k.conf.j2")).toEqual([]);
    expect(problems(text.replace("    {{ instance_settings | indent(4) }}\n", ""), "/t/k.conf.j2").map((d) => d.rule)).toContain("missing-required");
  });

  test("duplicate names between branches are not reported", () => {
    const text = "{% if a %}\n" + INSTANCE("state BACKUP") + "{% else %}\n" + INSTANCE("state BACKUP") + "{% endif %}\n";
    expect(problems(text, "/t/k.conf.j2").map((d) => d.rule)).not.toContain("duplicate-name");
  });
});

describe("HA rules on templates", () => {
  const script = "vrrp_script chk_{{ svc }} {\n    script \"/usr/bin/true\"\n    weight -20\n}\n";
  test("literal nopreempt with a weighted check fires, through placeholder names", () => {
    const text = script + INSTANCE("state BACKUP", "    nopreempt\n    track_script {\n        chk_{{ svc }}\n    }\n");
    const d = problems(text, "/t/keepalived.conf.j2");
    expect(d.map((x) => [x.line, x.rule])).toContainEqual([12, "nopreempt-weighted-tracking"]);
  });

  test("state {{ STATE }} with a literal nopreempt: info, naming the value that would be wrong", () => {
    const d = findings(INSTANCE("state {{ STATE }}", "    nopreempt\n"), "/t/keepalived.conf.j2");
    const f = d.filter((x) => x.rule === "nopreempt-state-master");
    expect(f).toEqual([expect.objectContaining({ severity: "info", line: 6 })]);
    expect(f[0].message).toContain("if {{ STATE }} renders MASTER");
  });

  test("a fact that joins a line rendered only under a condition is info", () => {
    const d = findings(INSTANCE("{% if m %}\n    state MASTER\n{% endif %}", "    nopreempt\n"), "/t/keepalived.conf.j2");
    expect(d.filter((x) => x.rule === "nopreempt-state-master")).toEqual([expect.objectContaining({ severity: "info" })]);
  });

  test("a placeholder value invents no fact (auth_pass length, relative script path)", () => {
    const text = "vrrp_script c {\n    script \"{{ check_script_path }}\"\n}\n" + INSTANCE("state BACKUP", "    authentication {\n        auth_type PASS\n        auth_pass {{ vault_keepalived_password }}\n    }\n");
    const rules = problems(text, "/t/keepalived.conf.j2").map((d) => d.rule);
    expect(rules).not.toContain("auth-pass-too-long");
    expect(rules).not.toContain("relative-script-path");
  });
});

describe("fixes never touch a tag", () => {
  test("no fix edits or writes a placeholder; fixes on literal text stay", () => {
    const text = "vrrp_instance VI_1 {\n    state MASTER\n    nopreempt\n    interface {{ i }}\n    virtual_router_id 5\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1\n    }\n}\n";
    const d = findings(text, "/t/keepalived.conf.j2").find((x) => x.rule === "nopreempt-state-master")!;
    // The safe fix removes the literal nopreempt line.
    expect(d.fix?.edits.map((e) => text.slice(e.start, e.end))).toEqual([expect.stringContaining("nopreempt")]);
    const withTag = text.replace("state MASTER", "state MASTER{{ suffix }}");
    const r = lintText(withTag, "/t/keepalived.conf.j2");
    for (const f of r.diagnostics) {
      for (const e of [...(f.fix?.edits ?? []), ...(f.suggestions ?? []).flatMap((x) => x.edits)]) expect(withTag.slice(e.start, e.end)).not.toMatch(/\{\{|\}\}/);
    }
  });
});

describe("--template-vars: one node's rendering, findings on the template's lines", () => {
  const text = "vrrp_instance VI_1 {\n    state {{ state }}\n    interface {{ iface }}\n    virtual_router_id {{ vrid }}\n    priority {{ prio }}\n    nopreempt\n    virtual_ipaddress {\n        {{ vip }}\n    }\n}\n";
  const run = (vars: Record<string, unknown>) => {
    const r = lint(memoryFiles({ "/t/keepalived.conf.j2": text }), ["/t/keepalived.conf.j2"], { templateVars: vars });
    const f = r.files.get("/t/keepalived.conf.j2")!;
    expect(f.text).toBe(text);
    return r.diagnostics.map((d) => ({ line: f.position(d.start).line, column: f.position(d.start).column, text: text.slice(d.start, d.end), rule: d.ruleId, severity: d.severity, fix: d.fix }));
  };

  test("a value that is wrong points at its tag; a fact the values make certain is reported at its level", () => {
    const d = run({ state: "MASTER", iface: "eth0", vrid: 300, prio: 100, vip: "192.0.2.1" });
    expect(d).toContainEqual(expect.objectContaining({ line: 4, column: 23, text: "{{ vrid }}", rule: "invalid-value", severity: "error" }));
    const master = d.find((x) => x.rule === "nopreempt-state-master")!;
    expect(master).toMatchObject({ line: 6, severity: "error", text: "nopreempt" });
    expect(master.fix).toBeUndefined();
  });

  test("good values: nothing but what holds; unknown variables stay placeholders", () => {
    expect(run({ state: "BACKUP", iface: "eth0", vrid: 51, prio: 100, vip: "192.0.2.1" }).filter((x) => x.severity !== "info")).toEqual([]);
    expect(run({ state: "BACKUP" }).filter((x) => x.severity !== "info")).toEqual([]);
  });
});

describe("trim markers that join lines: read as the engine renders them", () => {
  // `priority` and its value on two template lines, one rendered line: no "unknown keyword 100".
  test.each([
    ["/t/keepalived.conf.j2", 'priority {{- " " -}}\n100'],
    ["/t/keepalived.conf.tmpl", 'priority {{- " " -}}\n100'],
    ["/t/vrrp.erb", 'priority <%= " " -%>\n100'],
    ["/t/vrrp.epp", 'priority <%= " " -%>\n100'],
    ["/t/keepalived.conf.tftpl", "priority ${~ sp ~}\n100"],
  ])("%s: a value on the next template line", (path, line) => {
    const text = INSTANCE("state BACKUP").replace("priority 100", line);
    expect(problems(text, path)).toEqual([]);
    // Where no marker strips the line break, `100` is a line of its own, and wrong.
    expect(problems(text.replace(/-(%>|\}\})|~\}/, (m) => m.slice(1)), path).map((d) => d.rule)).toContain("unknown-keyword");
  });

  test("a line that a marker joins to the one before is no keyword of its own (the engine renders `nopreempt garp…`)", () => {
    const text = INSTANCE("state BACKUP", '    nopreempt {{- " " -}}\n    garp_master_dela 5\n');
    expect(problems(text, "/t/keepalived.conf.j2")).toEqual([]);
  });

  test("a mistake the join makes is found on the template's own line and column", () => {
    // Ansible's trim_blocks and `{%-` put `authentication {` on the advert_int line: keepalived ignores that `{`.
    const text = INSTANCE("state BACKUP", "    advert_int 1\n{%- if auth %}\n    authentication {\n        auth_type PASS\n    }\n{% endif %}\n");
    const r = lintText(text, "/t/keepalived.conf.j2");
    const brace = r.diagnostics.find((d) => d.ruleId === "unexpected-brace")!;
    expect(r.files.get("/t/keepalived.conf.j2")!.position(brace.start)).toMatchObject({ line: 8, column: 20 });
    // With `#jinja2: trim_blocks: False` and no `-`, nothing joins: the block is fine.
    const plain = "#jinja2: trim_blocks: False\n" + text.replace("{%- if", "{% if");
    expect(problems(plain, "/t/keepalived.conf.j2")).toEqual([]);
  });
});

describe("a keyword line joined to the line before: the template rule says why", () => {
  const joined = (path: string, body: string) =>
    findings(INSTANCE("state BACKUP").replace("    state BACKUP\n", body), path).filter((d) => d.rule === "template");

  test("Ansible's trim_blocks after an inline conditional swallows the next keyword line", () => {
    const d = joined("/t/keepalived.conf.j2", "    state {% if m %}MASTER{% else %}BACKUP{% endif %}\n    nopreempt\n");
    expect(d).toEqual([expect.objectContaining({ line: 3, severity: "warning", message: expect.stringMatching(/^"nopreempt" renders on the line of "state".*\{% endif %\}.*trim_blocks/) })]);
    // `+%}` keeps the line break: nothing joins.
    expect(joined("/t/keepalived.conf.j2", "    state {% if m %}MASTER{% else %}BACKUP{% endif +%}\n    nopreempt\n")).toEqual([]);
  });

  test.each([
    ["/t/keepalived.conf.j2", '    nopreempt {{- " " -}}\n    state BACKUP\n'],
    ["/t/keepalived.conf.tmpl", "    nopreempt {{ .X -}}\n    state BACKUP\n"],
    ["/t/vrrp.erb", "    nopreempt <%= @x -%>\n    state BACKUP\n"],
    ["/t/keepalived.conf.tftpl", "    nopreempt ${x ~}\n    state BACKUP\n"],
  ])("%s: a trim marker", (path, body) => {
    expect(joined(path, body)).toEqual([expect.objectContaining({ line: 3, message: expect.stringMatching(/^"state" renders on the line of "nopreempt".*trim marker/) })]);
  });

  test("a block of 130,000 lines in a template with a join is read without an internal error", () => {
    // The join check walked the tree with push(...children), which overflows the call stack past ~120,000.
    const body = '    nopreempt {{- " " -}}\n    state BACKUP\n' + "    virtual_router_id 51\n".repeat(130_000);
    const d = findings(INSTANCE("state BACKUP").replace("    state BACKUP\n", body), "/t/keepalived.conf.j2");
    expect(d.filter((f) => f.rule === "internal-error")).toEqual([]);
    expect(d.some((f) => f.rule === "template" && /^"state" renders on the line of "nopreempt"/.test(f.message))).toBe(true);
  }, 60_000);

  test("a value joined to its keyword is what the marker is for: nothing to say", () => {
    expect(joined("/t/keepalived.conf.j2", '    state {{- " " -}}\n    BACKUP\n')).toEqual([]);
  });
});
