// Each cluster rule with a configuration that triggers it and one that does not.
import { describe, expect, test } from "vitest";
import { cluster, node } from "./helpers.js";

const ids = (texts: string[]) => cluster(texts).diagnostics.map((d) => d.ruleId);
const found = (texts: string[], id: string) => cluster(texts).diagnostics.filter((d) => d.ruleId === id);

describe("cluster rules", () => {
  const good = [node({ priority: 100, weight: -20 }), node({ priority: 90, weight: -20 })];
  test("a sound two-node cluster gives no cluster finding", () => {
    expect(ids(good)).toEqual([]);
  });
  test("vip-lists-differ", () => {
    const d = found([node({ priority: 100, vips: ["10.0.0.100/24", "10.0.0.101/24"] }), node({ priority: 90, vips: ["10.0.0.100/24"] })], "vip-lists-differ");
    expect(d).toHaveLength(1);
    expect(d[0].file).toBe("/c/n2.conf");
    expect(d[0].message).toContain("missing 10.0.0.101");
  });
  test("advert-int-differs", () => {
    expect(found([node({ priority: 100, advert: "1" }), node({ priority: 90, advert: "2" })], "advert-int-differs")).toHaveLength(1);
    expect(found([node({ priority: 100, advert: "1" }), node({ priority: 90 })], "advert-int-differs")).toHaveLength(0);
  });
  test("vrrp-version-differs", () => {
    expect(found([node({ priority: 100, extra: "  version 3" }), node({ priority: 90 })], "vrrp-version-differs")).toHaveLength(1);
  });
  test("authentication-differs (only the first 8 characters of auth_pass count)", () => {
    const auth = (p: string) => `  authentication {\n    auth_type PASS\n    auth_pass ${p}\n  }`;
    expect(found([node({ priority: 100, extra: auth("secret1") }), node({ priority: 90, extra: auth("secret2") })], "authentication-differs")).toHaveLength(1);
    expect(found([node({ priority: 100, extra: auth("abcdefgh1") }), node({ priority: 90, extra: auth("abcdefgh2") })], "authentication-differs")).toHaveLength(0);
  });
  test("unicast-peers-not-mutual", () => {
    const bad = [node({ priority: 100, src: "10.0.0.1", peers: ["10.0.0.3"] }), node({ priority: 90, src: "10.0.0.2", peers: ["10.0.0.1"] })];
    const d = found(bad, "unicast-peers-not-mutual");
    expect(d).toHaveLength(1);
    expect(d[0].message).toContain("10.0.0.2");
    expect(found([node({ priority: 100, src: "10.0.0.1", peers: ["10.0.0.2"] }), node({ priority: 90, src: "10.0.0.2", peers: ["10.0.0.1"] })], "unicast-peers-not-mutual")).toHaveLength(0);
  });
  test("vrid-shared-by-clusters", () => {
    expect(found([node({ priority: 100, vips: ["10.0.0.1"] }), node({ priority: 90, vips: ["10.0.0.2"] })], "vrid-shared-by-clusters")).toHaveLength(1);
    expect(found([node({ priority: 100, vips: ["10.0.0.1"] }), node({ priority: 90, vips: ["10.0.0.2"], vrid: 52 })], "vrid-shared-by-clusters")).toHaveLength(0);
  });
  test("equal-priorities", () => {
    expect(found([node({ priority: 100 }), node({ priority: 100 })], "equal-priorities")).toHaveLength(1);
  });
  test("multiple-state-master", () => {
    expect(found([node({ priority: 100, state: "MASTER" }), node({ priority: 90, state: "MASTER" })], "multiple-state-master")).toHaveLength(1);
  });
  test("nopreempt-inconsistent", () => {
    expect(found([node({ priority: 100, nopreempt: true }), node({ priority: 90 })], "nopreempt-inconsistent")).toHaveLength(1);
    expect(found([node({ priority: 100, nopreempt: true }), node({ priority: 90, nopreempt: true })], "nopreempt-inconsistent")).toHaveLength(0);
  });
  test("failover-blocked-by-priority-gap names the weight that would work", () => {
    const d = found([node({ priority: 100, weight: -10 }), node({ priority: 90, weight: -10 })], "failover-blocked-by-priority-gap");
    expect(d).toHaveLength(1);
    expect(d[0].hint).toContain("-11");
    expect(found([node({ priority: 100, weight: -11 }), node({ priority: 90, weight: -11 })], "failover-blocked-by-priority-gap")).toHaveLength(0);
  });
  test("failover-never-with-nopreempt and startup-order-decides-master on the seed cluster", () => {
    const seed = [100, 90, 80].map((p) => node({ priority: p, nopreempt: true, weight: -20 }));
    expect(found(seed, "failover-never-with-nopreempt")).toHaveLength(1);
    expect(found(seed, "startup-order-decides-master")).toHaveLength(1);
    const fixed = [100, 90, 80].map((p) => node({ priority: p, nopreempt: true }));
    expect(found(fixed, "failover-never-with-nopreempt")).toHaveLength(0);
  });
  test("sync-group-split-master", () => {
    const two = (p1: number, p2: number) => `${node({ priority: p1, weight: null })}${node({ priority: p2, weight: null, vrid: 52, vips: ["10.0.0.200/24"] }).replace(/vrrp_script chk \{[^}]*\}\n/, "").replace("vrrp_instance VI {", "vrrp_instance VI2 {")}vrrp_sync_group G {\n  group {\n    VI\n    VI2\n  }\n}\n`;
    expect(found([two(100, 90), two(90, 100)], "sync-group-split-master").length).toBeGreaterThan(0);
    expect(found([two(100, 100), two(90, 90)], "sync-group-split-master")).toHaveLength(0);
  });
});
