/**
 * The code's layers point one way: reader (grammar/) ← model, engine and rule
 * API (src/model, src/cluster, src/engine, src/formatter) ← rules (rules/) ←
 * workspace, language service and reporters ← front ends (src/cli, src/lsp,
 * src/node). A module may import its own layer or a lower one, never a higher
 * one, and the import graph (type imports included) has no cycle. Only the
 * front ends touch Node's APIs, so everything below them runs in a browser.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative, resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../..");

const LAYERS: [prefix: string, layer: number][] = [
  ["grammar/", 0],
  ["src/model/", 1],
  ["src/cluster/", 1],
  ["src/engine/", 1],
  ["src/formatter/", 1],
  ["rules/", 2],
  ["src/workspace/", 3],
  ["src/service/", 3],
  ["src/reporters/", 3],
  ["src/index.ts", 3],
  ["src/reader.ts", 3],
  ["src/cli/", 4],
  ["src/lsp/", 4],
  ["src/node/", 4],
];
const FRONT_END = 4;
/** Modules below the front ends allowed a node: import (none: the front ends hand reporters root-relative paths). */
const NODE_API_EXCEPTIONS = new Set<string>();

function layerOf(file: string): number {
  const hit = LAYERS.find(([prefix]) => file === prefix || file.startsWith(prefix));
  if (!hit) throw new Error(`${file} belongs to no layer: add it to LAYERS in test/architecture/layers.test.ts`);
  return hit[1];
}

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") && !e.name.endsWith(".test.ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)).split("\\").join("/"));
}

/** Every module specifier a file names: import, import type, export … from, import(). */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^;"']*?from\s*["']([^"']+)["']|(?<!typeof\s)import\(\s*["']([^"']+)["']\s*\)|^import\s*["']([^"']+)["']/gm;
  for (const m of text.matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

const files = ["grammar", "src", "rules"].flatMap(sources);
const graph = new Map<string, string[]>();
const nodeImports: string[] = [];
for (const file of files) {
  const deps: string[] = [];
  for (const spec of specifiers(readFileSync(join(root, file), "utf8"))) {
    if (spec.startsWith("node:")) nodeImports.push(`${file} imports ${spec}`);
    if (!spec.startsWith(".")) continue;
    deps.push(posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, ".ts"));
  }
  graph.set(file, deps);
}

test("the scan sees the code base", () => {
  expect(files.length).toBeGreaterThan(150);
  expect(graph.get("src/workspace/lint.ts")).toContain("rules/index.ts");
});

test("no module imports from a higher layer", () => {
  const upward: string[] = [];
  for (const [file, deps] of graph) {
    for (const dep of deps) if (graph.has(dep) && layerOf(dep) > layerOf(file)) upward.push(`${file} → ${dep}`);
  }
  expect(upward).toEqual([]);
});

test("the import graph has no cycle, type imports included", () => {
  // Tarjan's strongly connected components, iteratively (the graph is deep).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: [string, number][] = [[start, 0]];
    while (work.length) {
      const top = work[work.length - 1];
      const [v, i] = top;
      if (i === 0) {
        index.set(v, next);
        low.set(v, next++);
        stack.push(v);
        onStack.add(v);
      }
      const deps = (graph.get(v) ?? []).filter((d) => graph.has(d));
      if (i < deps.length) {
        top[1]++;
        const w = deps[i];
        if (!index.has(w)) work.push([w, 0]);
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(scc.sort());
      }
    }
  }
  expect(cycles).toEqual([]);
});

test("only the front ends use Node's APIs", () => {
  const below = nodeImports.filter((line) => layerOf(line.split(" ")[0]) < FRONT_END && !NODE_API_EXCEPTIONS.has(line.split(" ")[0]));
  expect(below).toEqual([]);
});
