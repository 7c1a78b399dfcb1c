// `npm run bench`: every benchmark in turn (build first: npm run build).
// Each prints its own ratio; run them on an otherwise idle machine.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
let failed = 0;
for (const name of ["parse.mjs", "cli-small.mjs", "lsp-latency.mjs", "format.mjs", "linear.mjs", "big.mjs", "floor.mjs", "alloc.mjs"]) {
  console.log(`\n== bench/${name}`);
  const r = spawnSync(process.execPath, [join(here, name)], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
