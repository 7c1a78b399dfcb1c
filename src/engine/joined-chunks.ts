/**
 * What the editor's incremental lint puts together from its chunks for the
 * whole file's rules and model: the top-level nodes, the model's picks of
 * them, and each across-blocks rule's facts per chunk. Kept from one edit to
 * the next and spliced where the chunks changed: an edit costs copies of
 * flat arrays, not a visit of every chunk (about 5,000 at 50,000 lines, a
 * cache miss or more each). Splices make new arrays, so a result handed out
 * earlier keeps its own.
 */
import type { ConfigNode } from "../../grammar/ast.js";
import type { PickedTop } from "../model/model.js";

/**
 * What a chunk gives: its top-level nodes, its picks of them (indices within
 * the chunk), its gathered facts by rule id, and whether it has findings or
 * secrets to place (most chunks have none, and a lint need not visit them).
 */
export interface JoinablePart {
  parse: { ast: { children: ConfigNode[] } };
  picked: readonly PickedTop[];
  facts: ReadonlyMap<string, unknown>;
  placeable: boolean;
}

/** One splice: the picks and (per across-blocks rule) the facts it took out and put in. */
interface Change {
  version: number;
  removed: PickedTop[];
  fresh: PickedTop[];
  removedFacts: unknown[][];
  freshFacts: unknown[][];
}

export class JoinedChunks<C extends JoinablePart = JoinablePart> {
  children: ConfigNode[] = [];
  /** The placeable chunks, in order. */
  placeables: C[] = [];
  /** Per chunk, the index in `placeables` of the first placeable chunk from it on; then placeables.length. */
  private placeOffsets: number[] = [0];
  /** The chunks' picks, numbered among the file's top-level nodes. */
  picks: PickedTop[] = [];
  /** Per across-blocks rule (in the order of `ids`), per chunk: the chunk's facts. */
  gathered: unknown[][];
  /** Per chunk, the index of its first node in `children`; then children.length. */
  private offsets: number[] = [0];
  /** How many splices made the lists as they are (the first is the making). */
  version = 0;
  /** What the last splices took out and put in, by the version they made (a few: the model is patched with them). */
  private changes: Change[] = [];

  constructor(
    private readonly ids: readonly string[],
    chunks: readonly C[],
  ) {
    this.gathered = ids.map(() => []);
    this.splice(0, 0, chunks);
  }

  /** The facts of rule `id`, one entry per chunk. */
  factsOf(id: string): unknown[] {
    const k = this.ids.indexOf(id);
    return k < 0 ? [] : this.gathered[k];
  }

  /** Chunks [at, at + removed) were replaced by `fresh`. */
  splice(at: number, removed: number, fresh: readonly C[]): void {
    this.splicePlaceables(at, removed, fresh);
    const from = this.offsets[at];
    const to = this.offsets[at + removed];
    const kids: ConfigNode[] = [];
    const offsets: number[] = [];
    const picks: PickedTop[] = [];
    let n = from;
    for (const c of fresh) {
      offsets.push(n);
      for (const p of c.picked) picks.push({ node: p.node, name: p.name, index: n + p.index });
      // One at a time: a pasted block may have more nodes than a call takes arguments.
      for (const node of c.parse.ast.children) kids.push(node);
      n += c.parse.ast.children.length;
    }
    const delta = n - to;
    this.children = this.children.slice(0, from).concat(kids, this.children.slice(to));
    const after = this.offsets.slice(at + removed);
    if (delta !== 0) for (let i = 0; i < after.length; i++) after[i] += delta;
    this.offsets = this.offsets.slice(0, at).concat(offsets, after);
    const lo = firstPickFrom(this.picks, from);
    const hi = firstPickFrom(this.picks, to);
    const tail = this.picks.slice(hi);
    this.version++;
    this.changes.push({
      version: this.version,
      removed: this.picks.slice(lo, hi),
      fresh: picks,
      removedFacts: this.gathered.map((list) => list.slice(at, at + removed)),
      freshFacts: this.ids.map((id) => fresh.map((c) => c.facts.get(id))),
    });
    if (this.changes.length > 16) this.changes.shift();
    this.picks = this.picks.slice(0, lo).concat(picks, delta === 0 ? tail : tail.map((p) => ({ node: p.node, name: p.name, index: p.index + delta })));
    this.gathered = this.gathered.map((list, k) => list.slice(0, at).concat(fresh.map((c) => c.facts.get(this.ids[k])), list.slice(at + removed)));
  }

  /** Which chunks are placeable, made anew from all of them (a chunk's findings changed outside the splices). */
  resetPlaceables(chunks: readonly C[]): void {
    this.placeables = [];
    this.placeOffsets = [0];
    this.splicePlaceables(0, 0, chunks);
  }

  private splicePlaceables(at: number, removed: number, fresh: readonly C[]): void {
    const from = this.placeOffsets[at];
    const to = this.placeOffsets[at + removed];
    const put: C[] = [];
    const offsets: number[] = [];
    for (const c of fresh) {
      offsets.push(from + put.length);
      if (c.placeable) put.push(c);
    }
    const delta = put.length - (to - from);
    const after = this.placeOffsets.slice(at + removed);
    if (delta !== 0) for (let i = 0; i < after.length; i++) after[i] += delta;
    this.placeOffsets = this.placeOffsets.slice(0, at).concat(offsets, after);
    this.placeables = this.placeables.slice(0, from).concat(put, this.placeables.slice(to));
  }

  /** What the splices after `version` took out and put in, in order; undefined when not all are known. */
  changesSince(version: number): Change[] | undefined {
    const since = this.changes.filter((c) => c.version > version);
    return since.length === this.version - version ? since : undefined;
  }

  /** Chunk `i`'s facts changed (its block-scoped rules ran again). */
  refreshFacts(i: number, c: C): void {
    for (let k = 0; k < this.ids.length; k++) this.gathered[k][i] = c.facts.get(this.ids[k]);
  }

  /**
   * Are the facts of rule `id` the same, by `same`, in every chunk the
   * splices after `version` replaced (as many chunks put in as taken out)?
   * False when those splices are not all known.
   */
  factsKeptSince(version: number, id: string, same: (a: unknown, b: unknown) => boolean): boolean {
    const k = this.ids.indexOf(id);
    const changes = this.changesSince(version);
    if (k < 0 || !changes) return false;
    return changes.every((c) => {
      const before = c.removedFacts[k];
      const after = c.freshFacts[k];
      return before.length === after.length && before.every((f, i) => same(f, after[i]));
    });
  }
}

/** Index of the first pick whose node index is `index` or more (picks are in node order). */
function firstPickFrom(picks: readonly PickedTop[], index: number): number {
  let lo = 0;
  let hi = picks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (picks[mid].index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
