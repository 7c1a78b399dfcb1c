// keywords.data.ts lists what start-up code asks of every keyword (so that no context's
// keywords are made for it): each list must say what the keywords themselves say.
import { describe, expect, it } from "vitest";
import { allContexts, allKeywords, BUILD_OPTION_KEYWORDS, DEPRECATED_NAMES, getContext, QUOTED_NAMES, SCRIPTLESS_CONTEXTS } from "../../../grammar/schema/index.js";

const namesOf = (pick: (k: ReturnType<typeof allKeywords>[number]) => unknown) => [...new Set(allKeywords().filter(pick).map((k) => k.name))].sort();

describe("the generated lists agree with the keywords", () => {
  it("DEPRECATED_NAMES: every name some keyword is deprecated under", () => {
    expect([...DEPRECATED_NAMES].sort()).toEqual(namesOf((k) => k.deprecated));
    expect(DEPRECATED_NAMES).toContain("lb_algo");
  });

  it("QUOTED_NAMES: every keyword whose line keepalived re-reads shell-style", () => {
    expect([...QUOTED_NAMES].sort()).toEqual(namesOf((k) => k.quoted));
    expect(QUOTED_NAMES).toContain("notify_master");
  });

  it("BUILD_OPTION_KEYWORDS: every keyword that needs a compile-time option", () => {
    const expected = allKeywords().filter((k) => k.buildOption !== undefined).map((k) => [k.context, k.name, k.buildOption]);
    expect(BUILD_OPTION_KEYWORDS.map((e) => [...e])).toEqual(expected);
    expect(BUILD_OPTION_KEYWORDS.some(([, name, option]) => name === "vrrp_ipsets" && option === "_HAVE_LIBIPSET_")).toBe(true);
  });

  it("SCRIPTLESS_CONTEXTS: the contexts no quoted keyword can be in, at any depth", () => {
    const memo = new Map<string, boolean>();
    const hasScripts = (context: string): boolean => {
      if (memo.has(context)) return memo.get(context)!;
      memo.set(context, true);
      const spec = getContext(context);
      const found = spec === undefined || [...spec.keywords.values()].some((k) => k.quoted === true || (k.childContext !== undefined && hasScripts(k.childContext)));
      memo.set(context, found);
      return found;
    };
    const expected = [...allContexts()].map((c) => c.name).filter((c) => !hasScripts(c));
    expect([...SCRIPTLESS_CONTEXTS].sort()).toEqual(expected.sort());
    expect(SCRIPTLESS_CONTEXTS).toContain("virtual_server.real_server.HTTP_GET.url");
    expect(SCRIPTLESS_CONTEXTS).not.toContain("vrrp_instance");
  });
});
