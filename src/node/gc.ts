/**
 * V8's gc() for this process, for the front ends that time their own
 * collections (the command line's fix loop, the language server's idle time).
 * It is exposed through V8's flags, and only for the moment it takes to get
 * the function: a flag left changed makes V8 refuse the code cache of every
 * bundle loaded afterwards (its flag hash differs; the lexer's bundle then
 * compiles from source, ~10 ms). Where the flags are refused, there is none.
 *
 * node:v8 is loaded only here, on first use: loading it (heap_utils and the
 * stream modules behind it) cost every lint ~7 ms of start-up.
 */
import { runInNewContext } from "node:vm";

/** V8's gc(): a full collection, or with `{ type: "minor" }` a scavenge of the young generation. */
export type GcFunction = (options?: { type?: "major" | "minor" }) => void;

let gc: GcFunction | null | undefined;

export function exposedGc(): GcFunction | undefined {
  if (gc === undefined) {
    gc = null;
    // Started with --expose-gc: the flags are the user's, and stay as they are.
    const global = (globalThis as { gc?: unknown }).gc;
    if (typeof global === "function") return (gc = global as GcFunction);
    try {
      const v8 = process.getBuiltinModule("node:v8") as typeof import("node:v8");
      v8.setFlagsFromString("--expose-gc");
      try {
        const found: unknown = runInNewContext("gc");
        if (typeof found === "function") gc = found as GcFunction;
      } finally {
        v8.setFlagsFromString("--no-expose-gc");
      }
    } catch {
      gc = null;
    }
  }
  return gc ?? undefined;
}
