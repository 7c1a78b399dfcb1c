/**
 * Values keepalived rejects or misreads: numbers out of range or not base 10,
 * case-sensitive enums, booleans, addresses, and the entry lines of value
 * blocks (virtual_ipaddress, track_script, unicast_peer, …). The checks are
 * the schema's (grammar/schema/values.ts, lines.ts); this rule places them.
 */
import type { WalkedLine, Word } from "../../grammar/ast.js";
import { checkValue, getContext, lineGrammarOf, keywordOf, parseEntryLine, type KeywordSpec, type ValueProblem } from "../../grammar/schema/index.js";
import { argsKeyOfLine } from "../../grammar/tree.js";
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
    // keepalived skips a virtual_server/real_server whose address it cannot read: nothing inside is read
    // either. The lines of such a block are the lines after it deeper than it: skipDepth is its depth
    // while the walk is inside it (-1: nothing skipped).
    let skipDepth = -1;
    // vrrp_handler, vrrp_sync_group_handler and static_track_group_handler (vrrp_parser.c) skip_block() a second
    // block of an existing name ("already defined", reported by duplicate-name): keepalived never reads its lines.
    // The engine says which blocks are such (ctx.repeatsName), so the rule's findings stay within their block.
    // checkValue is a function of the keyword and the words' texts, and large configs repeat the same
    // lines by the thousand ("weight 1", "connect_timeout 3"): each distinct line is checked once per lint.
    const checked = new Map<KeywordSpec, Map<string, ValueProblem[]>>();
    // The key is read from the store (argsKeyOfLine): a line's node and Words are made only when it has a problem.
    const checkedValue = (spec: KeywordSpec, line: WalkedLine) => {
      let bySpec = checked.get(spec);
      if (!bySpec) checked.set(spec, (bySpec = new Map()));
      const key = argsKeyOfLine(line);
      let problems = bySpec.get(key);
      if (!problems) bySpec.set(key, (problems = checkValue(spec, textsOf(line), target)));
      return problems;
    };
    return { line: visit };
    function visit(line: WalkedLine) {
      if (skipDepth >= 0) {
        if (line.depth > skipDepth) return;
        skipDepth = -1;
      }
      if (line.depth === 0 && NAMED_ONCE.has(line.name) && ctx.repeatsName(line.node)) {
        skipDepth = 0;
        return;
      }
      if (line.kind === "entry") {
        entry(line);
        return;
      }
      if (!line.known) return;
      const spec = keywordOf(line);
      if (!spec) return;
      if (spec.kind === "value-block" && spec.args.startsWith("(none") && line.argCount() > 0) {
        const node = line.node;
        ctx.report({
          at: span(node.args[0]!, node.args[node.args.length - 1]!),
          message: `"${node.name}" takes no words before its block; keepalived reports "extra parameters" and ignores them`,
          hint: `put the values on their own lines inside the "{ … }" block`,
        });
        return;
      }
      // Indexed: a for...of made an iterator for every line, though most lines have no problem.
      const problems = checkedValue(spec, line);
      for (let i = 0; i < problems.length; i++) {
        const p = problems[i];
        if (spec.kind === "block" && p.severity === "error" && line.opensBlock) skipDepth = line.depth;
        const node = line.node;
        const word = node.args[p.index] ?? node.keyword;
        ctx.report({ at: word, message: p.message, hint: p.hint, severity: p.severity });
      }
    }

    function entry(line: WalkedLine) {
      if (!lineGrammarOf(line.context)) return;
      const node = line.node;
      const words = [node.keyword, ...node.args];
      const parsed = parseEntryLine(node.context, words, target);
      for (const p of parsed.errors) {
        const word = words[p.index] ?? node.keyword;
        const block = getContext(node.context) ? contextLabel(node.context) : node.context;
        ctx.report({ at: word, message: `${block} entry "${node.name}": ${p.message}`, severity: p.severity });
      }
    }
  },
});

/**
 * A line's args as the texts checkValue reads: short-lived objects, where the
 * line's Word objects would stay with its node to the end of the lint (a
 * finding makes them, from its word's index).
 */
function textsOf(line: WalkedLine): { text: string }[] {
  const n = line.argCount();
  const out: { text: string }[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { text: line.argText(i) };
  return out;
}

/** Top-level blocks keepalived 2.2.7 refuses to define twice under one name. */
const NAMED_ONCE = new Set(["vrrp_instance", "vrrp_sync_group", "track_group"]);

function span(first: Word, last: Word) {
  return first.file === last.file ? { file: first.file, start: first.start, end: last.end, via: first.via } : first;
}
