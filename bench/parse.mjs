// Parse benchmark (issue 2): whole-process parse of the 500,000-line LVS config
// next to `keepalived -t` reading the same file, in one run, as ratios.
// Usage: npm run build && node bench/parse.mjs [virtualServers] [realServers]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLvs } from "./gen-lvs.mjs";

const vs = Number(process.argv[2] ?? 2000);
const rs = Number(process.argv[3] ?? 20);
const dir = mkdtempSync(join(tmpdir(), "kl-bench-"));
const file = join(dir, "lvs.conf");
const text = generateLvs({ virtualServers: vs, realServers: rs });
writeFileSync(file, text);
const lines = text.split("\n").length - 1;

// Wall time from our clock (GNU time's %e counts in 10 ms steps); peak RSS from GNU time's %M.
function measure(cmd, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", cmd, ...args], { encoding: "utf8" });
  const secs = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = Number((r.stderr.trim().split("\n").pop() ?? "").trim());
  return { secs, mb: kb / 1024, status: r.status };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The reader entry (keepalived-lint/reader) parses without loading rules or formatter.
// With "walk", every node and word object is also made (what a full lint touches):
// the AST's objects are built from its compact store on first access (grammar/tree.ts).
const script = join(dir, "parse.mjs");
// The package's "./reader" and "./node" exports, as `import "keepalived-lint/reader"` loads them.
const exported = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).exports;
const entry = (name) => JSON.stringify(new URL(join("..", exported[name].import), import.meta.url).href);
writeFileSync(script, `const [{ readConfig }, { nodeFiles }] = await Promise.all([import(${entry("./reader")}), import(${entry("./node")})]);
// Read as the command line reads files: through its FileAccess over the disk.
const r = readConfig(nodeFiles(), [process.argv[2]]);
if (r.ast.children.length === 0 || r.diagnostics.length > 0) process.exit(1);
if (process.argv[3] === "walk") {
  let words = 0;
  const walk = (nodes) => { for (const n of nodes) { words += n.args.length + (n.name ? 1 : 0); walk(n.children); } };
  walk(r.ast.children);
  if (words === 0) process.exit(1);
}
`);

if (!existsSync("/usr/bin/time")) console.log("note: /usr/bin/time is missing (apt-get install time); peak memory is not measured");
// On a shared machine the speed of both programs drifts by tens of percent from minute to
// minute, so each round runs them back to back and the ratio is taken per round: the median
// of those ratios is the result, and their range shows how much the machine moved.
const runs = Number(process.env.RUNS ?? 9);
const ours = [];
const walked = [];
const theirs = [];
let keepalived = existsSync("/usr/sbin/keepalived");
for (let i = 0; i < runs; i++) {
  ours.push(measure(process.execPath, [script, file]));
  if (keepalived) theirs.push(measure("/usr/sbin/keepalived", ["-t", "-f", file, "-i", "bench"]));
  walked.push(measure(process.execPath, [script, file, "walk"]));
}
const o = { secs: median(ours.map((x) => x.secs)), mb: Math.max(...ours.map((x) => x.mb)) };
console.log(`config: ${lines} lines (${vs} virtual_servers x ${rs} real_servers), median of ${runs} runs`);
const w = { secs: median(walked.map((x) => x.secs)), mb: Math.max(...walked.map((x) => x.mb)) };
if (ours.some((x) => x.status !== 0)) console.log("warning: a parse run failed (exit status != 0)");
console.log(`keepalived-lint parse (whole process): ${o.secs.toFixed(2)} s, peak ${o.mb.toFixed(0)} MB`);
console.log(`  + every AST object made:             ${w.secs.toFixed(2)} s, peak ${w.mb.toFixed(0)} MB`);
if (keepalived) {
  const k = { secs: median(theirs.map((x) => x.secs)), mb: Math.max(...theirs.map((x) => x.mb)) };
  const ratios = ours.map((x, i) => x.secs / theirs[i].secs);
  const walkedRatios = walked.map((x, i) => x.secs / theirs[i].secs);
  const range = (xs) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;
  console.log(`keepalived -t:                         ${k.secs.toFixed(2)} s, peak ${k.mb.toFixed(0)} MB`);
  console.log(`ratio time ours/keepalived: ${median(ratios).toFixed(2)} (target <= 0.4; per-round range ${range(ratios)}); peak memory ${o.mb.toFixed(0)} MB (target < 400 MB)`);
  console.log(`ratio with every AST object made: ${median(walkedRatios).toFixed(2)} (range ${range(walkedRatios)})`);
} else {
  console.log("keepalived not installed: no ratio");
}
rmSync(dir, { recursive: true, force: true });

