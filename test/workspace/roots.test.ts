// RootMap: host paths of absolute includes read from a checkout (the reader
// looks for them there and names the checkout's files).
import { describe, expect, it } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { lint } from "../../src/workspace/lint.js";
import { RootMap } from "../../src/workspace/roots.js";

const files = memoryFiles({
  "/repo/keepalived/keepalived.conf": "include /etc/keepalived/conf.d/*.conf\n",
  "/repo/keepalived/conf.d/a.conf": "vrrp_instance VI_1 {\n  priority 300\n}\n",
  "/repo/hosts/lb1/etc/keepalived/keepalived.conf": "include /etc/keepalived/b.conf\n",
  "/repo/hosts/lb1/etc/keepalived/b.conf": "",
});

describe("RootMap", () => {
  it("maps / or a prefix onto the checkout, the longest prefix first; checkout paths stay", () => {
    const map = new RootMap([{ from: "/", to: "/repo/hosts/lb1" }, { from: "/etc/keepalived/conf.d", to: "/repo/keepalived/conf.d" }], "/repo");
    expect(map.toCheckout("/etc/keepalived/b.conf")).toBe("/repo/hosts/lb1/etc/keepalived/b.conf");
    expect(map.toCheckout("/etc/keepalived/conf.d/a.conf")).toBe("/repo/keepalived/conf.d/a.conf");
    expect(map.toCheckout("/repo/keepalived/keepalived.conf")).toBe("/repo/keepalived/keepalived.conf");
    expect(map.toCheckout("relative.conf")).toBe("relative.conf");
  });

  it("without mappings, /etc/keepalived is detected among the candidates that hold the path's directory", () => {
    const map = new RootMap([], "/repo", ["/repo/etc/keepalived", "/repo/keepalived"], files);
    expect(map.detected).toBeUndefined();
    expect(map.toCheckout("/etc/keepalived/conf.d/*.conf")).toBe("/repo/keepalived/conf.d/*.conf");
    expect(map.detected).toEqual({ from: "/etc/keepalived", to: "/repo/keepalived" });
    expect(map.toCheckout("/usr/share/x.conf")).toBe("/usr/share/x.conf");
  });

  it("nothing is detected when no candidate holds the path", () => {
    const map = new RootMap([], "/repo", ["/repo/etc/keepalived"], files);
    expect(map.toCheckout("/etc/keepalived/conf.d/a.conf")).toBe("/etc/keepalived/conf.d/a.conf");
    expect(map.detected).toBeUndefined();
  });

  it("a lint that looks for absolute includes through the map reads the checkout and names its files throughout", () => {
    const map = new RootMap([], "/repo", ["/repo/keepalived"], files);
    const result = lint(files, ["/repo/keepalived/keepalived.conf"], { includePath: (p) => map.toCheckout(p) });
    expect([...result.files.keys()]).toEqual(["/repo/keepalived/keepalived.conf", "/repo/keepalived/conf.d/a.conf"]);
    const priority = result.diagnostics.find((d) => d.ruleId === "invalid-value");
    expect(priority?.file).toBe("/repo/keepalived/conf.d/a.conf");
    expect(priority?.via?.[0]?.name).toBe("/repo/keepalived/conf.d/a.conf");
    expect(result.diagnostics.some((d) => d.ruleId.startsWith("include"))).toBe(false);
    // The tree too: what hover, definition and code frames read.
    expect(result.ast.children.map((n) => n.file)).toEqual(["/repo/keepalived/conf.d/a.conf"]);
    expect(result.files.get("/repo/keepalived/conf.d/a.conf")?.path).toBe("/repo/keepalived/conf.d/a.conf");
  });
});
