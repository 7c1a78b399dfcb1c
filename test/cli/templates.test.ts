// Templates through the built command line: linted where they are kept,
// skipped in directories unless asked, never damaged by format or --fix.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLEAN, runCli, tempTree } from "./helpers.js";

const TEMPLATE = `vrrp_instance VI_{{ id }} {
{% if master %}
  state MASTER
{% else %}
  state BACKUP
{% endif %}
  interface {{ iface }}
  virtual_router_id {{ id }}
  priorty {{ prio }}
  virtual_ipaddress {
{% for vip in vips %}
    {{ vip }}
{% endfor %}
  }
}
`;

describe("templates on the command line", () => {
  const dir = tempTree({ "roles/lb/templates/keepalived.conf.j2": TEMPLATE, "conf/keepalived.conf": CLEAN, "conf/keepalived.conf.j2": TEMPLATE });

  it("a template is linted: its literal mistake at its own line, nothing from the tags", () => {
    const r = runCli(["--no-config", "-f", "compact", "roles/lb/templates/keepalived.conf.j2"], { cwd: dir });
    expect(r.stdout.trim().split("\n")).toEqual([expect.stringMatching(/^roles\/lb\/templates\/keepalived\.conf\.j2:9:3: .*"priorty".*\[unknown-keyword\]$/)]);
    expect(r.code).toBe(1);
  });

  it("a directory skips template names unless --template is given", () => {
    expect(runCli(["--no-config", "-f", "compact", "conf"], { cwd: dir }).stdout).not.toContain(".j2");
    expect(runCli(["--no-config", "-f", "compact", "--template", "auto", "conf"], { cwd: dir }).stdout).toContain("conf/keepalived.conf.j2:9:3");
  });

  it("--template off reads a template as keepalived would; a bad engine is a usage error", () => {
    const off = runCli(["--no-config", "-f", "compact", "--template", "off", "roles/lb/templates/keepalived.conf.j2"], { cwd: dir });
    expect(off.stdout.split("\n").length).toBeGreaterThan(3);
    const bad = runCli(["--no-config", "--template", "twig", "conf/keepalived.conf"], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--template must be one of");
  });

  it("format --write re-indents and keeps every tag; --fix changes nothing it should not", () => {
    const path = "roles/lb/templates/keepalived.conf.j2";
    const messy = TEMPLATE.replace("  interface", "      interface").replace("    {{ vip }}", "{{ vip }}");
    const d = tempTree({ [path]: messy });
    expect(runCli(["format", "--no-config", "--indent", "2", "--write", path], { cwd: d }).code).toBe(0);
    expect(readFileSync(join(d, path), "utf8")).toBe(TEMPLATE);
    runCli(["--no-config", "--fix", path], { cwd: d });
    expect(readFileSync(join(d, path), "utf8")).toBe(TEMPLATE);
  });
});

describe("--template-vars", () => {
  const dir = tempTree({
    "t/keepalived.conf.j2": "vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id {{ vrid }}\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n",
    "host_vars/lb1.json": '{ "vrid": 300 }',
    "host_vars/bad.json": "vrid: 300\n",
    "host_vars/lb1.yml": "---\n# Ansible host_vars\nvrid: 300\n",
    "host_vars/lb2.yml": "vrid: 51\nvrid: 52\n",
  });

  it("lints one rendering and reports on the template's line and column", () => {
    const r = runCli(["--no-config", "-f", "compact", "--template-vars", "host_vars/lb1.json", "t/keepalived.conf.j2"], { cwd: dir });
    expect(r.stdout).toMatch(/^t\/keepalived\.conf\.j2:4:21: .*"300".*\[invalid-value\]$/m);
    expect(r.code).toBe(1);
  });

  it("reads YAML host_vars as well", () => {
    const r = runCli(["--no-config", "-f", "compact", "--template-vars", "host_vars/lb1.yml", "t/keepalived.conf.j2"], { cwd: dir });
    expect(r.stdout).toMatch(/^t\/keepalived\.conf\.j2:4:21: .*"300".*\[invalid-value\]$/m);
    expect(r.code).toBe(1);
  });

  it("a broken vars file is a usage error at its file:line:column, without a stack trace", () => {
    // YAML in a .json file: JSON's first token, "v", at line 1, column 1.
    const json = runCli(["--no-config", "--template-vars", "host_vars/bad.json", "t/keepalived.conf.j2"], { cwd: dir });
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/--template-vars host_vars\/bad\.json:1:1: /);
    // The second `vrid:` key, at line 2, column 1.
    const yaml = runCli(["--no-config", "--template-vars", "host_vars/lb2.yml", "t/keepalived.conf.j2"], { cwd: dir });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/--template-vars host_vars\/lb2\.yml:2:1: .*unique/);
    const missing = runCli(["--no-config", "--template-vars", "host_vars/none.yml", "t/keepalived.conf.j2"], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("host_vars/none.yml: no such file");
    for (const r of [json, yaml, missing]) expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe("cluster: one template, a node per --template-vars", () => {
  const template = "global_defs {\n  router_id {{ inventory_hostname }}\n}\nvrrp_instance VI_1 {\n  state {{ vrrp.state }}\n  interface eth0\n  virtual_router_id 51\n  priority {{ vrrp.priority }}\n  advert_int 1\n  virtual_ipaddress {\n    192.0.2.10/24\n  }\n}\n";
  const vars = (host: string, state: string, priority: number) => `inventory_hostname: ${host}\nvrrp:\n  state: ${state}\n  priority: ${priority}\n`;
  const dir = tempTree({
    "roles/lb/templates/keepalived.conf.j2": template,
    "host_vars/lb1.yml": vars("lb1", "MASTER", 100),
    "host_vars/lb2.yml": vars("lb2", "BACKUP", 100),
    "host_vars/lb3.yml": vars("lb3", "BACKUP", 90),
  });
  const T = "roles/lb/templates/keepalived.conf.j2";

  it("equal priorities in two vars files: the cluster finding on the template's priority line (8:3)", () => {
    const r = runCli(["cluster", "--no-config", "-f", "compact", T, "--template-vars", "host_vars/lb1.yml", "--template-vars", "host_vars/lb2.yml"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^roles\/lb\/templates\/keepalived\.conf\.j2:8:3: .*lb\d.*lb\d.*priority 100.*\[equal-priorities\]$/m);
  });

  it("different priorities: no tie; the JSON report names each node's vars file", () => {
    const r = runCli(["cluster", "--no-config", "-f", "json", T, "--template-vars", "host_vars/lb1.yml", "--template-vars", "b=host_vars/lb3.yml"], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.nodes).toEqual([
      { name: "lb1", file: T, configId: "lb1", templateVars: "host_vars/lb1.yml" },
      { name: "lb3", file: T, configId: "b", templateVars: "host_vars/lb3.yml" },
    ]);
    expect(out.groups[0].members.map((m: { priority: number }) => m.priority)).toEqual([100, 90]);
    const ids = out.results.flatMap((x: { messages: { ruleId: string }[] }) => x.messages.map((m) => m.ruleId));
    expect(ids).not.toContain("equal-priorities");
  });

  it("usage errors: several vars files need one template; lint takes one vars file; a broken one names its line", () => {
    const two = runCli(["cluster", "--no-config", T, T, "--template-vars", "host_vars/lb1.yml", "--template-vars", "host_vars/lb2.yml"], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("give one template");
    const lint = runCli(["--no-config", T, "--template-vars", "host_vars/lb1.yml", "--template-vars", "host_vars/lb2.yml"], { cwd: dir });
    expect(lint.code).toBe(2);
    expect(lint.stderr).toContain("keepalived-lint cluster TEMPLATE");
    const same = runCli(["cluster", "--no-config", T, "--template-vars", "host_vars/lb1.yml", "--template-vars", "x/lb1.yml"], { cwd: dir });
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('both name node "lb1"');
    const d = tempTree({ [T]: template, "a.yml": "vrrp: [1,\n", "b.yml": vars("lb2", "BACKUP", 1) });
    const broken = runCli(["cluster", "--no-config", T, "--template-vars", "a.yml", "--template-vars", "b.yml"], { cwd: d });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/--template-vars a\.yml:\d+:\d+: /);
    expect(broken.stderr).not.toMatch(/^\s+at /m);
  });
});
