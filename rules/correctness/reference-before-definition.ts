/**
 * keepalived resolves most references while it reads: a track_script entry
 * looks up its vrrp_script at that moment, so a vrrp_script written further
 * down is not found and the tracker is dropped ("track script X not found,
 * ignoring..."). The same holds for track_file, track_process, track_bfd,
 * BFD_CHECK/FILE_CHECK names and static_* track_group. Sync-group members,
 * `virtual_server group` and lvs_sync_daemon are resolved at the end and may
 * come first.
 */
import type { ConfigNode, WalkedLine, Word } from "../../grammar/ast.js";
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
    // Blocks are gathered one by one (the editor keeps each block's facts); the order is judged across them.
    scope: "block",
  },
  gather() {
    // Definitions and the references keepalived resolves while reading, in reading order (the walk's).
    // Each numbered by its line among the lines walked (a line that defined and referred to one name would
    // be looking before the definition).
    const facts: Facts = { events: [], lines: 0 };
    return {
      line(line) {
        const at = facts.lines++;
        // A line's node is made only when it defines or refers to something (few lines do).
        if (line.kind === "keyword") {
          if (!line.known) return;
          const spec = keywordOf(line);
          if (spec?.defines && line.argCount() > 0) {
            const node = line.node;
            facts.events.push({ key: `${spec.defines}\0${node.args[0]!.text}`, node, at });
          }
          if (spec?.ref && RESOLVED_WHILE_READING.has(spec.ref) && line.argCount() > 0) {
            const node = line.node;
            const word = node.args[0]!;
            facts.events.push({ key: `${spec.ref}\0${word.text}`, node, word, at });
          }
          return;
        }
        const refs = entryReferencesOf(line);
        if (refs.length === 0) return;
        const node = line.node;
        // Indexed, not for...of with destructuring: the iterator was garbage per line.
        for (let i = 0; i < refs.length; i++) {
          const kind = refs[i][0];
          const word = refs[i][1](node);
          if (word && RESOLVED_WHILE_READING.has(kind)) facts.events.push({ key: `${kind}\0${word.text}`, node, word, at });
        }
      },
      facts: () => facts,
    };
  },
  // The same names defined and referred to, in the same order on the same lines of the block: the same verdict.
  sameFacts(a, b) {
    const x = a as Facts;
    const y = b as Facts;
    if (x.lines !== y.lines || x.events.length !== y.events.length) return false;
    return x.events.every((e, i) => e.key === y.events[i].key && e.at === y.events[i].at && (e.word === undefined) === (y.events[i].word === undefined));
  },
  acrossBlocks(ctx, gathered) {
    // The first definition of each name, and every reference, numbered in reading order; references
    // are judged at the end, when every definition is known.
    const definitions = new Map<string, { node: ConfigNode; order: number }>();
    const references: { event: Event; order: number }[] = [];
    let base = 0;
    for (const facts of gathered as (Facts | undefined)[]) {
      if (!facts) continue;
      for (const event of facts.events) {
        const at = base + event.at;
        if (event.word) references.push({ event, order: at });
        else if (!definitions.has(event.key)) definitions.set(event.key, { node: event.node, order: at });
      }
      base += facts.lines;
    }
    for (const { event, order } of references) {
      const def = definitions.get(event.key);
      if (!def || def.order < order) continue;
      const { node, word } = event;
      const line = ctx.files.get(def.node.file)?.position(def.node.start).line;
      const where = def.node.file === word!.file && line !== undefined ? `line ${line}` : def.node.file;
      const user = node.kind === "entry" ? contextLabel(node.context) : node.name;
      ctx.report({
        at: word!,
        message: `${user} "${word!.text}" names the ${def.node.name} defined further down (${where}); keepalived looks it up while reading, does not find it and ignores this reference`,
        hint: `move the ${def.node.name} "${word!.text}" block above this line`,
        related: [{ span: def.node.args[0]!, message: `${def.node.name} "${word!.text}" is defined here` }],
      });
    }
  },
});

/** A definition (no word) or a reference keepalived resolves while reading, keyed by kind and name. */
interface Event {
  key: string;
  node: ConfigNode;
  word?: Word;
  /** The line's number among the lines gathered. */
  at: number;
}

interface Facts {
  events: Event[];
  /** Lines walked. */
  lines: number;
}

/** No references (shared: most lines have none, and this runs per line). */
const NO_REFERENCES: readonly [RefKind, (node: ConfigNode) => Word | undefined][] = Object.freeze([]);

/** The names an entry line refers to: what kind of object each names, and how to find its word on the line's node. */
function entryReferencesOf(line: WalkedLine): readonly [RefKind, (node: ConfigNode) => Word | undefined][] {
  const entryRef = getContext(line.context)?.entryRef;
  if (entryRef) return entryRef === "vrrp_instance" ? NO_REFERENCES : [[entryRef, (node) => node.keyword]];
  if (line.context.startsWith("static_")) return [["track_group", trackGroupWord]];
  return NO_REFERENCES;
}

/** The track_group word of a static_* entry line. */
function trackGroupWord(node: ConfigNode): Word | undefined {
  const words = [node.keyword, ...node.args];
  const field = parseEntryLine(node.context, words).fields.track_group;
  return field && words[field.index];
}
