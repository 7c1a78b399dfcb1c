/**
 * Keywords keepalived still reads but has replaced. Where the new keyword is
 * the same setting under another name, the fix renames it.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import { configTestRefusesDeprecated, DEPRECATED_NAMES, knownIn, keywordOf, lookupKeyword } from "../../grammar/schema/index.js";
import { fixOf, replaceWord } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";
import { contextLabel } from "./helpers-tree.js";

export default defineRule({
  meta: {
    id: "deprecated-keyword",
    severity: "warning",
    category: "schema",
    description: "A keyword keepalived has replaced; renames it when the replacement is the same setting",
    fixable: "some",
    // Its findings read the line's siblings; at the top level no deprecated keyword has a non-block replacement (test/engine/incremental.test.ts checks it), so they stay in the block.
    scope: "block",
    keepalivedRefuses: "some",
  },
  create(ctx) {
    // Names set in each block, built once per block: scanning the siblings per deprecated keyword was
    // quadratic (a block of 18,000 keywords, a third of them deprecated, took seconds; issue 24).
    const namesIn = new WeakMap<readonly ConfigNode[], Set<string>>();
    const setIn = (siblings: readonly ConfigNode[]) => {
      let names = namesIn.get(siblings);
      if (!names) namesIn.set(siblings, (names = new Set(siblings.map((c) => c.name))));
      return names;
    };
    // Handed only lines named as some keyword is deprecated under, in some context (a handler for every line was a
    // call per line); the handler checks the line's own context.
    return { keywords: Object.fromEntries(DEPRECATED_NAMES.map((name) => [name, visit])) };
    function visit(node: ConfigNode) {
      if (node.kind !== "keyword" || !node.known) return;
      const spec = keywordOf(node);
      if (!spec?.deprecated) return;
      const use = spec.deprecated.use;
      const since = spec.deprecated.since && /^v?\d/.test(spec.deprecated.since) ? ` (since ${spec.deprecated.since.replace(/^v?/, "v")})` : "";
      const replacement = spec.aliasOf && use === spec.aliasOf ? lookupKeyword(node.context, spec.aliasOf) : undefined;
      // Renaming is only safe when the target keepalived knows the new name and the block does not set it already.
      const renamable = replacement !== undefined
        && knownIn(replacement, ctx.settings.targetVersion)
        && (replacement.kind === "block" || !setIn(node.parent?.children ?? ctx.ast.children).has(replacement.name));
      const message = use
        ? `"${node.name}" is deprecated${since}; use "${use}" instead`
        : `"${node.name}" is deprecated${since}`;
      const hint = replacement
        ? `"${replacement.name}" is the same setting under its current name${renamable ? "" : !knownIn(replacement, ctx.settings.targetVersion) ? `, but keepalived ${ctx.settings.targetVersion} does not know it yet` : ""}`
        : `see keepalived.conf(5) for ${contextLabel(node.context) === "the top level" ? "top-level keywords" : contextLabel(node.context)}`;
      ctx.report({
        at: node.keyword,
        message,
        hint,
        fix: renamable && replacement ? fixOf(`rename "${node.name}" to "${replacement.name}"`, replaceWord(node.keyword, replacement.name)) : undefined,
        refusedByKeepalived: configTestRefusesDeprecated(node.context, node.name),
      });
    }
  },
});
