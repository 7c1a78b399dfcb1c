/**
 * One template, one node per vars file, through the library's Workspace: the
 * cluster rules compare the renderings, and their findings point at the
 * template's own lines.
 */
import { describe, expect, test } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { parseTemplateVars, varsNodeId, Workspace } from "../../src/index.js";

const TEMPLATE = `global_defs {
    router_id {{ router_id }}
}
vrrp_script chk_haproxy {
    script "/usr/bin/pgrep haproxy"
    interval 2
    weight -20
}
vrrp_instance VI_1 {
    state {{ vrrp.state }}
    interface eth0
    virtual_router_id {{ vrrp.vrid }}
    priority {{ vrrp.priority }}
    advert_int 1
    virtual_ipaddress {
        192.0.2.10/24
    }
    track_script {
        chk_haproxy
    }
}
`;
const PRIORITY_LINE = 13;

const hostVars = (routerId: string, state: string, vrid: number, priority: number) =>
  `# host_vars of ${routerId}\nrouter_id: ${routerId}\nvrrp:\n  state: ${state}\n  vrid: ${vrid}\n  priority: ${priority}\n`;

function run(vars: Record<string, string>, template = TEMPLATE) {
  const files = { "/r/templates/keepalived.conf.j2": template, ...Object.fromEntries(Object.entries(vars).map(([f, t]) => [`/r/${f}`, t])) };
  const ws = new Workspace(memoryFiles(files, "/r"), { configFile: false });
  const specs = ws.templateNodes(
    "templates/keepalived.conf.j2",
    Object.keys(vars).map((f) => {
      const v = ws.varsArgument(f, "/r");
      return { ...v, values: parseTemplateVars(vars[f], v.file) };
    }),
    "/r",
  );
  const result = ws.cluster(specs);
  const source = result.nodes[0].result.files.get("/r/templates/keepalived.conf.j2")!;
  const where = (d: { file: string; start: number }) => ({ file: d.file, line: source.position(d.start).line, column: source.position(d.start).column });
  return { result, source, where };
}

describe("cluster: one template, a node per vars file", () => {
  test("equal priorities in two vars files: a cluster finding on the template's priority line", () => {
    const { result, where, source } = run({ "host_vars/lb1.yml": hostVars("lb1", "MASTER", 51, 100), "host_vars/lb2.yml": hostVars("lb2", "BACKUP", 51, 100) });
    expect(source.text).toBe(TEMPLATE);
    expect(result.nodes.map((n) => n.file)).toEqual(["lb1", "lb2"]);
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0].members.map((m) => m.instance.priority)).toEqual([100, 100]);
    const tie = result.report.filter((d) => d.ruleId === "equal-priorities");
    expect(tie).toHaveLength(1);
    expect(where(tie[0])).toEqual({ file: "/r/templates/keepalived.conf.j2", line: PRIORITY_LINE, column: 5 });
    expect(tie[0].message).toContain("lb1");
    expect(tie[0].message).toContain("lb2");
  });

  test("different priorities: no tie", () => {
    const { result } = run({ "host_vars/lb1.yml": hostVars("lb1", "MASTER", 51, 100), "host_vars/lb2.yml": hostVars("lb2", "BACKUP", 51, 90) });
    expect(result.groups[0].members.map((m) => m.instance.priority)).toEqual([100, 90]);
    expect(result.report.filter((d) => d.ruleId === "equal-priorities")).toEqual([]);
    expect(result.groups[0].prediction.initialMaster?.file).toBe("lb1");
  });

  test("VRIDs that differ split the renderings into two clusters of one node", () => {
    const { result } = run({ "host_vars/lb1.yml": hostVars("lb1", "MASTER", 51, 100), "host_vars/lb2.yml": hostVars("lb2", "BACKUP", 52, 100) });
    expect(result.groups.map((g) => g.vrid).sort()).toEqual([51, 52]);
    expect(result.report.filter((d) => d.ruleId === "equal-priorities")).toEqual([]);
  });

  test("a finding only some renderings make names them; one every rendering makes is reported once, as it is", () => {
    const { result, where } = run({ "host_vars/lb1.yml": hostVars("lb1", "MASTER", 51, 100), "host_vars/lb2.yml": hostVars("lb2", "BACKUP", 51, 300) });
    const range = result.report.filter((d) => d.ruleId === "invalid-value");
    expect(range).toHaveLength(1);
    expect(range[0].message).toMatch(/^lb2: /);
    expect(where(range[0])).toMatchObject({ line: PRIORITY_LINE, column: 14 });
    // The script runs as root without enable_script_security in both renderings: once, unnamed.
    const literal = result.report.filter((d) => d.ruleId === "script-security-disabled");
    expect(literal.length).toBeLessThanOrEqual(1);
    for (const d of literal) expect(d.message).not.toMatch(/^lb\d/);
  });

  test("nodes are named after their vars files when the renderings share a router_id", () => {
    const same = TEMPLATE.replace("{{ router_id }}", "lb");
    const { result } = run({ "host_vars/lb1.yml": hostVars("x", "MASTER", 51, 100), "host_vars/lb2/main.yml": hostVars("x", "BACKUP", 51, 90) }, same);
    expect(result.nodes.map((n) => n.file)).toEqual(["lb1", "lb2"]);
  });
});

test("a vars file's node id, as Ansible names hosts", () => {
  expect(["host_vars/lb1.yml", "host_vars/lb1.example.com", "host_vars/lb1.example.com.yaml", "host_vars/lb1/main.yml", "vars.json", "lb2.json"].map(varsNodeId)).toEqual([
    "lb1", "lb1.example.com", "lb1.example.com", "lb1", "vars", "lb2",
  ]);
});

describe("the settings' cluster list: entries with templateVars", () => {
  const settings = (entries: unknown[]) => JSON.stringify({ cluster: entries });
  const files = (vars2: string) => ({
    "/r/.keepalived-lint.json": settings([
      { file: "templates/keepalived.conf.j2", templateVars: "host_vars/lb1.yml" },
      { file: "templates/keepalived.conf.j2", templateVars: "host_vars/lb2.yml", configId: "second" },
    ]),
    "/r/templates/keepalived.conf.j2": TEMPLATE,
    "/r/host_vars/lb1.yml": hostVars("lb1", "MASTER", 51, 100),
    "/r/host_vars/lb2.yml": vars2,
  });

  test("each entry renders the template as its node; the cluster rules run across them", () => {
    const ws = new Workspace(memoryFiles(files(hostVars("lb2", "BACKUP", 51, 100)), "/r"));
    const specs = ws.clusterNodes([], "/r");
    expect(specs.map((s) => [s.configId, s.varsFile])).toEqual([["lb1", "host_vars/lb1.yml"], ["second", "host_vars/lb2.yml"]]);
    const run = ws.cluster(specs);
    const tie = run.report.find((d) => d.ruleId === "equal-priorities")!;
    expect(run.nodes[0].result.files.get(tie.file)!.position(tie.start).line).toBe(PRIORITY_LINE);
  });

  test("a broken vars file is a settings error at the vars file's line and column", () => {
    const ws = new Workspace(memoryFiles(files("vrrp:\n  priority: 1\n  priority: 2\n"), "/r"));
    expect(() => ws.clusterNodes([], "/r")).toThrow(/"cluster" templateVars host_vars\/lb2\.yml:3:3: .*unique/);
  });
});

describe("conditionals on a variable render the branch each vars file takes", () => {
  const template = TEMPLATE.replace("    advert_int 1\n", "    advert_int 1\n{% if vrrp.nopreempt %}\n    nopreempt\n{% endif %}\n");
  const vars = (host: string, state: string, priority: number, nopreempt: boolean) => `${hostVars(host, state, 51, priority)}  nopreempt: ${nopreempt ? "yes" : "no"}\n`;

  test("nopreempt on one node only: the cluster says so, on the template's lines", () => {
    const { result, where } = run({ "host_vars/lb1.yml": vars("lb1", "BACKUP", 100, true), "host_vars/lb2.yml": vars("lb2", "BACKUP", 90, false) }, template);
    expect(result.groups[0].members.map((m) => m.instance.nopreempt !== undefined)).toEqual([true, false]);
    const found = result.report.filter((d) => d.ruleId === "nopreempt-inconsistent");
    expect(found.length).toBeGreaterThan(0);
    for (const d of found) expect(d.severity).not.toBe("info");
    // At the state line of the node that preempts (the rule's anchor), on the template's own word.
    expect(found.map((d) => [where(d).line, template.slice(d.start, d.end)])).toEqual([[10, "state"]]);
    expect(found[0].message).toMatch(/^lb2 \(VI_1\) preempts while lb1 \(VI_1\) has nopreempt/);
  });

  test("nopreempt on every node: consistent", () => {
    const { result } = run({ "host_vars/lb1.yml": vars("lb1", "BACKUP", 100, true), "host_vars/lb2.yml": vars("lb2", "BACKUP", 90, true) }, template);
    expect(result.groups[0].members.map((m) => m.instance.nopreempt !== undefined)).toEqual([true, true]);
    expect(result.report.filter((d) => d.ruleId === "nopreempt-inconsistent")).toEqual([]);
  });
});
