// The server's scavenge after a published lint (src/lsp/idle-collection.ts) and
// the gc it uses (src/node/gc.ts): one scavenge per turn of the event loop,
// after the work. test/cli/bundle.test.ts checks that taking gc leaves V8's
// flags as they were (the code caches still accepted).
import { describe, expect, it } from "vitest";
import { idleCollector } from "../../src/lsp/idle-collection.js";
import { exposedGc, type GcFunction } from "../../src/node/gc.js";

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("idle collection", () => {
  it("scavenges once on the next turn, however many lints asked in this one", async () => {
    const calls: unknown[] = [];
    const collectSoon = idleCollector(((options) => calls.push(options)) as GcFunction);
    collectSoon();
    collectSoon();
    collectSoon();
    expect(calls).toEqual([]);
    await nextTurn();
    expect(calls).toEqual([{ type: "minor" }]);
    collectSoon();
    await nextTurn();
    expect(calls).toEqual([{ type: "minor" }, { type: "minor" }]);
  });

  it("does nothing without a gc", async () => {
    const collectSoon = idleCollector(undefined);
    expect(() => collectSoon()).not.toThrow();
    await nextTurn();
  });

  it("has V8's gc to scavenge with (the same function every time)", () => {
    const gc = exposedGc();
    expect(typeof gc).toBe("function");
    expect(() => gc!({ type: "minor" })).not.toThrow();
    expect(exposedGc()).toBe(gc);
  });
});
