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
import { contextLabel } from "../schema/helpers-tree.js";

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
  create(ctx) {
    // The first definition of each name and every reference keepalived resolves while reading, in
    // reading order (the walk's); references are judged at the end, when every definition is known.
    const definitions = new Map<string, { node: ConfigNode; order: number }>();
    const references: { node: ConfigNode; kind: RefKind; word: Word; order: number }[] = [];
    let order = 0;
    return { node: visit, end };
    function visit(node: ConfigNode) {
      const at = order++;
      if (node.kind === "keyword" && node.known) {
        const kind = keywordOf(node)?.defines;
        const name = kind && node.args[0];
        if (name) {
          const key = `${kind}\0${name.text}`;
          if (!definitions.has(key)) definitions.set(key, { node, order: at });
        }
      }
      for (const [kind, word] of referencesOf(node)) if (RESOLVED_WHILE_READING.has(kind)) references.push({ node, kind, word, order: at });
    }
    function end() {
      for (const { node, kind, word, order } of references) {
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
    }
  },
});

/** No references (shared: most lines have none, and this runs per line). */
const NO_REFERENCES: readonly [RefKind, Word][] = Object.freeze([]);

/** The names a line refers to, with what kind of object each names. */
function referencesOf(node: ConfigNode): readonly [RefKind, Word][] {
  if (node.kind === "keyword") {
    const ref = node.known ? keywordOf(node)?.ref : undefined;
    return ref && node.args[0] ? [[ref, node.args[0]]] : NO_REFERENCES;
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
