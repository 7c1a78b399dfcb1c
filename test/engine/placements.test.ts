// Placements (src/engine/placements.ts): where the editor's chunks start, moved lazily by a log of edits.
import { describe, expect, it } from "vitest";
import { Anchor, Placements } from "../../src/engine/placements.js";

describe("Placements", () => {
  it("moves what starts at or after an edit's place, each anchor when asked", () => {
    const places = new Placements();
    const [a, b, c] = [0, 100, 200].map((start) => new Anchor(places, start));
    places.moved(100, 5); // text inserted before 100: b and c move
    places.moved(205, -3); // text removed before c (now at 205)
    expect([a.start, b.start, c.start]).toEqual([0, 105, 202]);
    // Asked again, nothing moves twice.
    expect([a.start, b.start, c.start]).toEqual([0, 105, 202]);
    // An anchor made after an edit is in that edit's text.
    const d = new Anchor(places, 150);
    places.moved(150, 10);
    expect([b.start, d.start, c.start]).toEqual([105, 160, 212]);
  });

  it("starts its log again once every anchor has caught up; an anchor older than the log stays where it was", () => {
    const places = new Placements();
    const kept = new Anchor(places, 50);
    const dropped = new Anchor(places, 80);
    places.moved(10, 1);
    expect(kept.start).toBe(51);
    places.settled();
    expect(places.pending).toBe(0);
    places.moved(0, 2);
    expect(kept.start).toBe(53);
    // `dropped` saw none of it (a chunk an edit replaced, its tree held by an earlier result): no throw, no partial move.
    expect(dropped.start).toBe(80);
  });
});
