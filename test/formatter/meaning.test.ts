// Proof of meaning: formatting must not change what keepalived reads.
//  1. typed AST projection (names, contexts, words, blocks, definitions) before and after, on every sample
//     and corpus file;
//  2. the real `keepalived -t` prints the same messages for the original and the formatted copy (locations
//     and the temp directory normalised: formatting moves lines, not meaning), on every sample and corpus
//     file that formatting changes (FORMAT_ORACLE_STEP=n: every n-th of them only, for quick local runs).
// Files are read as Latin-1 (one char per byte) so every byte survives the round trip to disk.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { format } from "../../src/formatter/index.js";
import { keepalivedAvailable, runPool, KEEPALIVED_BIN } from "../oracle/keepalived.js";
import { CONFIG_ID, CORPUS_DIR, corpusFiles, projection, readBytes, relativeName, SAMPLES_DIR, sampleFiles } from "./helpers.js";

const samples = sampleFiles();
const corpus = corpusFiles();

describe("formatting keeps the typed AST", () => {
  it("finds the keepalived samples", () => {
    if (samples.length === 0) console.warn(`skipped: no keepalived samples in ${SAMPLES_DIR}`);
    else expect(samples.length).toBeGreaterThan(10);
  });

  it.each(samples.map((f) => [path.basename(f), f]))("sample %s", (_name, file) => {
    const text = readBytes(file);
    const formatted = format(text);
    expect(projection(formatted)).toEqual(projection(text));
    expect(format(formatted)).toBe(formatted);
  });

  it.skipIf(corpus.length === 0)("every corpus file", { timeout: 600_000 }, () => {
    const changedMeaning: string[] = [];
    const notIdempotent: string[] = [];
    let reformatted = 0;
    for (const file of corpus) {
      const text = readBytes(file);
      const formatted = format(text);
      if (formatted !== text) reformatted++;
      if (JSON.stringify(projection(formatted)) !== JSON.stringify(projection(text))) changedMeaning.push(relativeName(file));
      if (format(formatted) !== formatted) notIdempotent.push(relativeName(file));
    }
    expect(changedMeaning).toEqual([]);
    expect(notIdempotent).toEqual([]);
    // the corpus is written in many styles: a formatter that changes nothing proves nothing
    expect(reformatted).toBeGreaterThan(corpus.length / 2);
  });
  if (corpus.length === 0) it("corpus", () => console.warn(`skipped: corpus absent (${CORPUS_DIR})`));
});

/**
 * The files keepalived has to read, one per distinct content. A file that
 * formatting leaves as it is reads the same, unless it includes another file
 * (which may have changed); copies of one text read the same, unless they
 * include files (relative paths differ). So unchanged files and repeated
 * copies without the word `include` are left out.
 */
function filesToRun<T extends { file: string }>(files: T[]): T[] {
  const seen = new Set<string>();
  return files.filter(({ file }) => {
    const text = readBytes(file);
    if (text.includes("include")) return true;
    if (format(text) === text || seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/** FORMAT_ORACLE_STEP=n: every n-th file only (deterministic). */
function stepped<T>(items: T[]): T[] {
  const step = Math.max(1, Math.floor(Number(process.env.FORMAT_ORACLE_STEP ?? 1)) || 1);
  return items.filter((_, i) => i % step === 0);
}

describe.skipIf(!keepalivedAvailable())("formatting keeps what keepalived -t prints", () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
  });

  /** Copies of the samples and the whole corpus (includes are relative), original and formatted. */
  function copyTree(formatted: boolean): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "ka-format-")));
    roots.push(root);
    const put = (src: string, rel: string) => {
      const dest = path.join(root, rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      const text = readBytes(src);
      fs.writeFileSync(dest, formatted ? format(text) : text, "latin1");
    };
    for (const f of samples) put(f, path.join("samples", path.relative(SAMPLES_DIR, f)));
    for (const f of corpus) put(f, path.join("corpus", path.relative(CORPUS_DIR, f)));
    return root;
  }

  function normalise(raw: string, root: string): string[] {
    return raw
      .split("\n")
      .filter((l) => l.trim() !== "")
      // formatting moves lines, and a final newline decides whether keepalived prints a location at EOF
      .map((l) => l.split(root).join("<root>").replace(/^\((?:[^()]*: )?Line \d+\) /, ""));
  }

  // every sample and corpus file (about 1,000): some 1,800 runs of keepalived -t at ~0.1 s of CPU each
  it("same messages for the original and the formatted copy", { timeout: 900_000 }, async () => {
    const started = Date.now();
    const all = [
      ...samples.map((f) => ({ file: f, rel: path.join("samples", path.relative(SAMPLES_DIR, f)) })),
      ...corpus.map((f) => ({ file: f, rel: path.join("corpus", path.relative(CORPUS_DIR, f)) })),
    ];
    const needed = filesToRun(all);
    const checked = stepped(needed);
    const rels = checked.map((f) => f.rel);
    const a = copyTree(false);
    const b = copyTree(true);
    // a hang (2 corpus files) waits for the timeout; under load some files take seconds (1173.conf took over 5 s)
    const opts = { configId: CONFIG_ID, timeoutMs: 10_000 };
    // more runs than CPUs: part of each run is process start-up and namespace set-up, and a hang only waits
    const workers = Math.max(4, Math.min(8, 2 * os.availableParallelism()));
    // one pool for both copies: original and formatted run side by side, no wait between the halves
    const runs = await runPool(rels.flatMap((r) => [path.join(a, r), path.join(b, r)]), workers, opts);
    const before = runs.filter((_, i) => i % 2 === 0);
    const after = runs.filter((_, i) => i % 2 === 1);
    const differ: string[] = [];
    const hung: string[] = [];
    let compared = 0;
    rels.forEach((rel, i) => {
      // a hang is keepalived's behaviour on that file, not something to compare
      if (before[i].timedOut || after[i].timedOut) {
        hung.push(rel);
        return;
      }
      compared++;
      const x = normalise(before[i].raw, a);
      const y = normalise(after[i].raw, b);
      if (JSON.stringify(x) !== JSON.stringify(y) || before[i].exitCode !== after[i].exitCode) {
        differ.push(`${rel}\n  before: ${x.join("\n          ")}\n  after:  ${y.join("\n          ")}`);
      }
    });
    console.info(
      `keepalived -t (${KEEPALIVED_BIN}) on ${compared} files ×2 in ${((Date.now() - started) / 1000).toFixed(1)}s; ` +
        `${all.length - needed.length} files left out (unchanged by formatting, or a copy of another, and including nothing); ` +
        `timed out: ${hung.join(", ") || "none"}`,
    );
    // most files are written in some other style: if few were left to check, the selection is broken
    expect(needed.length).toBeGreaterThan(all.length / 2);
    expect(compared).toBeGreaterThan(rels.length / 2);
    expect(differ).toEqual([]);
  });
});
