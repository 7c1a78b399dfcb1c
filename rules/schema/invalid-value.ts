/**
 * Values keepalived rejects or misreads: numbers out of range or not base 10,
 * case-sensitive enums, booleans, addresses, and the entry lines of value
 * blocks (virtual_ipaddress, track_script, unicast_peer, …). The checks are
 * the schema's (grammar/schema/values.ts, lines.ts); this rule places them.
 */
import type { ConfigNode, Word } from "../../grammar/ast.js";
import { checkValue, getContext, lineGrammarOf, keywordOf, parseEntryLine, type KeywordSpec, type ValueProblem } from "../../grammar/schema/index.js";
import { argCount, argsKey, argTextOf } from "../../grammar/tree.js";
import { defineRule } from "../../src/engine/rule.js";
import { contextLabel } from "./helpers-tree.js";

export default defineRule({
  meta: {
    id: "invalid-value",
    severity: "error",
    category: "schema",
    description: "A value keepalived rejects, or reads differently from what it says",
    fixable: false,
    keepalivedRefuses: "always",
    scope: "block",
  },
  create(ctx) {
    const target = ctx.settings.targetVersion;
    // keepalived skips a virtual_server/real_server whose address it cannot read: nothing inside is read either.
    const skipped = new Set<ConfigNode>();
    // vrrp_handler, vrrp_sync_group_handler and static_track_group_handler (vrrp_parser.c) skip_block() a second
    // block of an existing name ("already defined", reported by duplicate-name): keepalived never reads its lines.
    // The engine says which blocks are such (ctx.repeatsName), so the rule's findings stay within their block.
    // checkValue is a function of the keyword and the words' texts, and large configs repeat the same
    // lines by the thousand ("weight 1", "connect_timeout 3"): each distinct line is checked once per lint.
    const checked = new Map<KeywordSpec, Map<string, ValueProblem[]>>();
    // The key is made from the store (argsKey): a line's Word objects are made only when the line is new.
    const checkedValue = (spec: KeywordSpec, node: ConfigNode) => {
      let bySpec = checked.get(spec);
      if (!bySpec) checked.set(spec, (bySpec = new Map()));
      const key = argsKey(node);
      let problems = bySpec.get(key);
      if (!problems) bySpec.set(key, (problems = checkValue(spec, textsOf(node), target)));
      return problems;
    };
    return { node: visit };
    function visit(node: ConfigNode) {
      // Nearly always nothing is skipped: no Set lookup (nor the view's identity hash it would make) per line.
      if (skipped.size > 0 && node.parent && skipped.has(node.parent)) {
        skipped.add(node);
        return;
      }
      if (!node.parent && NAMED_ONCE.has(node.name) && ctx.repeatsName(node)) {
        skipped.add(node);
        return;
      }
      if (node.kind === "entry") {
        entry(node);
        return;
      }
      if (!node.known) return;
      const spec = keywordOf(node);
      if (!spec) return;
      if (spec.kind === "value-block" && spec.args.startsWith("(none") && argCount(node) > 0) {
        ctx.report({
          at: span(node.args[0]!, node.args[node.args.length - 1]!),
          message: `"${node.name}" takes no words before its block; keepalived reports "extra parameters" and ignores them`,
          hint: `put the values on their own lines inside the "{ … }" block`,
        });
        return;
      }
      // Indexed: a for...of made an iterator for every line, though most lines have no problem.
      const problems = checkedValue(spec, node);
      for (let i = 0; i < problems.length; i++) {
        const p = problems[i];
        if (spec.kind === "block" && p.severity === "error") skipped.add(node);
        const word = node.args[p.index] ?? node.keyword;
        ctx.report({ at: word, message: p.message, hint: p.hint, severity: p.severity });
      }
    }

    function entry(node: ConfigNode) {
      if (!lineGrammarOf(node.context)) return;
      const words = [node.keyword, ...node.args];
      const line = parseEntryLine(node.context, words, target);
      for (const p of line.errors) {
        const word = words[p.index] ?? node.keyword;
        const block = getContext(node.context) ? contextLabel(node.context) : node.context;
        ctx.report({ at: word, message: `${block} entry "${node.name}": ${p.message}`, severity: p.severity });
      }
    }
  },
});

/**
 * A line's args as the texts checkValue reads: short-lived objects, where the
 * line's Word objects would stay with its view to the end of the lint (a
 * finding makes them, from its word's index).
 */
function textsOf(node: ConfigNode): { text: string }[] {
  const n = argCount(node);
  const out: { text: string }[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { text: argTextOf(node, i)! };
  return out;
}

/** Top-level blocks keepalived 2.2.7 refuses to define twice under one name. */
const NAMED_ONCE = new Set(["vrrp_instance", "vrrp_sync_group", "track_group"]);

function span(first: Word, last: Word) {
  return first.file === last.file ? { file: first.file, start: first.start, end: last.end, via: first.via } : first;
}
