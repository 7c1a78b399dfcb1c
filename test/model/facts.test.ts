// The model is the one source of the facts keepalived derives; rules and the cluster read them.
import { expect, test } from "vitest";
import { lintText } from "../../src/workspace/lint.js";
import { cluster, node } from "../cluster/helpers.js";

const instance = (body: string, globals = "") => `${globals}vrrp_instance VI {\n  state BACKUP\n  interface eth0\n  virtual_router_id 7\n${body}}\n`;
const modelOf = (text: string, targetVersion: "2.2.7" | "newest" = "newest") => lintText(text, "/k.conf", { targetVersion }).model.instances[0];

test("an IPv6 instance runs VRRPv3 whatever version it writes (keepalived forces it)", () => {
  expect(modelOf(instance("  virtual_ipaddress {\n    fd00::10/64\n  }\n")).version).toBe(3);
  expect(modelOf(instance("  version 2\n  virtual_ipaddress {\n    fd00::10/64\n  }\n")).version).toBe(3);
  expect(modelOf(instance("  virtual_ipaddress {\n    10.0.0.1/24\n  }\n")).version).toBe(2);
  expect(modelOf(instance("  virtual_ipaddress {\n    10.0.0.1/24\n  }\n", "global_defs {\n  vrrp_version 3\n}\n")).version).toBe(3);
});

test("the address family is the first family line's, else native_ipv6's, else IPv4", () => {
  expect(modelOf(instance("  unicast_src_ip fd00::1\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n")).family).toBe(6);
  expect(modelOf(instance("  native_ipv6\n")).family).toBe(6);
  expect(modelOf(instance("")).family).toBe(4);
});

test("strict mode: the instance's strict_mode wins; 2.2.7 reads vrrp_strict off as on", () => {
  const offGlobally = instance("", "global_defs {\n  vrrp_strict off\n}\n");
  expect(modelOf(offGlobally).strict).toBe(false);
  expect(modelOf(offGlobally, "2.2.7").strict).toBe(true);
  expect(modelOf(instance("  strict_mode off\n", "global_defs {\n  vrrp_strict\n}\n")).strict).toBe(false);
});

test("state MASTER and priority 255 clear nopreempt", () => {
  expect(modelOf(instance("  nopreempt\n")).nopreemptInEffect).toBe(true);
  expect(modelOf(instance("  nopreempt\n  priority 255\n")).nopreemptInEffect).toBe(false);
  expect(modelOf(instance("  nopreempt\n").replace("BACKUP", "MASTER")).nopreemptInEffect).toBe(false);
});

test("vrrp-version-differs: two IPv6 nodes, one writing version 3, both run VRRPv3", () => {
  const v6 = ["fd00::100/64"];
  const r = cluster([node({ priority: 100, vips: v6, extra: "  version 3" }), node({ priority: 90, vips: v6 })]);
  expect(r.diagnostics.map((d) => d.ruleId)).not.toContain("vrrp-version-differs");
  // The rule still fires where the versions really differ.
  const v4 = cluster([node({ priority: 100, extra: "  version 3" }), node({ priority: 90 })]);
  expect(v4.diagnostics.map((d) => d.ruleId)).toContain("vrrp-version-differs");
});

test("failover scenarios carry their reason as data", () => {
  const reasonOn = (texts: string[]) => cluster(texts).groups[0].prediction.scenarios.find((x) => x.node === "n1.conf")?.reason;
  // 100 - 20 = 80 is below 90, but n2 has nopreempt: no election starts.
  expect(reasonOn([node({ priority: 100, nopreempt: true, weight: -20 }), node({ priority: 90, nopreempt: true, weight: -20 })]))
    .toEqual({ kind: "blocked-by-nopreempt", blockers: ["n2.conf"] });
  // 100 - 5 = 95 stays above 90: it takes -11 to move the VIP.
  expect(reasonOn([node({ priority: 100, weight: -5 }), node({ priority: 90, weight: -5 })])).toEqual({ kind: "gap-too-small", next: "n2.conf", weightNeeded: -11 });
  expect(reasonOn([node({ priority: 100, weight: -20 }), node({ priority: 90, weight: -20 })])).toEqual({ kind: "taken-over", by: "n2.conf" });
});
