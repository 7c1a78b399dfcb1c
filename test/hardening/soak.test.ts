// A short fixed-seed slice of the language-server soak (scripts/soak-lsp.mjs):
// random edits (incremental and full sync), random requests at random
// positions and garbage messages; the server stays up and answers everything.
import { resolve } from "node:path";
import { expect, inject, it } from "vitest";
// @ts-expect-error: a plain .mjs script, shared with `npm run soak-lsp`
import { soak } from "../../scripts/soak-lsp.mjs";

it("the language server survives 400 random edits, requests and garbage messages", async () => {
  const r = await soak({ edits: 400, seed: 24, bin: resolve(inject("builtRoot"), "src/lsp/bin.js") });
  expect(r.alive, r.stderr).toBe(true);
  expect(r.unanswered).toBe(0);
  expect(r.requests).toBeGreaterThan(100);
  expect(r.answered).toBe(r.requests);
  expect(r.garbage).toBeGreaterThan(0);
  // Garbage requests (an unknown method) get an error answer, not silence.
  expect(r.errors).toBeGreaterThan(0);
  expect(r.exit).toEqual({ code: 0, signal: null });
}, 120_000);
