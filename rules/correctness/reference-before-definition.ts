/**
 * keepalived resolves most references while it reads: a track_script entry
 * looks up its vrrp_script at that moment, so a vrrp_script written further
 * down is not found and the tracker is dropped ("track script X not found,
 * ignoring..."). The same holds for track_file, track_process, track_bfd,
 * BFD_CHECK/FILE_CHECK names and static_* track_group. Sync-group members,
 * `virtual_server group` and lvs_sync_daemon are resolved at the end and may
 * come first.
 */
import type { ConfigNode, Word } from "../../grammar/ast.js";
import { getContext, keywordOf, parseEntryLine, type RefKind } from "../../grammar/schema/index.js";
import { defineRule } from "../../src/engine/rule.js";
import { allNodes, contextLabel } from "../schema/helpers-tree.js";

const RESOLVED_WHILE_READING: ReadonlySet<RefKind> = new Set(["vrrp_script", "track_file", "vrrp_track_process", "bfd_instance", "track_group"]);

export default defineRule({
  meta: {
    id: "reference-before-definition",
    severity: "error",
    category: "correctness",
    description: "A tracker or check naming an object defined further down: keepalived does not find it and ignores the reference",
    fixable: false,
    keepalivedRefuses: "always",
  },
  check(ctx) {
    const nodes = allNodes(ctx.ast);
    const definitions = new Map<string, { node: ConfigNode; order: number }>();
    nodes.forEach((node, order) => {
      if (node.kind !== "keyword" || !node.known || !node.args[0]) return;
      const kind = keywordOf(node)?.defines;
      const key = kind && `${kind}\0${node.args[0].text}`;
      if (key && !definitions.has(key)) definitions.set(key, { node, order });
    });
    nodes.forEach((node, order) => {
      for (const [kind, word] of referencesOf(node)) {
        if (!RESOLVED_WHILE_READING.has(kind)) continue;
        const def = definitions.get(`${kind}\0${word.text}`);
        if (!def || def.order < order) continue;
        const line = ctx.files.get(def.node.file)?.position(def.node.start).line;
        const where = def.node.file === word.file && line !== undefined ? `line ${line}` : def.node.file;
        const user = node.kind === "entry" ? contextLabel(node.context) : node.name;
        ctx.report({
          at: word,
          message: `${user} "${word.text}" names the ${def.node.name} defined further down (${where}); keepalived looks it up while reading, does not find it and ignores this reference`,
          hint: `move the ${def.node.name} "${word.text}" block above this line`,
          related: [{ span: def.node.args[0]!, message: `${def.node.name} "${word.text}" is defined here` }],
        });
      }
    });
  },
});

/** The names a line refers to, with what kind of object each names. */
function referencesOf(node: ConfigNode): [RefKind, Word][] {
  if (node.kind === "keyword") {
    const ref = node.known ? keywordOf(node)?.ref : undefined;
    return ref && node.args[0] ? [[ref, node.args[0]]] : [];
  }
  const entryRef = getContext(node.context)?.entryRef;
  if (entryRef) return entryRef === "vrrp_instance" ? [] : [[entryRef, node.keyword]];
  if (node.context.startsWith("static_")) {
    const words = [node.keyword, ...node.args];
    const field = parseEntryLine(node.context, words).fields.track_group;
    const word = field && words[field.index];
    return word ? [["track_group", word]] : [];
  }
  return [];
}
