// Doubling benchmark (issue 21): every command must be linear in the input and in the number
// of findings. Each command runs on a generated LVS config of N and of 2N virtual servers
// (findings double with them: two deprecated keywords per virtual server) and on a tiny one
// (Node's start and loading); the ratio of what the input costs beyond the tiny run,
// (T(2N) - T0) / (T(N) - T0), must stay <= 2.2. Quadratic paths of the past gave 4 and more:
// code frames splitting the file per finding, a line LCS between the first and last change,
// applyEdits re-slicing the text per fix. Rounds are interleaved and the ratio is taken per
// round (CPU time, user + system).
// Usage: npm run build && node bench/linear.mjs [N virtual servers, default 100 = 24,904 lines]  (ONLY=regex: only the commands it matches)
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateLvs } from "./gen-lvs.mjs";
import { builtCli, median, measure, messy, range } from "./measure.mjs";

const cli = builtCli();
const n = Number(process.argv[2] ?? 100);
const rounds = Number(process.env.RUNS ?? 3);
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : undefined;
const LIMIT = 2.2;
const dir = mkdtempSync(join(tmpdir(), "kl-linear-"));
const sizes = { tiny: 1, n, twice: 2 * n };
const files = {};
for (const [name, vs] of Object.entries(sizes)) {
  const text = generateLvs({ virtualServers: vs });
  writeFileSync((files[name] = join(dir, `${name}.conf`)), text);
  writeFileSync((files[`${name}-messy`] = join(dir, `${name}-messy.conf`)), messy(text));
}

// Each command is a function of the size's files; --fix and format --write get a fresh copy.
const fresh = (from) => {
  const to = `${from}.copy.conf`;
  copyFileSync(from, to);
  return to;
};
const commands = {
  "lint (stylish)": (s) => [files[s]],
  "lint -f json": (s) => ["-f", "json", files[s]],
  "lint -f compact": (s) => ["-f", "compact", files[s]],
  "lint -f sarif": (s) => ["-f", "sarif", files[s]],
  "lint -f github": (s) => ["-f", "github", files[s]],
  "--fix-dry-run": (s) => ["--fix-dry-run", files[s]],
  "--fix": (s) => ["--fix", fresh(files[s])],
  "format --diff": (s) => ["format", "--diff", files[`${s}-messy`]],
  "format --write": (s) => ["format", "--write", fresh(files[`${s}-messy`])],
  "parse --json": (s) => ["parse", "--json", files[s]],
};

let failed = 0;
console.log(`sizes: ${sizes.n} and ${sizes.twice} virtual servers (~${sizes.n * 249} and ~${sizes.twice * 249} lines), ${rounds} interleaved rounds; ratio = (T(2N)-T0)/(T(N)-T0), CPU time`);
for (const [name, argsOf] of Object.entries(commands)) {
  if (only && !only.test(name)) continue;
  const ratios = [];
  const peaks = [];
  for (let r = 0; r < rounds; r++) {
    const t = {};
    for (const s of ["tiny", "n", "twice"]) {
      const m = measure(process.execPath, [cli, ...argsOf(s)]);
      if (m.status === null || m.status > 1) {
        console.log(`${name}: exit ${m.status} on the ${s} config: ${m.stderr.trim().slice(0, 300)}`);
        failed++;
      }
      t[s] = m.cpu;
      if (s === "twice") peaks.push(m.mb);
    }
    ratios.push((t.twice - t.tiny) / Math.max(0.01, t.n - t.tiny));
  }
  const med = median(ratios);
  if (med > LIMIT) failed++;
  console.log(`${name.padEnd(16)} ratio ${med.toFixed(2)} (rounds ${range(ratios)}) ${med <= LIMIT ? "ok" : `OVER ${LIMIT}`}; peak at 2N ${Math.max(...peaks).toFixed(0)} MB`);
}
rmSync(dir, { recursive: true, force: true });
process.exit(failed > 0 ? 1 : 0);
