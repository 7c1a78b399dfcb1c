// Which configs of a tree must be read to find a fragment's owners (src/workspace/may-include.ts):
// never one that is needed (an owner or a config between it and the fragment), and not the ones
// whose include lines cannot name the fragment.
import { describe, expect, it } from "vitest";
import { includePatterns, mayRead } from "../../src/workspace/may-include.js";

describe("includePatterns", () => {
  it("reads the pattern of every include keyword, after a brace or a conditional too", () => {
    const text = "global_defs {\n}\ninclude conf.d/*.conf\nvrrp_instance A { includer /etc/keepalived/x.conf\n@lb1 includem extra.conf # note\n";
    expect(includePatterns(text)).toEqual(["conf.d/*.conf", "/etc/keepalived/x.conf", "extra.conf"]);
  });

  it("has none where no word is an include keyword", () => {
    expect(includePatterns("vrrp_include_x 1\nglobal_defs {\n}\n")).toEqual([]);
    expect(includePatterns("vrrp_script s {\n  script /usr/bin/true\n}\n")).toEqual([]);
  });

  it("cannot tell a pattern made by a definition, a sequence or quoting", () => {
    expect(includePatterns("$DIR=conf.d\ninclude $DIR/*.conf\n")).toBeUndefined();
    expect(includePatterns("~SEQ(i,1,3) include node$i.conf\n")).toBeUndefined();
    expect(includePatterns('include "conf.d/a b.conf"\n')).toBeUndefined();
    expect(includePatterns("$INC=include\n$INC web.conf\n")).toBeUndefined();
  });
});

describe("mayRead", () => {
  const patterns: Record<string, string[] | undefined> = {
    "/r/lb1/keepalived.conf": ["conf.d/*.conf"],
    "/r/lb1/conf.d/web.conf": [],
    "/r/lb2/main.conf": ["/etc/keepalived/shared.conf"],
    "/r/lb2/shared.conf": ["web-*.conf"],
    "/r/lb2/web-a.conf": [],
    "/r/top.conf": ["lb2/main.conf"],
    "/r/other/keepalived.conf": ["conf.d/*.conf"],
    "/r/gen/bomb.conf": undefined,
    "/r/gen/clever.conf": undefined,
  };
  const candidates = Object.keys(patterns);
  const readsOf: Record<string, string[]> = {
    "/r/gen/bomb.conf": ["/r/gen/bomb.conf"],
    "/r/gen/clever.conf": ["/r/gen/clever.conf", "/r/lb1/conf.d/web.conf"],
  };
  const run = (path: string) => {
    const read: string[] = [];
    const kept = mayRead(path, candidates, (c) => patterns[c], (c) => {
      read.push(c);
      return new Set(readsOf[c] ?? [c]);
    });
    return { kept, read };
  };

  it("keeps the relative includer in the fragment's directory, not the one in another directory", () => {
    const { kept } = run("/r/lb1/conf.d/web.conf");
    expect(kept).toContain("/r/lb1/keepalived.conf");
    expect(kept).not.toContain("/r/other/keepalived.conf");
  });

  it("follows a chain: the absolute include by its last segment, and whoever includes that", () => {
    const { kept } = run("/r/lb2/web-a.conf");
    expect(kept).toEqual(expect.arrayContaining(["/r/lb2/shared.conf", "/r/lb2/main.conf", "/r/top.conf"]));
    expect(kept).not.toContain("/r/lb1/keepalived.conf");
  });

  it("reads a config whose includes it cannot tell, and keeps it only when it reads the fragment", () => {
    const { kept, read } = run("/r/lb1/conf.d/web.conf");
    expect(read.sort()).toEqual(["/r/gen/bomb.conf", "/r/gen/clever.conf"]);
    expect(kept).toContain("/r/gen/clever.conf");
    expect(kept).not.toContain("/r/gen/bomb.conf");
  });

  it("a brace or class in the last segment matches as the glob does (x.conf's class names neither b nor m)", () => {
    const kept = mayRead("/r/n/b.conf", ["/r/n/m.conf", "/r/n/x.conf"], (c) => (c === "/r/n/m.conf" ? ["{a,b}.conf"] : ["[c-l].conf"]), () => new Set());
    expect(kept).toEqual(["/r/n/m.conf"]);
  });
});
