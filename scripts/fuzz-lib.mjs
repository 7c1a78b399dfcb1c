// The fuzzer's parts, shared by `npm run fuzz` (scripts/fuzz.mjs, on the
// built package, in a worker with a heap limit and a watchdog) and the fixed-
// seed slice in `npm test` (test/hardening/fuzz.test.ts, on the sources).
// Inputs: the corpus and keepalived's samples, byte-level mutations of them,
// and generated shapes (expansion bombs, long and deep lines) from fast-check.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";

/** Texts the mutator starts from: the corpus (../shared, never copied in) and keepalived's samples. */
export function loadSeeds(repoRoot) {
  const dirs = [join(repoRoot, "../shared/corpus/keepalived-devel-tools"), "/usr/share/doc/keepalived/samples"];
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && st.size < 256 * 1024 && !name.endsWith(".gz") && !name.endsWith(".sh") && name !== "LICENSE") out.push(readFileSync(p, "latin1"));
    }
  };
  for (const d of dirs) if (existsSync(d)) walk(d);
  // Without the corpus (a bare clone) the mutator still has something to chew on.
  if (out.length === 0) out.push("vrrp_instance VI_1 {\n  state MASTER\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  virtual_ipaddress {\n    10.0.0.1\n  }\n}\n");
  return out.sort();
}

/** mulberry32: small, seedable, good enough to pick mutations. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters and words that steer keepalived's reader into its special paths. */
const DICTIONARY = [
  "{", "}", " { ", " } ", "\n", "\r\n", "\\\n", " \\", "\t", "\0", "\"", "#", "!", "\\#", "$", "$X", "${X}", "${_ENV HOME}", "${_RANDOM 1 5}",
  "$X=router_id a \\\n", "$X=", "~SEQ(i,1,3) ", "~SEQx(i,0x1,0x3) ", "~LST(i,a,b) ", "~LST({a,b},{1,2},{3,4}) ", "$i", "@id ", "@^id ",
  "include ", "include /proc/self/environ\n", "includeb x.conf\n", "include *.conf\n", "vrrp_instance VI_1 {\n", "virtual_server 10.0.0.1 80 {\n",
  "real_server 10.0.0.2 80 {\n", "global_defs {\n", "track_script {\n", "nopreempt\n", "state MASTER\n", "priority 255\n", "weight -20\n",
];

/**
 * Interesting shapes (issue 24's and their relatives), as fast-check arbitraries over their size parameters.
 * `scale` divides the sizes of the shapes whose cost grows with their length: at scale 20 they still cross
 * SMALL_BUDGETS (below), which they are run with, the way the full sizes cross the default budgets.
 */
function shapesAt(scale) {
  const upTo = (max) => fc.integer({ min: 1, max: Math.max(1, Math.floor(max / scale)) });
  return fc.oneof(
    fc.integer({ min: 1, max: 28 }).map((n) => {
      let s = "$L0=router_id a\n\n";
      for (let i = 1; i <= n; i++) s += `$L${i}=router_id a \\\n$L${i - 1} \\\n$L${i - 1}\n\n`;
      return `${s}global_defs {\n$L${n}\n}\n`;
    }),
    fc.tuple(upTo(4000), upTo(4000)).map(([a, b]) => `~SEQ(i,1,${a}) } ~SEQ(j,1,${b}) global_defs { router_id x$i$j }\n`),
    fc.tuple(upTo(4000), fc.boolean()).map(([a, b]) => `$M=router_id a \\\n~SEQ(i,1,${a}) ~SEQ(j,1,${a}) router_id $i\n\nglobal_defs {\n$M\n}\n${b ? "$M\n" : ""}`),
    fc.tuple(upTo(100_000), fc.constantFrom("{", "}", "{ }", "\"", "$", "\\", "#{")).map(([n, c]) => c.repeat(n) + "\n"),
    upTo(25_000).map((n) => "vrrp_instance x { ".repeat(n) + "\n"),
    upTo(60_000).map((n) => "$X=1\nglobal_defs {\na $X" + " ".repeat(n) + "\n}\n"),
    upTo(60_000).map((n) => Array.from({ length: n }, (_, i) => `b${i} {\n`).join("")),
    fc.tuple(fc.integer({ min: 1, max: 40 }), fc.constantFrom("\r\n", "\n", "\r")).map(([n, eol]) => `foo_unknown x${eol}` + `# comment${eol}`.repeat(n) + `{${eol}`),
    upTo(3000).map((n) => "$A=x $B\n$B=y $A\n" + "global_defs {\n router_id $A\n}\n".repeat(n)),
    fc.integer({ min: 1, max: 50 }).map((n) => "$A=" + "$A ".repeat(n) + "\nglobal_defs {\n router_id $A\n}\n"),
    upTo(20_000).map((n) => "vrrp_instance VI {\n" + "  virtual_ipaddress {\n".repeat(n)),
    upTo(2000).map((n) => Array.from({ length: n }, (_, i) => `vrrp_instance V${i} {\n state MASTER\n nopreempt\n track_script {\n c${i} weight -20\n }\n}\n`).join("")),
    fc.string({ maxLength: 2000, unit: "binary" }),
    fc.array(fc.constantFrom(...DICTIONARY), { maxLength: 400 }).map((a) => a.join("")),
  );
}
const shapes = shapesAt(1);
const smallShapes = shapesAt(20);

/**
 * The budgets the small shapes run with: a twentieth of the shapes' sizes crosses them as the full sizes
 * cross the defaults, at a small part of the cost (a shape that runs into a budget costs what the budget allows).
 */
export const SMALL_BUDGETS = { expandedLines: 500, totalExpandedLines: 600, lineLength: 2500, findingsPerFile: 100 };
/** One shape in FULL_SHAPE_EVERY runs at full size with the default budgets: the budgets users get, and quadratic paths at sizes where they show. */
export const FULL_SHAPE_EVERY = 32;

/** The `i`-th input of the stream for `seed`: shapes, corpus texts and their mutations, in a fixed mix. */
export function inputStream(seed, seeds) {
  const random = prng(seed);
  const pick = (n) => Math.floor(random() * n);
  const batches = { full: [], small: [] };
  let batch = 0;
  let shapeCount = 0;
  const shape = () => {
    const kind = shapeCount++ % FULL_SHAPE_EVERY === 0 ? "full" : "small";
    if (batches[kind].length === 0) batches[kind] = fc.sample(kind === "full" ? shapes : smallShapes, { seed: (seed + 7919 * batch++) | 0, numRuns: 64 });
    const text = batches[kind].pop();
    return kind === "full" ? { origin: "shape", text } : { origin: "shape", text, budgets: SMALL_BUDGETS };
  };
  const mutate = (text) => {
    let s = text;
    const n = 1 + pick(8);
    for (let k = 0; k < n; k++) {
      const at = pick(s.length + 1);
      switch (pick(8)) {
        case 0: s = s.slice(0, at) + String.fromCharCode(pick(256)) + s.slice(at + 1); break;
        case 1: s = s.slice(0, at) + DICTIONARY[pick(DICTIONARY.length)] + s.slice(at); break;
        case 2: s = s.slice(0, at) + s.slice(at + 1 + pick(64)); break;
        case 3: { const len = pick(200); s = s.slice(0, at) + s.slice(at, at + len).repeat(1 + pick(16)) + s.slice(at); break; }
        case 4: { const other = seeds[pick(seeds.length)]; const from = pick(other.length); s = s.slice(0, at) + other.slice(from, from + pick(400)) + s.slice(at); break; }
        case 5: { const line = s.slice(s.lastIndexOf("\n", at - 1) + 1, (s.indexOf("\n", at) + 1 || s.length + 1) - 1); s = s.slice(0, at) + `${line}\n`.repeat(1 + pick(200)) + s.slice(at); break; }
        case 6: s = s.replace(/\n/g, pick(2) ? "\r\n" : "\n"); break;
        default: s = s.slice(0, at) + "\\" + s.slice(at); break;
      }
      if (s.length > 2_000_000) s = s.slice(0, 2_000_000);
    }
    return s;
  };
  /** A window of up to 40 lines: small inputs keep the throughput up, and still hit every reader path. */
  const window = (text) => {
    const lines = text.split("\n");
    const from = pick(lines.length);
    return lines.slice(from, from + 1 + pick(40)).join("\n");
  };
  // The mix: few shapes (each runs up to a budget, ~10x (small) to ~100x (full size) the cost of a mutant), some whole files, mostly mutated windows.
  return () => {
    const r = pick(100);
    if (r < 3) return shape();
    const base = seeds[pick(seeds.length)];
    if (r < 6) return { origin: "corpus", text: base };
    if (r < 20) return { origin: "mutant", text: mutate(base) };
    return { origin: "mutant", text: mutate(window(base)) };
  };
}

export { checkInput, checkTreeJson, checkWordPatch, parseOutline } from "./fuzz-check.mjs";
