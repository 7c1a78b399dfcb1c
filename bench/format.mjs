// Formatter benchmark (issue 9): formatting the generated 500,000-line LVS config next to
// `keepalived -t` reading it. Two inputs: the generator's output (already canonical) and a messy copy
// of it (no indentation, every `{` on a line of its own, doubled blanks between words).
// Whole process each (node start, read, format, write) so the numbers compare with keepalived's:
//  - a script that loads only the formatter (src/formatter) and writes the result;
//  - the real CLI, `keepalived-lint format --write` on a fresh copy (its start-up loads the CLI too).
// Usage: npm run build && node bench/format.mjs [virtualServers] [realServers]
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateLvs } from "./gen-lvs.mjs";

const vs = Number(process.argv[2] ?? 2000);
const rs = Number(process.argv[3] ?? 20);
const dir = mkdtempSync(join(tmpdir(), "kl-format-bench-"));
const canonical = generateLvs({ virtualServers: vs, realServers: rs });
const messy = canonical
  .split("\n")
  .map((l) => l.trim().replace(/ /g, "  ").replace(/\s*\{$/, "\n{"))
  .join("\n");
const files = { canonical: join(dir, "lvs.conf"), messy: join(dir, "lvs-messy.conf") };
writeFileSync(files.canonical, canonical);
writeFileSync(files.messy, messy);
const lines = canonical.split("\n").length - 1;

// BENCH_DIST: another build directory (e.g. tsc --outDir /tmp/x), default ./dist
const distRoot = process.env.BENCH_DIST ? pathToFileURL(join(process.env.BENCH_DIST, "/")) : new URL("../dist/", import.meta.url);
const dist = new URL("src/formatter/index.js", distRoot);
const cli = new URL("src/cli/main.js", distRoot);
if (!existsSync(dist)) {
  console.error("build first: npm run build");
  process.exit(2);
}
const script = join(dir, "format.mjs");
writeFileSync(script, `import { readFileSync, writeFileSync } from "node:fs";
const { format } = await import(${JSON.stringify(dist.href)});
const text = readFileSync(process.argv[2], "utf8");
const t0 = performance.now();
const out = format(text);
const ms = performance.now() - t0;
writeFileSync(process.argv[3], out);
console.log(ms.toFixed(0));
`);

function wall(cmd, args, before = () => {}) {
  before();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  return { secs: Number(process.hrtime.bigint() - t0) / 1e9, stdout: r.stdout, status: r.status };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = Number(process.env.BENCH_RUNS ?? 5);
const keepalived = existsSync("/usr/sbin/keepalived");

console.log(`config: ${lines} lines (${vs} virtual_servers x ${rs} real_servers), median of ${runs} runs`);
let k;
if (keepalived) {
  k = median(Array.from({ length: runs }, () => wall("/usr/sbin/keepalived", ["-t", "-f", files.canonical, "-i", "bench"]).secs));
  console.log(`keepalived -t:                         ${k.toFixed(2)} s`);
}
for (const [name, file] of Object.entries(files)) {
  const rs_ = Array.from({ length: runs }, () => wall(process.execPath, [script, file, join(dir, "out.conf")]));
  const whole = median(rs_.map((r) => r.secs));
  const inner = median(rs_.map((r) => Number(r.stdout.trim())));
  const ratio = k ? `  ratio ours/keepalived ${(whole / k).toFixed(2)} (target <= 1)` : "";
  console.log(`format ${name.padEnd(9)} (whole process): ${whole.toFixed(2)} s (format() alone ${(inner / 1000).toFixed(2)} s)${ratio}`);
}
for (const [name, file] of Object.entries(files)) {
  const copy = join(dir, "cli.conf");
  const whole = median(Array.from({ length: runs }, () => wall(process.execPath, [fileURLToPath(cli), "format", "--write", "--no-config", copy], () => copyFileSync(file, copy)).secs));
  const ratio = k ? `  ratio ours/keepalived ${(whole / k).toFixed(2)}` : "";
  console.log(`CLI format --write ${name.padEnd(9)}:      ${whole.toFixed(2)} s${ratio}`);
}
if (!keepalived) console.log("keepalived not installed: no ratio");
rmSync(dir, { recursive: true, force: true });
