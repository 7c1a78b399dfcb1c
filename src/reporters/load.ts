/**
 * The -f/--format names and their formatters, each module loaded only when
 * chosen: the command line runs one format per process.
 */
import type { Formatter } from "./types.js";

const LOADERS: Readonly<Record<string, () => Promise<Formatter>>> = {
  stylish: async () => (await import("./stylish.js")).stylish,
  compact: async () => (await import("./compact.js")).compact,
  json: async () => (await import("./json.js")).json,
  sarif: async () => (await import("./sarif.js")).sarif,
  github: async () => (await import("./github.js")).github,
};

export const FORMAT_NAMES: readonly string[] = Object.keys(LOADERS);

/** The formatter of this name, or undefined for an unknown name. */
export async function loadFormatter(name: string): Promise<Formatter | undefined> {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]() : undefined;
}
