/**
 * A keyword line that a trim marker joins to the line before it renders as
 * arguments of that line's keyword, which keepalived ignores without a word:
 * `state {% if m %}MASTER{% else %}BACKUP{% endif %}` followed by
 * `interface eth0` is `state MASTER    interface eth0` under Ansible's
 * trim_blocks, and the instance has no interface. The reader reads the
 * joined line as the engine renders it (view.ts); this says why a keyword
 * became an argument.
 */
import type { ConfigNode, Diagnostic } from "../ast.js";
import { lookupKeyword } from "../schema/index.js";
import type { SourceFile } from "../source.js";
import { ENGINE_NAMES } from "./engines.js";
import type { TemplateView } from "./view.js";

export function joinedKeywordFindings(roots: readonly ConfigNode[], templates: ReadonlyMap<string, TemplateView>, files: ReadonlyMap<string, SourceFile>): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (![...templates.values()].some((v) => v.joins.length > 0)) return out;
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    // One push each: a spread of a block of a hundred thousand lines overflows the call stack.
    for (const child of node.children) stack.push(child);
    const view = templates.get(node.file);
    if (!view || view.joins.length === 0 || node.args.length === 0) continue;
    const text = files.get(node.file)?.text ?? "";
    let before = node.keyword;
    for (const arg of node.args) {
      if (arg.file !== node.file) break;
      // The last line break a tag stripped before this word, if it comes after the previous word and only
      // blanks (and tags that output nothing) follow it.
      const last = lastBefore(view.joins, arg.start);
      const join = last && last.at >= before.end && view.text.slice(last.at, arg.start).trim() === "" ? last : undefined;
      if (join && !arg.quoted && lookupKeyword(node.context, arg.text)) {
        const tag = text.slice(join.tag.start, join.tag.end);
        const how = join.at >= join.tag.end && !/[-~]\s*[%#}]?[}>]$/.test(tag) ? `strips the line break after it (${ENGINE_NAMES[view.engine]} trim_blocks, Ansible's default)` : "strips the line break with its trim marker";
        out.push({
          ruleId: "template",
          severity: "warning",
          file: arg.file,
          start: arg.start,
          end: arg.end,
          message: `"${arg.text}" renders on the line of "${node.name}", as one of its arguments, which keepalived ignores: ${short(tag)} ${how}`,
          hint: view.engine === "jinja" ? "keep the line break: end the tag with +%} (or drop its -), or put the tag on a line of its own" : "keep the line break: drop the tag's trim marker",
        });
      }
      before = arg;
    }
  }
  return out;
}

/** The last join at an offset before `offset` (joins are sorted), by binary search: a template may have thousands. */
function lastBefore(joins: TemplateView["joins"], offset: number): TemplateView["joins"][number] | undefined {
  let lo = 0;
  let hi = joins.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (joins[mid].at < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? joins[lo - 1] : undefined;
}

function short(tag: string): string {
  return tag.length <= 24 ? tag : `${tag.slice(0, 20)}…${tag.slice(-3)}`;
}
