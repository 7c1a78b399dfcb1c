/**
 * The first of each key in the block being read, for rules that compare a
 * block's lines with each other (duplicate-keyword, duplicate-name's real
 * servers). startBlock() moves on to the next block without clearing a Map
 * (Map.clear() makes a new table, grown again entry by entry, and a large
 * configuration has a hundred thousand blocks): entries from earlier blocks
 * are recognised by their block number and overwritten in place.
 */
export class FirstPerBlock<T> {
  private readonly entries = new Map<string, { block: number; first: T }>();
  private block = 0;

  startBlock(): void {
    this.block++;
  }

  /** The first of `key` in this block, or undefined. */
  get(key: string): T | undefined {
    const e = this.entries.get(key);
    return e !== undefined && e.block === this.block ? e.first : undefined;
  }

  set(key: string, first: T): void {
    const e = this.entries.get(key);
    if (e === undefined) this.entries.set(key, { block: this.block, first });
    else {
      e.block = this.block;
      e.first = first;
    }
  }
}
