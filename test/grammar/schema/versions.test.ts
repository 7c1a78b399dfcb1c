import { describe, expect, it } from "vitest";
import { allKeywords, describeSpans, hasKeyword, keywordSpans, lookupKeyword, normalizeVersion, NEWEST_RELEASE, RELEASES, whyMissing } from "../../../grammar/schema/index.js";
import { KEYWORD_SPANS } from "../../../grammar/schema/versions.data.js";

describe("keepalived releases", () => {
  it("knows every release from 2.0.19 to 2.4.3, then HEAD", () => {
    expect(RELEASES[0]).toBe("2.0.19");
    expect(RELEASES).toContain("2.1.5");
    expect(RELEASES).toContain("2.3.1");
    expect(RELEASES.at(-1)).toBe("HEAD");
    expect(NEWEST_RELEASE).toBe("2.4.3");
  });

  it("reads written versions", () => {
    expect(normalizeVersion("2.2.7")).toBe("2.2.7");
    expect(normalizeVersion("v2.1.5")).toBe("2.1.5");
    expect(normalizeVersion("2.3")).toBe("2.3.4");
    expect(normalizeVersion("newest")).toBe("2.4.3");
    expect(normalizeVersion("head")).toBe("HEAD");
    expect(normalizeVersion("2.5.0")).toBe("HEAD");
    expect(normalizeVersion("2.0.18")).toBeUndefined();
    expect(normalizeVersion("1.3")).toBeUndefined();
    expect(normalizeVersion("2.2.99")).toBeUndefined();
    expect(normalizeVersion("latest")).toBeUndefined();
  });
});

describe("keyword spans from the source history", () => {
  it("every keyword-in-context of the history is one of the schema's", () => {
    for (const key of Object.keys(KEYWORD_SPANS)) {
      const [context, name] = key.split("|");
      expect(lookupKeyword(context!, name!), key).toBeDefined();
    }
  });

  it("agrees with the research inventory on 2.2.7 for every keyword", () => {
    const differ = allKeywords().filter((k) => hasKeyword(k.context, k.name, "2.2.7") !== k.inV227).map((k) => `${k.context}|${k.name}`);
    expect(differ).toEqual([]);
  });

  it("names the versions of the brief's examples", () => {
    expect(whyMissing(keywordSpans("global_defs", "vrrp_delay_after_boot"), "2.3.4")).toBe("added in 2.4.0");
    expect(whyMissing(keywordSpans("global_defs", "use_symlink_paths"), "2.2.7")).toBe("added in 2.3.0");
    expect(whyMissing(keywordSpans("vrrp_instance", "auth_hmac"), "2.2.8")).toBe("added in 2.4.0");
    expect(describeSpans(keywordSpans("global_defs", "use_symlink_paths"))).toBe("2.3.0 and newer");
    expect(describeSpans(keywordSpans("global_defs", "router_id"))).toBe("every release from 2.0.19");
    expect(hasKeyword("global_defs", "use_symlink_paths", "2.2.7")).toBe(false);
    expect(hasKeyword("global_defs", "use_symlink_paths", "2.3.0")).toBe(true);
  });

  it("describes a keyword that was removed", () => {
    const spans = [{ since: "2.0.19", until: "2.1.0" }];
    expect(describeSpans(spans)).toBe("2.0.19 to 2.0.20");
    expect(whyMissing(spans, "2.4.3")).toBe("removed in 2.1.0");
  });
});
