// What a lint allocates (issue 21): the generated 498,004-line LVS config linted in this
// process (`-f json`, as the command line does it) under V8's sampling heap profiler, with the
// objects the garbage collector has already freed counted too. Unlike seconds, bytes do not
// move with the other load of a shared machine, so this is the measure to compare two builds
// by when the time benchmarks drown in noise; what a lint makes per line lives to its end,
// and the collector's work grows with it. Prints the total and the sites that allocate most.
// Usage: npm run build && node bench/alloc.mjs [virtualServers] [sites]   (BENCH_ROOT: another build's checkout)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateLvs } from "./gen-lvs.mjs";

const root = process.env.BENCH_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), "..");
const vs = Number(process.argv[2] ?? 2000);
const sites = Number(process.argv[3] ?? 15);
// A repository of its own (a .git directory): the owner search reads only this file's tree.
const dir = mkdtempSync(join(tmpdir(), "kl-alloc-"));
mkdirSync(join(dir, ".git"));
const file = join(dir, "lvs.conf");
writeFileSync(file, generateLvs({ virtualServers: vs }));

const { run } = await import(pathToFileURL(join(root, "dist/src/cli/run.js")).href);
const lint = () => run(["-f", "json", file], { stdout() {}, stderr() {}, readStdin: async () => "", env: {}, cwd: dir, stdoutIsTTY: false });
// Once without the profiler: modules load and functions compile before the measured lint.
await lint();

const session = new Session();
session.connect();
await session.post("HeapProfiler.enable");
await session.post("HeapProfiler.startSampling", { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const code = await lint();
const { profile } = await session.post("HeapProfiler.stopSampling");
session.disconnect();
rmSync(dir, { recursive: true, force: true });

// Bytes by allocating function and its caller (file:line of each).
const where = (n) => `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/dist/").pop()}:${n.callFrame.lineNumber + 1}`;
const bySite = new Map();
let total = 0;
const visit = (node, caller) => {
  if (node.selfSize > 0) {
    const site = caller ? `${where(node)} < ${caller}` : where(node);
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    total += node.selfSize;
  }
  for (const child of node.children) visit(child, where(node));
};
visit(profile.head, undefined);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(`lint -f json of ${vs} virtual servers (exit ${code}): ${mb(total)} allocated, sampled every 16 KB`);
for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, sites)) console.log(`  ${mb(bytes).padStart(9)}  ${site}`);
