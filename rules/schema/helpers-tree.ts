/**
 * Shared by the rules: walking the configuration in load order, naming
 * the block a line sits in (the edit distance behind "did you mean" is src/engine/suggest.ts).
 */
import type { ConfigAst, ConfigNode } from "../../grammar/ast.js";

/** Walks already made, by tree: eight schema rules walk every lint's tree, and the walk is the same each time. */
const walked = new WeakMap<ConfigAst, readonly ConfigNode[]>();

/** Every node, depth first, in the order keepalived reads them (one list per tree, shared: do not change it). */
export function allNodes(ast: ConfigAst): readonly ConfigNode[] {
  let out = walked.get(ast);
  if (!out) {
    const nodes: ConfigNode[] = [];
    collect(ast.children, nodes);
    walked.set(ast, nodes);
    out = nodes;
  }
  return out;
}

/**
 * Appends `level` and everything below it to `out`, depth first. A plain
 * function and an index loop rather than a closure per walk and for-of: the
 * language server walks every edit's tree, and both allocated per node
 * until optimized.
 */
function collect(level: readonly ConfigNode[], out: ConfigNode[]): void {
  for (let i = 0; i < level.length; i++) {
    const n = level[i];
    out.push(n);
    collect(n.children, out);
  }
}

/** How a message names a context: "the top level", "vrrp_instance", "real_server", "track_script block". */
export function contextLabel(context: string): string {
  if (context === "root") return "the top level";
  return context.slice(context.lastIndexOf(".") + 1);
}

/** The enclosing block as a user sees it: `vrrp_instance "VI_1"`, `global_defs`, or "the top level". */
export function blockLabel(node: ConfigNode): string {
  const p = node.parent;
  if (!p) return "the top level";
  return p.args.length > 0 ? `${p.name} "${p.args.map((a) => a.text).join(" ")}"` : p.name;
}

/** Is the node's line followed (after blanks and comments) by a `{` line? keepalived then skips that brace. */
export function followedByBrace(node: ConfigNode, text: string | undefined): boolean {
  if (text === undefined) return false;
  // A scanner, not a regex: blanks, comments and line ends before the '{' (within 2000 characters).
  // The regex it replaces backtracked exponentially over CRLF comment lines.
  const end = Math.min(text.length, node.end + 2000);
  let i = node.end;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a) i++;
    else if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 2;
    else if (c === 0x23 || c === 0x21) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 || nl >= end ? end : nl;
    } else return c === 0x7b;
  }
  return false;
}
