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
  });

  it("lints one rendering and reports on the template's line and column", () => {
    const r = runCli(["--no-config", "-f", "compact", "--template-vars", "host_vars/lb1.json", "t/keepalived.conf.j2"], { cwd: dir });
    expect(r.stdout).toMatch(/^t\/keepalived\.conf\.j2:4:21: .*"300".*\[invalid-value\]$/m);
    expect(r.code).toBe(1);
  });

  it("a file that is not a JSON object is a usage error", () => {
    const r = runCli(["--no-config", "--template-vars", "host_vars/bad.json", "t/keepalived.conf.j2"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("a JSON object of variables is expected");
  });
});
