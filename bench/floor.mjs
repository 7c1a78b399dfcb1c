// How fast can a lint of the big file be in Node on this machine? Issue 21 asks every lint
// format for ≤ 0.5× `keepalived -t` and `--fix` for ≤ 1×. This benchmark measures, as whole
// processes in the same rounds as `keepalived -t` on the 498,004-line LVS file, what a lint
// is made of, each stage including the ones before it:
//   node -e 0         Node's own start
//   scan              Node reads the file, decodes it as the CLI does (latin1 for ASCII) and
//                     finds every word and line: what any reader written in JavaScript does
//                     at least, with nothing kept but the word starts
//   read              the reader (the package's "./reader" export, as bench/parse.mjs)
//   read + model      the reader and the model of instances, scripts and virtual servers (and
//                     loading the library, ~30 ms, which every later stage does too)
//   lint, idle rule   the engine with one rule that does nothing: read, model, walk, findings finished
//   lint, every rule  the same through the library: every rule, no report
//   lint -f json      the command line: its own bundle and code cache, every rule, the report
// and prints each as a share of `keepalived -t` and of the 0.5× budget.
// Usage: npm run build && node bench/floor.mjs   (RUNS=n rounds, default 5)
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLvs } from "./gen-lvs.mjs";
import { builtCli, keepalivedPath, median, measure, range } from "./measure.mjs";

const cli = builtCli();
if (!existsSync(keepalivedPath)) {
  console.log(`bench/floor: ${keepalivedPath} is missing (apt-get install keepalived): no budget to measure against`);
  process.exit(0);
}
const rounds = Number(process.env.RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), "kl-floor-"));
const file = join(dir, "lvs.conf");
writeFileSync(file, generateLvs({ virtualServers: 2000 }));

const exported = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).exports;
const entry = (name) => JSON.stringify(new URL(join("..", exported[name].import), import.meta.url).href);
const script = join(dir, "stage.mjs");
// Each stage ends on a count from its work (exit 0 only when it is not zero), so none of the work can be skipped.
writeFileSync(
  script,
  `import { readFileSync } from "node:fs";
const [stage, file] = process.argv.slice(2);
let seen = 0;
if (stage === "scan") {
  const bytes = readFileSync(file);
  const text = bytes.toString("latin1");
  const starts = new Int32Array(bytes.length >> 1);
  let words = 0, inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 32 || c === 9) inWord = false;
    else if (!inWord) { inWord = true; starts[words++] = i; }
  }
  seen = words;
} else {
  // A rule whose line handler does nothing: the engine's walk over every line runs as for real rules.
  const idle = { meta: { id: "idle", severity: "info", category: "schema", description: "does nothing", fixable: false }, create: () => ({ line() {} }) };
  // The reader alone loads only the reader, as bench/parse.mjs (the lower bound); the later stages load the library.
  const [{ readConfig }, { nodeFiles }, api] = await Promise.all([import(${entry("./reader")}), import(${entry("./node")}), stage === "read" ? undefined : import(${entry(".")})]);
  if (stage === "read") seen = readConfig(nodeFiles(), [file]).ast.children.length;
  else if (stage === "model") seen = api.buildModel(readConfig(nodeFiles(), [file]).ast).virtualServers.length;
  else if (stage === "idle") seen = api.lint(nodeFiles(), [file], { ruleSet: [idle] }).ast.children.length;
  else seen = api.lint(nodeFiles(), [file]).diagnostics.length;
}
process.exit(seen > 0 ? 0 : 1);
`,
);

const stages = {
  "node -e 0": [process.execPath, ["-e", "0"]],
  scan: [process.execPath, [script, "scan", file]],
  read: [process.execPath, [script, "read", file]],
  "read + model": [process.execPath, [script, "model", file]],
  "lint, idle rule": [process.execPath, [script, "idle", file]],
  "lint, every rule": [process.execPath, [script, "all", file]],
  "lint -f json": [process.execPath, [cli, "-f", "json", file]],
};
const keepalived = [];
const runs = Object.fromEntries(Object.keys(stages).map((k) => [k, []]));
for (let i = 0; i < rounds; i++) {
  keepalived.push(measure(keepalivedPath, ["-t", "-f", file, "-i", "bench"]));
  for (const [name, [cmd, args]] of Object.entries(stages)) {
    const r = measure(cmd, args);
    // The lint exits 1: the file has findings.
    if (r.status !== 0 && !(name === "lint -f json" && r.status === 1)) throw new Error(`bench/floor: ${name} exited ${r.status}: ${r.stderr}`);
    runs[name].push(r);
  }
}
const k = median(keepalived.map((r) => r.wall));
console.log(`498,004-line LVS file, ${rounds} rounds; keepalived -t: ${(k * 1000).toFixed(0)} ms wall (median)`);
console.log(`stage                 wall ms   × keepalived -t (per-round range)   CPU ms`);
const ratioOf = (name) => median(runs[name].map((r, i) => r.wall / keepalived[i].wall));
for (const name of Object.keys(stages)) {
  const ratios = runs[name].map((r, i) => r.wall / keepalived[i].wall);
  const wall = median(runs[name].map((r) => r.wall)) * 1000;
  const cpu = median(runs[name].map((r) => r.cpu)) * 1000;
  console.log(`${name.padEnd(20)} ${wall.toFixed(0).padStart(7)}   ${median(ratios).toFixed(2)} (${range(ratios)})`.padEnd(58) + cpu.toFixed(0).padStart(8));
}
// The lint target's budget, and what of it the stages before the rules already take.
const budget = 0.5;
console.log(`\nthe lint target, ${budget}× keepalived -t, is ${((budget * k) * 1000).toFixed(0)} ms for the whole process.`);
console.log(`  Node's start and a bare scan of the file take ${(100 * ratioOf("scan") / budget).toFixed(0)}% of it; the reader alone ${(100 * ratioOf("read") / budget).toFixed(0)}%; the reader and the model ${(100 * ratioOf("read + model") / budget).toFixed(0)}%.`);
console.log(`  The rules add ${(ratioOf("lint, every rule") - ratioOf("lint, idle rule")).toFixed(2)}× keepalived -t to a lint whose one rule does nothing (${ratioOf("lint, idle rule").toFixed(2)}×).`);
console.log(`--fix lints the fixed text (it reports what is left), so it costs at least a lint: ${ratioOf("lint -f json").toFixed(2)}× against its target of 1×.`);
rmSync(dir, { recursive: true, force: true });
