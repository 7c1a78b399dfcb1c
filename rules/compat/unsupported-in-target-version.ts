/**
 * Keywords the target keepalived does not have. Under targetVersion "2.2.7"
 * (Debian 12's package) that is every keyword added later, plus keywords of
 * build options the Debian binary was compiled without (vrrp_ipsets: no
 * libipset): keepalived 2.2.7 reports them as unknown and ignores the line.
 * Under the newest target, keywords not in any release yet are reported.
 */
import { lookupKeyword, type KeywordSpec } from "../../grammar/schema/index.js";
import { defineRule } from "../../src/engine/rule.js";
import { allNodes, contextLabel } from "../schema/helpers-tree.js";

/** Build options the Debian 2.2.7 binary lacks (keepalived -v: no LIBIPSET). */
const MISSING_IN_DEBIAN_227 = new Set(["_HAVE_LIBIPSET_"]);

export default defineRule({
  meta: {
    id: "unsupported-in-target-version",
    severity: "error",
    category: "compat",
    description: "A keyword the target keepalived version does not know",
    fixable: false,
    keepalivedRefuses: "always",
  },
  check(ctx) {
    const old = ctx.settings.targetVersion === "2.2.7";
    for (const node of allNodes(ctx.ast)) {
      if (node.kind !== "keyword" || !node.known) continue;
      const spec = lookupKeyword(node.context, node.name);
      if (!spec) continue;
      const where = node.context === "root" ? "" : ` in ${contextLabel(node.context)}`;
      if (old && !spec.inV227) {
        ctx.report({
          at: node.keyword,
          message: `"${node.name}"${where} is not known to keepalived 2.2.7 (added in ${since(spec)}); it reports "Unknown keyword" and ignores the line`,
          hint: blockHint(spec, "remove it, or target a newer keepalived in .keepalived-lint.json"),
        });
      } else if (old && spec.buildOption && MISSING_IN_DEBIAN_227.has(spec.buildOption)) {
        ctx.report({
          at: node.keyword,
          message: `"${node.name}"${where} needs keepalived built with ${spec.buildOption.replace(/^_(HAVE|WITH)_|_$/g, "").toLowerCase()}; the Debian 2.2.7 package is not, and reports "Unknown keyword"`,
          hint: blockHint(spec, "remove it, or use a keepalived built with that option"),
        });
      } else if (!old && spec.since.startsWith("HEAD")) {
        ctx.report({
          at: node.keyword,
          message: `"${node.name}"${where} is not in any keepalived release yet (only in the development source); released versions report "Unknown keyword"`,
          hint: "remove it unless you run keepalived built from git",
          severity: "warning",
        });
      }
    }
  },
});

function since(spec: KeywordSpec): string {
  return spec.since.startsWith("HEAD") ? "the development source" : spec.since;
}

function blockHint(spec: KeywordSpec, base: string): string {
  return spec.kind === "block" || spec.kind === "value-block"
    ? `${base}; its block is not skipped: keepalived reads the block's lines as part of the enclosing block`
    : base;
}
