// Whole-process time of `keepalived-lint` on a typical 50-line config, against bare
// `node -e 0` startup. A benchmark, not a test: target under 150 ms (run `npm run build` first).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist/cli/main.js");
const config = join(root, "examples/memcached-three-nodes/node1.conf");
const RUNS = Number(process.env.RUNS ?? 20);
const TARGET_MS = 150;

if (!existsSync(cli)) {
  console.error("bench/cli-small: build first (npx tsc -p tsconfig.build.json)");
  process.exit(2);
}

function median(args) {
  const times = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t = process.hrtime.bigint();
    spawnSync(process.execPath, args, { stdio: "ignore", env: { ...process.env, NO_COLOR: "1" } });
    // The first two runs warm the disk cache.
    if (i >= 2) times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const base = median(["-e", "0"]);
const lintMs = median([cli, config]);
console.log(`node -e 0:                 ${base.toFixed(1)} ms (median of ${RUNS})`);
console.log(`keepalived-lint node1.conf: ${lintMs.toFixed(1)} ms (${(lintMs / base).toFixed(2)}x node startup)`);
console.log(lintMs < TARGET_MS ? `within the ${TARGET_MS} ms target` : `over the ${TARGET_MS} ms target`);
