#!/usr/bin/env node
// npm run fuzz -- [--count N] [--time SECONDS] [--seed N] [--jobs N] [--out DIR]
//
// Feeds the built package (npm run build first) corpus files, keepalived's
// samples, byte-level mutations of them and generated shapes (scripts/fuzz-lib.mjs).
// Each input runs in a worker process (--jobs of them side by side, default 1;
// the stream of inputs is the same whatever the number) with a 512 MB heap and
// a watchdog: processes, not worker threads, because a thread's
// process.cpuUsage() counts its siblings' time too (Node 20 has no per-thread
// figure), which would call inputs slow for their neighbours. An input that
// throws, takes over 2 s of CPU time, or runs out of heap is saved under test/fixtures/fuzz/
// (replayed by test/hardening/fuzz.test.ts) and counted as a failure; one derived from a corpus file
// or a sample goes to test/fixtures/fuzz/derived/ (git-ignored: that text is keepalived's, GPL-2.0).
// Prints the throughput every 30 s and a summary; exit 1 when anything failed.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fork } from "node:child_process";
import { checkInput, checkTreeJson, checkWordPatch } from "./fuzz-check.mjs";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SLOW_MS = 2000;
const HEAP_MB = 512;
const WORKER_ENV = "KEEPALIVED_LINT_FUZZ_WORKER";
/**
 * A worker that has not answered by then is stuck: it is killed and the input
 * saved as a hang. Wall time, so generous: on a loaded machine at nice 19 an
 * input of 1 s of CPU can take 20 s.
 */
const WATCHDOG_MS = 180_000;

if (process.env[WORKER_ENV]) {
  const lib = await import(join(repoRoot, "dist/lib/index.js"));
  // parse --json's writer from the unbundled build (its storeNodeOf knows the views of its own reader).
  const { parseText } = await import(join(repoRoot, "dist/grammar/reader.js"));
  const { storeNodeOf } = await import(join(repoRoot, "dist/grammar/tree.js"));
  const { TreeJson } = await import(join(repoRoot, "dist/src/cli/tree-json.js"));
  const { ByteOut } = await import(join(repoRoot, "dist/src/cli/byte-out.js"));
  const { patchWords } = await import(join(repoRoot, "dist/grammar/word-patch.js"));
  const api = { lintText: lib.lintText, format: lib.format, formatChanges: lib.formatChanges, memoryFiles: lib.memoryFiles, parseText, storeNodeOf, TreeJson, ByteOut, patchWords, applyEdits: lib.applyEdits };
  process.send({ ready: true });
  process.on("message", ({ text, i, budgets }) => {
    // CPU time, not wall time: on a shared machine the wall clock measures the neighbours.
    const c0 = process.cpuUsage();
    const failure = checkInput(api, text, i, budgets);
    const c = process.cpuUsage(c0);
    // parse --json's and --fix's word patch's checks after the clock: their own objects and JSON are not the linter's time.
    process.send({ failure: failure ?? checkTreeJson(api, text, budgets) ?? checkWordPatch(api, text, i, budgets), ms: (c.user + c.system) / 1000, heapMb: process.memoryUsage().heapUsed / 1048576 });
  });
} else {
  await main();
}

function parseArgs(argv) {
  const o = { count: Infinity, time: Infinity, seed: 24, jobs: 1, out: join(repoRoot, "test/fixtures/fuzz") };
  for (let k = 0; k < argv.length; k++) {
    const v = argv[k + 1];
    if (argv[k] === "--count") (o.count = Number(v)), k++;
    else if (argv[k] === "--time") (o.time = Number(v)), k++;
    else if (argv[k] === "--seed") (o.seed = Number(v)), k++;
    else if (argv[k] === "--jobs") (o.jobs = Number(v)), k++;
    else if (argv[k] === "--out") (o.out = resolve(v)), k++;
    else throw new Error(`unknown argument ${argv[k]} (expected --count N, --time SECONDS, --seed N, --jobs N, --out DIR)`);
  }
  if (!(Number.isInteger(o.jobs) && o.jobs >= 1)) throw new Error(`--jobs takes a whole number of workers, at least 1 (got ${o.jobs})`);
  if (o.count === Infinity && o.time === Infinity) o.count = 10_000;
  return o;
}

async function main() {
  const { inputStream, loadSeeds } = await import("./fuzz-lib.mjs");
  const opts = parseArgs(process.argv.slice(2));
  const seeds = loadSeeds(repoRoot);
  const next = inputStream(opts.seed, seeds);
  console.log(`fuzz: seed ${opts.seed}, ${seeds.length} corpus texts, ${opts.jobs} worker${opts.jobs > 1 ? "s" : ""}, ${opts.count === Infinity ? "" : `${opts.count} inputs `}${opts.time === Infinity ? "" : `for ${opts.time} s`}`);
  const start = Date.now();
  const counts = { inputs: 0, failures: 0, shape: 0, corpus: 0, mutant: 0, bytes: 0 };
  let issued = 0;
  let lastReport = start;
  const record = (input, i, r) => {
    counts.inputs++;
    counts[input.origin]++;
    counts.bytes += input.text.length;
    let failure = r.failure;
    if (!failure && r.ms > SLOW_MS) failure = `slow: ${Math.round(r.ms)} ms of CPU`;
    if (!failure && r.heapMb > HEAP_MB) failure = `memory: ${Math.round(r.heapMb)} MB heap`;
    if (failure) {
      counts.failures++;
      const kind = failure.split(":")[0].replace(/[^a-z-]/g, "");
      const name = `${kind}-${createHash("sha256").update(input.text).digest("hex").slice(0, 12)}.conf`;
      // Corpus files and their mutants are keepalived's GPL-2.0 text: they go to an ignored folder, to be
      // reduced to a reproduction of our own before anything is committed (test/fixtures/fuzz/README.md).
      const dir = input.origin === "shape" ? opts.out : join(opts.out, "derived");
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), input.text, "latin1");
      const budgets = input.budgets ? `, budgets ${JSON.stringify(input.budgets)}` : "";
      const note = input.origin === "shape" ? "" : " (derived from the corpus or keepalived's samples: write a reproduction of your own to commit)";
      console.log(`FAIL #${i} (${input.origin}, ${input.text.length} chars${budgets}): ${failure}\n  saved ${join(dir, name)}${note}`);
    }
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      report(counts, start);
    }
  };
  // Each worker takes the stream's next input when it is free: inputs are drawn in one order, whatever --jobs is.
  const lane = async () => {
    let worker = await spawn();
    while (issued < opts.count && Date.now() - start < opts.time * 1000) {
      const i = issued++;
      const input = next();
      const r = await run(worker, input, i);
      record(input, i, r);
      if (r.dead) worker = await spawn();
    }
    worker.kill();
  };
  await Promise.all(Array.from({ length: opts.jobs }, lane));
  report(counts, start);
  process.exit(counts.failures > 0 ? 1 : 0);
}

function report(c, start) {
  const s = (Date.now() - start) / 1000;
  console.log(`fuzz: ${c.inputs} inputs (${c.shape} shapes, ${c.corpus} corpus, ${c.mutant} mutants; ${(c.bytes / 1e6).toFixed(1)} MB) in ${s.toFixed(0)} s, ${(c.inputs / s).toFixed(0)} inputs/s, ${c.failures} failures`);
}

/** A worker process that has loaded the package (the watchdog runs per input, not over the loading). */
function spawn() {
  const worker = fork(fileURLToPath(import.meta.url), [], {
    execArgv: [`--max-old-space-size=${HEAP_MB + 64}`],
    env: { ...process.env, [WORKER_ENV]: "1" },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  // V8's last words on an exhausted heap go to stderr; keep the tail to tell that death from others.
  worker.stderrTail = "";
  worker.stderr.on("data", (d) => (worker.stderrTail = (worker.stderrTail + d).slice(-4000)));
  // A send to a worker that just died fails with an error event; its exit event tells the story.
  worker.on("error", () => {});
  return new Promise((resolveReady, rejectReady) => {
    worker.once("message", () => resolveReady(worker));
    worker.once("exit", (code) => rejectReady(new Error(`fuzz worker exited (${code}) while loading: ${worker.stderrTail}`)));
  });
}

/** One input in the worker; a crash (out of heap) or a hang is a failure and costs the worker. */
function run(worker, { text, budgets }, i) {
  return new Promise((resolveRun) => {
    const done = (r) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("exit", onExit);
      resolveRun(r);
    };
    const onMessage = (m) => done(m);
    const onExit = (code, signal) => {
      const oom = /heap out of memory|Allocation failed/i.test(worker.stderrTail);
      done({ failure: oom ? `memory: out of the ${HEAP_MB} MB heap` : `worker died (${signal ?? `exit ${code}`}): ${worker.stderrTail.trim().split("\n").slice(-3).join(" | ")}`, dead: true });
    };
    const timer = setTimeout(() => {
      worker.off("exit", onExit);
      worker.kill("SIGKILL");
      done({ failure: `hang: no answer in ${WATCHDOG_MS} ms`, dead: true });
    }, WATCHDOG_MS);
    worker.on("message", onMessage);
    worker.on("exit", onExit);
    worker.send({ text, i, budgets });
  });
}
