// Issue 17 through the built command line: one truth with a cluster list, parity with keepalived -t, no secrets in any output.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { analyze, codeActions, diagnosticsByFile, hover } from "../../src/service/index.js";
import { runCli, tempTree } from "./helpers.js";

const node = (o: { priority: number; nopreempt?: boolean; track?: boolean; auth?: string }) => `vrrp_script chk {
  script "/usr/bin/pgrep haproxy"
  weight -20
}
vrrp_instance VI_1 {
  state BACKUP
${o.nopreempt ? "  nopreempt\n" : ""}  interface eth0
  virtual_router_id 51
  priority ${o.priority}
${o.auth ? `  authentication {\n    auth_type PASS\n    auth_pass ${o.auth}\n  }\n` : ""}  virtual_ipaddress {
    10.0.0.100/24
  }
${o.track ? "  track_script {\n    chk\n  }\n" : ""}}
`;

describe("case 3: lint of a node in the cluster list follows the cluster verdict", () => {
  const a = node({ priority: 150, nopreempt: true, track: true });
  const b = node({ priority: 140, track: false }).replace("vrrp_script chk {\n  script \"/usr/bin/pgrep haproxy\"\n  weight -20\n}\n", "");

  it("alone, the single-file finding says the verdict depends on the other nodes", () => {
    const dir = tempTree({ "a.conf": a });
    const r = runCli(["--no-config", "-f", "compact", "a.conf"], { cwd: dir });
    expect(r.stdout).toContain("keeps the VIP unless another node that preempts outranks its lowered priority (130)");
  });

  it("with a cluster list, lint and cluster agree: the VIP moves, no error, exit 0", () => {
    const dir = tempTree({ "a.conf": a, "b.conf": b, ".keepalived-lint.json": JSON.stringify({ cluster: ["a.conf", "b.conf"] }) });
    const lint = runCli(["-f", "compact", "a.conf"], { cwd: dir });
    expect(lint.stdout).not.toContain("nopreempt-weighted-tracking");
    expect(lint.code).toBe(0);
    const cluster = runCli(["cluster", "-f", "json"], { cwd: dir });
    expect(cluster.code).toBe(0);
    const scenario = JSON.parse(cluster.stdout).groups[0].scenarios.find((s: { node: string }) => s.node === "a.conf");
    expect(scenario.vipMoves).toBe(true);
  });
});

describe("--exit-like-keepalived", () => {
  const vs = (extra: string, rsPort = 80) =>
    `virtual_server 10.0.0.1 80 {\n  protocol TCP\n  lb_algo rr\n  lb_kind DR\n  real_server 10.0.0.2 ${rsPort} {\n    HTTP_GET {\n      url {\n        path /\n        status_code 200\n      }\n${extra}    }\n  }\n}\n`;
  const dir = tempTree({ "retry.conf": vs("      nb_get_retry 3\n"), "port.conf": vs("", 8080), "clean.conf": vs(""), "weighted.conf": node({ priority: 100, nopreempt: true, track: true }) });

  it("nb_get_retry and a DR port mismatch: keepalived -t 2.2.7 exits 5, so do we with the flag (warnings only by default)", () => {
    for (const f of ["retry.conf", "port.conf"]) {
      expect(runCli(["--no-config", f], { cwd: dir }).code, f).toBe(0);
      expect(runCli(["--no-config", "--exit-like-keepalived", f], { cwd: dir }).code, f).toBe(1);
    }
    expect(runCli(["--no-config", "--exit-like-keepalived", "clean.conf"], { cwd: dir }).code).toBe(0);
  });

  it("an error keepalived accepts (nopreempt with a weighted check) exits 0 with the flag", () => {
    expect(runCli(["--no-config", "weighted.conf"], { cwd: dir }).code).toBe(1);
    expect(runCli(["--no-config", "--exit-like-keepalived", "weighted.conf"], { cwd: dir }).code).toBe(0);
  });
});

describe("no secret in any output", () => {
  const PASS = "Zq9secretpass";
  const HMAC = "hmacK3yValue";
  const auth = node({ priority: 100, auth: PASS });
  const hmac = "vrrp_instance VI_2 {\n  interface eth0\n  virtual_router_id 52\n  auth_hmac {\n    key 1 " + HMAC + "\n    key 1 " + HMAC + "\n  }\n  virtual_ipaddress {\n    10.0.1.1/24\n  }\n}\n";
  // A second node with another password: authentication-differs must not print either.
  const other = node({ priority: 90, auth: "Other5ecret77" });
  const dir = tempTree({ "n1.conf": auth + hmac, "n2.conf": other });
  const secrets = [PASS, PASS.slice(0, 8), HMAC, "Other5ecret77", "Other5ec"];
  const clean = (out: string, what: string) => {
    for (const s of secrets) expect(out.includes(s), `${what} shows "${s}"`).toBe(false);
  };

  it("stylish, compact, json, sarif, github and a fix diff", () => {
    let found = 0;
    for (const f of ["stylish", "compact", "json", "sarif", "github"]) {
      const r = runCli(["--no-config", "--target-version", "newest", "-f", f, "n1.conf"], { cwd: dir });
      clean(r.stdout + r.stderr, f);
      if (r.stdout.includes("auth-pass-too-long")) found++;
    }
    expect(found, "the fixtures' secrets are reported on").toBe(5);
    const stylish = runCli(["--no-config", "n1.conf"], { cwd: dir }).stdout;
    expect(stylish).toContain("13 characters long");
    expect(stylish).toContain(`auth_pass ${"*".repeat(PASS.length)}`);
    const diff = runCli(["--no-config", "--fix-dry-run", "n1.conf"], { cwd: dir });
    expect(diff.stdout).toContain("auth_pass");
    clean(diff.stdout + diff.stderr, "--fix-dry-run");
    expect(readFileSync(join(dir, "n1.conf"), "utf8")).toContain(PASS);
  });

  it("cluster output, both formats", () => {
    for (const f of ["stylish", "json"]) {
      const r = runCli(["cluster", "-f", f, "n1.conf", "n2.conf"], { cwd: dir });
      expect(r.stdout).toContain("authentication");
      clean(r.stdout + r.stderr, `cluster ${f}`);
    }
  });

  it("editor diagnostics, hovers and code actions", () => {
    const path = "/etc/keepalived/keepalived.conf";
    const text = auth + hmac;
    const a = analyze(memoryFiles({ [path]: text }), path);
    const out: unknown[] = [...diagnosticsByFile(a).values()];
    for (let offset = text.indexOf("authentication"); offset < text.length; offset += 3) out.push(hover(a, path, offset));
    const lines = text.split("\n").length;
    out.push(codeActions(a, path, { start: { line: 0, character: 0 }, end: { line: lines, character: 0 } }));
    const json = JSON.stringify(out);
    expect(json).toContain("auth-pass-too-long");
    clean(json, "LSP");
  });
});
