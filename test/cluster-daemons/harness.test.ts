import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkSpec, renderNodeConfig, runCluster, type NodeEnv } from "./harness/index.js";
import { SCENARIOS } from "./scenarios.js";

// Harness parts that need neither root nor namespaces.

const env: NodeEnv = {
  name: "n2",
  iface: "eth0",
  selfIp: "10.99.5.12",
  peerIps: ["10.99.5.11", "10.99.5.13"],
  vip: "10.99.5.100",
  prefixLength: 24,
  flagFile: (track) => `/tmp/kl-test/n2-${track}-ok`,
};

function keepalivedTest(config: string): { status: number; output: string } | null {
  const dir = mkdtempSync(join(tmpdir(), "kl-render-"));
  try {
    const file = join(dir, "k.conf");
    writeFileSync(file, config);
    const pid = (n: string) => join(dir, `${n}.pid`);
    try {
      const out = execFileSync("keepalived", ["-t", "-f", file, "-i", "render-test", "-p", pid("p"), "-r", pid("r"), "-c", pid("c"), "-b", pid("b")], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 20_000 });
      return { status: 0, output: out };
    } catch (e) {
      const err = e as { status?: number | null; stdout?: string; stderr?: string; code?: string };
      if (err.code === "ENOENT") return null;
      return { status: err.status ?? -1, output: `${err.stdout ?? ""}${err.stderr ?? ""}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("renderNodeConfig", () => {
  it("writes the seed node: BACKUP, nopreempt, unicast peers, weighted script", () => {
    const text = renderNodeConfig({ priority: 90, nopreempt: true, checks: [{ track: "main", weight: -20 }] }, env);
    expect(text).toContain('  script "/usr/bin/test -f /tmp/kl-test/n2-main-ok"\n  interval 1\n  fall 1\n  rise 1\n  weight -20\n}');
    expect(text).toContain("  state BACKUP\n  nopreempt\n  interface eth0\n  virtual_router_id 51\n  priority 90\n  advert_int 1\n");
    expect(text).toContain("  unicast_src_ip 10.99.5.12\n  unicast_peer {\n    10.99.5.11\n    10.99.5.13\n  }");
    expect(text).toContain("    10.99.5.100/24 dev eth0\n");
    expect(text).toContain("  track_script {\n    chk_main\n  }");
    expect(text).toContain("  enable_script_security\n  script_user root\n");
  });

  it("can put the weight on the tracker line and leave unicast out", () => {
    const text = renderNodeConfig({ priority: 100, transport: "multicast", checks: [{ track: "web", weight: 15, weightOnTracker: true }] }, env);
    expect(text).toContain("    chk_web weight 15\n");
    expect(text).not.toMatch(/^\s*weight/m);
    expect(text).not.toContain("unicast");
  });

  it("leaves tracking out for a node without checks", () => {
    const text = renderNodeConfig({ priority: 100, state: "MASTER" }, env);
    expect(text).not.toContain("vrrp_script");
    expect(text).not.toContain("track_script");
    expect(text).toContain("  state MASTER\n");
  });

  it("every scenario config passes keepalived -t (skipped without keepalived)", () => {
    let tested = 0;
    for (const s of SCENARIOS) {
      for (const node of s.spec.nodes) {
        if (!("template" in node)) continue;
        const r = keepalivedTest(renderNodeConfig(node.template, { ...env, name: node.name }));
        if (r === null) return;
        tested++;
        // state MASTER + nopreempt is the one config keepalived warns about, on purpose.
        if (node.template.state === "MASTER" && node.template.nopreempt) {
          expect(r.output, `${s.id}/${node.name}`).toContain("nopreempt will not work with initial state MASTER");
        } else {
          expect(r, `${s.id}/${node.name}`).toEqual({ status: 0, output: "" });
        }
      }
    }
    expect(tested).toBeGreaterThan(10);
  }, 60_000);
});

describe("checkSpec / runCluster input checks", () => {
  it("accepts every scenario", () => {
    for (const s of SCENARIOS) expect(checkSpec(s.spec), s.id).toEqual([]);
  });

  it("lists what is wrong with a spec", () => {
    const problems = checkSpec({
      nodes: [{ name: "n1", template: { priority: 100 } }, { name: "n1", template: { priority: 90 } }],
      steps: [{ action: "fail", node: "n9" }],
    });
    expect(problems).toEqual(["duplicate node names", 'step 0: unknown node "n9"']);
  });

  it("copes with specs of the wrong shape (they may come from JSON)", () => {
    expect(checkSpec({} as never)).toEqual(["nodes and steps must be arrays"]);
    expect(checkSpec({ nodes: [{ name: "n1", template: { priority: 1 } }], steps: [{ action: "explode" } as never] })).toEqual(['step 0: unknown action "explode"']);
    expect(checkSpec({ nodes: [{ name: "a b", template: { priority: 1 } }], steps: [] })).toEqual(['bad node name "a b"']);
  });

  it("returns an error instead of throwing on a bad spec, without touching the system", async () => {
    const run = await runCluster({ nodes: [], steps: [{ action: "start", node: "x" }] });
    expect(run.error).toBe('invalid spec: no nodes; step 0: unknown node "x"');
    expect(run.observations).toEqual([]);
  });

  it("scenarios have one expectation and one reason per step", () => {
    for (const s of SCENARIOS) {
      expect(s.expected.length, s.id).toBe(s.spec.steps.length);
      expect(s.why.length, s.id).toBe(s.spec.steps.length);
    }
  });
});
