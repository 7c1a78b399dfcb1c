// Big-configuration benchmark (issue 21): every lint output format, the fix and format
// commands and parse --json on the generated 498,004-line LVS config (4,000 deprecated-keyword
// findings, all fixable), each next to `keepalived -t` reading the same file in the same round.
// Targets: lint formats <= 0.5x keepalived -t and < 250 MB; --fix, --fix-dry-run, format --diff,
// format --write <= 1x and < 400 MB; parse --json <= 1x and < 300 MB. The ratio is taken per
// round (both programs back to back) on wall time and on CPU time (user + system), whose
// median and range are printed: on the shared machine wall time moves with the other load.
// Usage: npm run build && node bench/big.mjs [virtualServers]   (RUNS=3 rounds by default)
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLvs } from "./gen-lvs.mjs";
import { builtCli, keepalivedPath, median, measure, messy, range } from "./measure.mjs";

const cli = builtCli();
const vs = Number(process.argv[2] ?? 2000);
const rounds = Number(process.env.RUNS ?? 3);
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : undefined;
const dir = mkdtempSync(join(tmpdir(), "kl-big-"));
const file = join(dir, "lvs.conf");
const text = generateLvs({ virtualServers: vs });
writeFileSync(file, text);
const messyFile = join(dir, "lvs-messy.conf");
writeFileSync(messyFile, messy(text));
const fresh = (from) => {
  const to = join(dir, "copy.conf");
  copyFileSync(from, to);
  return to;
};

const LINT = { time: 0.5, mb: 250 };
const REWRITE = { time: 1, mb: 400 };
const commands = {
  "lint (stylish)": [() => [file], LINT],
  "lint -f json": [() => ["-f", "json", file], LINT],
  "lint -f compact": [() => ["-f", "compact", file], LINT],
  "lint -f sarif": [() => ["-f", "sarif", file], LINT],
  "lint -f github": [() => ["-f", "github", file], LINT],
  "--fix": [() => ["--fix", fresh(file)], REWRITE],
  "--fix-dry-run": [() => ["--fix-dry-run", file], REWRITE],
  "format --diff": [() => ["format", "--diff", messyFile], REWRITE],
  "format --write": [() => ["format", "--write", fresh(messyFile)], REWRITE],
  "parse --json": [() => ["parse", "--json", file], { time: 1, mb: 300 }],
};
if (!existsSync(keepalivedPath)) {
  console.log("keepalived is not installed: no ratios");
  process.exit(0);
}
console.log(`config: ${text.split("\n").length - 1} lines; ${rounds} rounds, keepalived -t next to each command`);
const k = [];
let failed = 0;
for (const [name, [argsOf, target]] of Object.entries(commands)) {
  if (only && !only.test(name)) continue;
  const wall = [];
  const cpu = [];
  const peaks = [];
  for (let r = 0; r < rounds; r++) {
    const theirs = measure(keepalivedPath, ["-t", "-f", file, "-i", "bench"]);
    const ours = measure(process.execPath, [cli, ...argsOf()]);
    if (ours.status === null || ours.status > 1) {
      console.log(`${name}: exit ${ours.status}: ${ours.stderr.trim().slice(0, 300)}`);
      failed++;
    }
    k.push(theirs);
    wall.push(ours.wall / theirs.wall);
    cpu.push(ours.cpu / theirs.cpu);
    peaks.push(ours.mb);
  }
  const peak = Math.max(...peaks);
  const ok = median(wall) <= target.time && peak < target.mb;
  if (!ok) failed++;
  console.log(
    `${name.padEnd(16)} wall ${median(wall).toFixed(2)}x (${range(wall)}), cpu ${median(cpu).toFixed(2)}x (${range(cpu)}), peak ${peak.toFixed(0)} MB; target <= ${target.time}x, < ${target.mb} MB: ${ok ? "met" : "not met"}`,
  );
}
console.log(`keepalived -t: median wall ${median(k.map((x) => x.wall)).toFixed(2)} s, cpu ${median(k.map((x) => x.cpu)).toFixed(2)} s, peak ${Math.max(...k.map((x) => x.mb)).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
