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

/**
 * Items of each chunk as one flat list (top-level nodes, placeable chunks),
 * with where each chunk's items start: replacing chunks makes new arrays.
 */
class PerChunk<T> {
  items: T[] = [];
  /** Per chunk, the index in `items` of its first item; then items.length. */
  private starts: number[] = [0];

  /** Where chunk `i`'s items start in `items` (items.length for the chunk count). */
  startOf(i: number): number {
    return this.starts[i];
  }

  /** Chunks [at, at + removed) replaced by chunks of `fresh` items each. */
  splice(at: number, removed: number, fresh: readonly (readonly T[])[]): void {
    const from = this.starts[at];
    const to = this.starts[at + removed];
    const put: T[] = [];
    const starts: number[] = [];
    for (const items of fresh) {
      starts.push(from + put.length);
      // One at a time: a pasted block may have more nodes than a call takes arguments.
      for (const item of items) put.push(item);
    }
    const delta = put.length - (to - from);
    const after = this.starts.slice(at + removed);
    if (delta !== 0) for (let i = 0; i < after.length; i++) after[i] += delta;
    this.starts = this.starts.slice(0, at).concat(starts, after);
    this.items = this.items.slice(0, from).concat(put, this.items.slice(to));
  }
}

const NOTHING: readonly never[] = [];

export class JoinedChunks<C extends JoinablePart = JoinablePart> {
  /** The chunks' top-level nodes. */
  private readonly nodes = new PerChunk<ConfigNode>();
  /** The chunks with something to place, in order. */
  private placeable = new PerChunk<C>();
  /** The chunks' picks, numbered among the file's top-level nodes. */
  picks: PickedTop[] = [];
  /** Per across-blocks rule (in the order of `ids`), per chunk: the chunk's facts. */
  gathered: unknown[][];
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

  /** The chunks' top-level nodes, as the whole file's. */
  get children(): ConfigNode[] {
    return this.nodes.items;
  }

  /** The chunks that have findings, reader findings or secrets to place, in order. */
  get placeables(): C[] {
    return this.placeable.items;
  }

  /** The facts of rule `id`, one entry per chunk. */
  factsOf(id: string): unknown[] {
    const k = this.ids.indexOf(id);
    return k < 0 ? [] : this.gathered[k];
  }

  /** Chunks [at, at + removed) were replaced by `fresh`. */
  splice(at: number, removed: number, fresh: readonly C[]): void {
    this.placeable.splice(at, removed, fresh.map(placeableItems));
    const from = this.nodes.startOf(at);
    const to = this.nodes.startOf(at + removed);
    this.nodes.splice(at, removed, fresh.map((c) => c.parse.ast.children));
    const picks: PickedTop[] = [];
    let n = from;
    for (const c of fresh) {
      for (const p of c.picked) picks.push({ node: p.node, name: p.name, index: n + p.index });
      n += c.parse.ast.children.length;
    }
    const delta = n - to;
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
    this.placeable = new PerChunk();
    this.placeable.splice(0, 0, chunks.map(placeableItems));
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

/** A chunk as an item of the placeable list: itself when it has something to place, else nothing. */
function placeableItems<C extends JoinablePart>(c: C): readonly C[] {
  return c.placeable ? [c] : NOTHING;
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
