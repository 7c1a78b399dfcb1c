/**
 * --template-vars files through the library API: YAML (as Ansible's PyYAML
 * reads it) and JSON, nested mappings reaching dotted placeholders, and a
 * broken file named by file:line:column.
 */
import { describe, expect, test } from "vitest";
import { lintText, parseTemplateVars, TemplateVarsError } from "../../src/index.js";
import { substituteVars, templateOffset } from "../../grammar/template/index.js";

const TEMPLATE = "vrrp_instance VI_1 {\n    state {{ vrrp.state }}\n    interface eth0\n    virtual_router_id {{ vrrp.vrid }}\n    priority {{ vrrp.priority }}\n    nopreempt\n    virtual_ipaddress {\n        192.0.2.1\n    }\n}\n";

function findings(vars: Record<string, unknown>) {
  const r = lintText(TEMPLATE, "/t/keepalived.conf.j2", { templateVars: vars });
  const f = r.files.get("/t/keepalived.conf.j2")!;
  return r.diagnostics.map((d) => ({ rule: d.ruleId, line: f.position(d.start).line, column: f.position(d.start).column, text: TEMPLATE.slice(d.start, d.end), severity: d.severity }));
}

describe("YAML host_vars", () => {
  test("nested mappings reach {{ vrrp.priority }}-style placeholders", () => {
    const vars = parseTemplateVars("---\n# lb1\nvrrp:\n  state: MASTER   # the first node\n  vrid: 300\n  priority: 150\n", "host_vars/lb1.yml");
    expect(vars).toEqual({ vrrp: { state: "MASTER", vrid: 300, priority: 150 } });
    const found = findings(vars);
    expect(found).toContainEqual(expect.objectContaining({ rule: "invalid-value", line: 4, column: 23, text: "{{ vrrp.vrid }}" }));
    expect(found).toContainEqual(expect.objectContaining({ rule: "nopreempt-state-master", line: 6, severity: "error" }));
  });

  test("the same template with good values has no error or warning", () => {
    const vars = parseTemplateVars("vrrp: {state: BACKUP, vrid: 51, priority: 100}\n", "group_vars/lb.yaml");
    expect(findings(vars).filter((d) => d.severity !== "info")).toEqual([]);
  });

  test("YAML 1.1 scalars as Ansible reads them; Jinja2 renders a boolean as Python does", () => {
    expect(parseTemplateVars("a: yes\nb: off\nc: '010'\nd: 1.5\n", "x.yml")).toEqual({ a: true, b: false, c: "010", d: 1.5 });
    const text = "vrrp_instance VI_1 {\n    # {{ flag }} {{ n }}\n}\n";
    expect(lintText(text, "/t/keepalived.conf.j2", { templateVars: { flag: true, n: 5 } }).renderings.get("/t/keepalived.conf.j2")!.text).toContain("# True 5");
  });

  test("an Ansible vault value stays a placeholder; !unsafe is a string", () => {
    const vars = parseTemplateVars("vrrp:\n  vrid: !vault |\n    $ANSIBLE_VAULT;1.1;AES256\n    6231\n  state: !unsafe BACKUP\n  priority: 100\n", "host_vars/lb1.yml");
    expect(typeof (vars.vrrp as Record<string, unknown>).vrid).toBe("object");
    expect((vars.vrrp as Record<string, unknown>).state).toBe("BACKUP");
    expect(findings(vars).filter((d) => d.severity !== "info")).toEqual([]);
  });

  test("an empty file is no variables; a list is not variables", () => {
    expect(parseTemplateVars("", "host_vars/empty.yml")).toEqual({});
    expect(() => parseTemplateVars("- a\n- b\n", "v.yml")).toThrow("v.yml:1:1: expected a mapping");
  });
});

describe("a broken vars file: file:line:column, never a stack", () => {
  const failure = (text: string, file: string) => {
    try {
      parseTemplateVars(text, file);
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateVarsError);
      return (e as TemplateVarsError).message;
    }
    throw new Error("no error");
  };

  test("YAML", () => {
    // The second `priority:` key is on line 2, column 1.
    expect(failure("priority: 100\npriority: 150\n", "host_vars/lb1.yml")).toMatch(/^host_vars\/lb1\.yml:2:1: .*unique/);
    // The alias names an anchor that was never set: line 2, where `*y` is written, column 4.
    expect(failure("a: &x 1\nb: *y\n", "v.yml")).toMatch(/^v\.yml:2:4: .*alias/i);
  });

  test("JSON", () => {
    // A trailing comma: the `}` at offset 13 is line 1, column 14.
    expect(failure('{"vrid": 300,}', "lb1.json")).toMatch(/^lb1\.json:1:14: /);
    expect(failure('{"vrid": 300', "lb1.json")).toMatch(/^lb1\.json:1:13: /);
  });
});

describe("a replaced tag's trim markers", () => {
  test("strip the whitespace beside the value, as the engine does; findings stay on the template's lines", () => {
    const text = "vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id {{ vrid -}}\n\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1\n    }\n}\n";
    const r = lintText(text, "/t/keepalived.conf.j2", { templateVars: { vrid: 300 } });
    // Jinja2's `-}}` strips both line breaks and the indentation: one line, `300priority`.
    expect(r.renderings.get("/t/keepalived.conf.j2")!.text).toContain("virtual_router_id 300priority 100\n");
    const f = r.files.get("/t/keepalived.conf.j2")!;
    const bad = r.diagnostics.find((d) => d.ruleId === "invalid-value")!;
    expect(f.position(bad.start)).toMatchObject({ line: 4, column: 23 });
    // The finding after the stripped text lands after it in the template too (line 6, not 4).
    const line6 = text.indexOf("    priority");
    expect(r.diagnostics.every((d) => d.start < text.indexOf("\n\n") || d.start >= line6)).toBe(true);
  });
});

describe("rendering offsets back to the template", () => {
  test("every rendered character outside a value is the template's character at the mapped offset; a value maps to its tag", () => {
    const cases: [string, "jinja" | "go" | "erb" | "terraform", Record<string, unknown>][] = [
      ["a {{ x }} b {{- y -}}\n\n  c {{ z }}{{ x }}\n{{ unknown }} d {{ x -}}   \ne\n", "jinja", { x: "XX", y: "", z: "a-much-longer-value" }],
      ["{{ .X }} {{- .Y }}\n  {{ .X -}}\n\tz {{ .Nope }}\n", "go", { X: 1, Y: "yy" }],
      ["p <%= @a -%>\nq <%= @b %>\n", "erb", { a: "A", b: "" }],
      ["${~ a ~}\n\nb ${c}\n", "terraform", { a: "1", c: "ccc" }],
    ];
    for (const [text, engine, vars] of cases) {
      const r = substituteVars(text, engine, vars);
      expect(r.spans.length).toBeGreaterThan(0);
      const inValue = (o: number) => r.spans.some(([, , rs, re]) => o >= rs && o < re);
      for (let o = 0; o < r.text.length; o++) {
        if (inValue(o)) {
          const [ts, te] = r.spans.find(([, , rs, re]) => o >= rs && o < re)!;
          expect(templateOffset(r, o), `${engine} ${o}`).toBe(ts);
          expect(templateOffset(r, o + 1, true), `${engine} ${o} end`).toBe(te);
        } else expect(text[templateOffset(r, o)], `${engine} offset ${o} of ${JSON.stringify(r.text)}`).toBe(r.text[o]);
      }
    }
  });
});

describe("conditionals on a variable", () => {
  const text = "vrrp_instance VI_1 {\n{% if vrrp.master %}\n    state MASTER\n{% else %}\n    state BACKUP\n{% endif %}\n    nopreempt\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.1\n    }\n}\n";
  const master = (vars: Record<string, unknown>) =>
    lintText(text, "/t/keepalived.conf.j2", { templateVars: vars }).diagnostics.filter((d) => d.ruleId === "nopreempt-state-master").map((d) => d.severity);

  test("render the branch the value takes: a fact it makes certain is reported at its level", () => {
    expect(master({ vrrp: { master: true } })).toEqual(["error"]);
    expect(master({ vrrp: { master: false } })).toEqual([]);
    // Unknown: both branches are read, and the finding says it holds for some values only.
    expect(master({})).toEqual(["info"]);
    expect(master({ vrrp: { master: ["a list"] } })).toEqual(["error"]);
  });

  test("each engine's spelling of a condition, and its idea of truth", () => {
    const rendered = (t: string, engine: Parameters<typeof substituteVars>[1], vars: Record<string, unknown>) => substituteVars(t, engine, vars).text;
    expect(rendered("{% if not a %}x{% else %}y{% endif %}|{% if b == 'M' %}m{% endif %}", "jinja", { a: "", b: "M" })).toBe("x|m");
    expect(rendered('{{ if not .A }}x{{ else }}y{{ end }}|{{ if eq .B "M" }}m{{ end }}', "go", { A: 0, B: "N" })).toBe("x|");
    // Ruby: "" and 0 are true.
    expect(rendered("<% if @a %>x<% else %>y<% end %>|<% unless @b %>u<% end %>", "erb", { a: "", b: false })).toBe("x|u");
    expect(rendered("<% if $a { %>x<% } else { %>y<% } %>", "epp", { a: false })).toBe("y");
    expect(rendered("{{#a}}x{{/a}}{{^a}}y{{/a}}", "mustache", { a: false })).toBe("y");
    expect(rendered("%{ if !a }x%{ else }y%{ endif }", "terraform", { a: true })).toBe("y");
    // What is not read stays a template: an elif chain, a loop, an unknown variable.
    expect(rendered("{% if a %}x{% elif b %}y{% endif %}", "jinja", { a: true, b: true })).toContain("{% if a %}");
    expect(rendered("{% for p in a %}x{% endfor %}", "jinja", { a: [1] })).toContain("{% for");
    expect(rendered("{% if zz %}x{% endif %}", "jinja", {})).toContain("{% if zz %}");
  });
});
