/**
 * Keywords the target keepalived release does not have: added later (or, in
 * principle, removed before it), by keepalived's source history
 * (grammar/schema/versions.ts). keepalived reports them as unknown and ignores
 * the line. Also keywords of build options the Debian 2.2.7 binary was
 * compiled without (vrrp_ipsets: no libipset). Keywords that exist only in
 * keepalived's unreleased master are a warning when the target is the newest
 * release: someone may run keepalived built from git.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { BUILD_OPTION_KEYWORDS, hasKeyword, keywordSpans, keywordsWithHistory, keywordOf, knownIn, NEWEST_RELEASE, whyMissing, type KeywordSpec } from "../../grammar/schema/index.js";
import { defineRule, type Report } from "../../src/engine/rule.js";
import { contextLabel } from "../schema/helpers-tree.js";

/** Build options the Debian 2.2.7 binary lacks (keepalived -v: no LIBIPSET). */
const MISSING_IN_DEBIAN_227 = new Set(["_HAVE_LIBIPSET_"]);

/** Does the keepalived `target` names lack the build option (Debian's 2.2.7 binary)? */
function builtWithout(option: string | undefined, target: string): boolean {
  return target === "2.2.7" && option !== undefined && MISSING_IN_DEBIAN_227.has(option);
}

export default defineRule({
  meta: {
    id: "unsupported-in-target-version",
    severity: "error",
    category: "compat",
    description: "A keyword the target keepalived version does not know",
    fixable: false,
    scope: "block",
    keepalivedRefuses: "always",
  },
  create(ctx) {
    const target = ctx.settings.targetVersion;
    // The verdict depends on the keyword alone (its name and context are its spec's): worked out once per keyword, not per line.
    const verdicts = new Map<KeywordSpec, Verdict | null>();
    // Handed only lines named as a keyword it has a verdict on (a handler for every line was a call per line).
    return { keywords: Object.fromEntries(namesWithVerdict(target).map((name) => [name, visit])) };
    function visit(node: ConfigNode) {
      if (node.kind !== "keyword" || !node.known) return;
      const spec = keywordOf(node);
      if (!spec) return;
      let verdict = verdicts.get(spec);
      if (verdict === undefined) verdicts.set(spec, (verdict = verdictOf(spec, target)));
      if (verdict !== null) ctx.report({ at: node.keyword, ...verdict });
    }
  },
});

type Verdict = Pick<Report, "message" | "hint" | "severity">;

/** By target: the names of the keywords verdictOf has something to say about (in some context). */
const NAMES_WITH_VERDICT = new Map<string, string[]>();

function namesWithVerdict(target: string): string[] {
  let names = NAMES_WITH_VERDICT.get(target);
  if (!names) {
    // Asked at every start-up, so decided from generated lists, without making any context's keywords:
    // only keywords with a source history can be missing from a release (every one of them is a schema
    // keyword: test/grammar/schema/versions.test.ts), and only under 2.2.7 do build options add more.
    const found = new Set<string>();
    for (const [context, name] of keywordsWithHistory()) if (!hasKeyword(context, name, target)) found.add(name);
    for (const [, name, option] of BUILD_OPTION_KEYWORDS) if (builtWithout(option, target)) found.add(name);
    NAMES_WITH_VERDICT.set(target, (names = [...found]));
  }
  return names;
}

/** Why `target` lacks keyword `spec`: not in that release, or (Debian's 2.2.7) built without its option; undefined when it has it. */
function lackOf(spec: KeywordSpec, target: string): "release" | "build" | undefined {
  if (!knownIn(spec, target)) return "release";
  if (builtWithout(spec.buildOption, target)) return "build";
  return undefined;
}

/** What the rule says about every line of keyword `spec` under `target` (null: nothing); worded only for a keyword a line uses. */
function verdictOf(spec: KeywordSpec, target: string): Verdict | null {
  const lack = lackOf(spec, target);
  if (lack === undefined) return null;
  const where = spec.context === "root" ? "" : ` in ${contextLabel(spec.context)}`;
  if (lack === "release") {
    const spans = keywordSpans(spec.context, spec.name);
    const why = whyMissing(spans, target);
    const onlyMaster = why.startsWith("not in any release");
    return {
      message: onlyMaster
        ? `"${spec.name}"${where} is not in any keepalived release yet (only in the development source); keepalived ${target} reports "Unknown keyword" and ignores the line`
        : `"${spec.name}"${where} is not known to keepalived ${target} (${why}); it reports "Unknown keyword" and ignores the line`,
      hint: blockHint(spec, onlyMaster ? "remove it unless you run keepalived built from git" : `remove it, or target a keepalived that has it (--target-version or "targetVersion" in .keepalived-lint.json)`),
      // Under the default target a master-only keyword may be deliberate (keepalived built from git).
      severity: onlyMaster && target === NEWEST_RELEASE ? "warning" : undefined,
    };
  }
  return {
    message: `"${spec.name}"${where} needs keepalived built with ${spec.buildOption!.replace(/^_(HAVE|WITH)_|_$/g, "").toLowerCase()}; the Debian 2.2.7 package is not, and reports "Unknown keyword"`,
    hint: blockHint(spec, "remove it, or use a keepalived built with that option"),
  };
}

function blockHint(spec: KeywordSpec, base: string): string {
  return spec.kind === "block" || spec.kind === "value-block"
    ? `${base}; its block is not skipped: keepalived reads the block's lines as part of the enclosing block`
    : base;
}
