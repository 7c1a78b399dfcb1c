/**
 * Where the editor's chunks start, kept lazily. An edit moves every chunk
 * after it; at 50,000 lines an edit near the top moved ~5,000 chunks, a
 * cache miss or more each, before any rule ran. Now an edit is one entry in
 * a log, and a chunk's anchor catches up with the log when its start is
 * asked for (its tree's words ask through it: WordColumns.anchorTo).
 */
export class Placements {
  /** Edit k (counted from `first`): what started at `from` or later in the text before it moved `delta` on. */
  private edits: { from: number; delta: number }[] = [];
  private first = 0;

  /** How many edits so far: an anchor that has seen them all is where it is. */
  get epoch(): number {
    return this.first + this.edits.length;
  }

  /** Edits an anchor may not have seen yet. */
  get pending(): number {
    return this.edits.length;
  }

  /** Whatever started at `from` or after it now starts `delta` later. */
  moved(from: number, delta: number): void {
    if (delta !== 0) this.edits.push({ from, delta });
  }

  /**
   * Where something that started at `start` after `seen` edits starts now.
   * A chunk an edit replaced may be older than the log (an earlier result
   * still holds its tree): it stays where it was last placed.
   */
  catchUp(start: number, seen: number): number {
    if (seen < this.first) return start;
    const edits = this.edits;
    for (let k = seen - this.first; k < edits.length; k++) if (start >= edits[k].from) start += edits[k].delta;
    return start;
  }

  /** Every anchor still in use has caught up (asked for its start since the last edit): the log starts again. */
  settled(): void {
    this.first = this.epoch;
    this.edits = [];
  }
}

/** Where one chunk starts: read anew after edits (see Placements). */
export class Anchor {
  #start: number;
  #seen: number;

  constructor(
    private readonly places: Placements,
    start: number,
  ) {
    this.#start = start;
    this.#seen = places.epoch;
  }

  get start(): number {
    const epoch = this.places.epoch;
    if (this.#seen !== epoch) {
      this.#start = this.places.catchUp(this.#start, this.#seen);
      this.#seen = epoch;
    }
    return this.#start;
  }
}
