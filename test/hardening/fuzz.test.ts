// The fixed-seed slice of `npm run fuzz` (scripts/fuzz.mjs) on the sources,
// and a replay of every saved fuzz fixture: no throw, no internal error, and
// no runaway work: at most 10 s of CPU time each. `npm run fuzz` saves any input over 2 s as a
// fixture; here the limit only catches a hang or a quadratic blow-up (minutes), because CPU time on a
// loaded machine (GC and compiler threads count too) swings around 2 s for the slowest inputs, and a
// test must give the same verdict every time (speed is for bench/).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { parseText } from "../../grammar/reader.js";
import { storeNodeOf } from "../../grammar/tree.js";
import { patchWords } from "../../grammar/word-patch.js";
import { ByteOut } from "../../src/cli/byte-out.js";
import { TreeJson } from "../../src/cli/tree-json.js";
import { format, formatChanges } from "../../src/formatter/index.js";
import { scrubText } from "../../src/engine/secrets.js";
import { lintText } from "../../src/workspace/lint.js";
import { lintAndFix } from "../../src/workspace/fix.js";
import { applyEdits } from "../../src/engine/fix.js";
// @ts-expect-error: a plain .mjs module shared with the fuzz script
import { checkInput, checkTreeJson, checkWordPatch, inputStream, loadSeeds } from "../../scripts/fuzz-lib.mjs";

const repoRoot = resolve(import.meta.dirname, "../..");
const api = { lintText, format, formatChanges, memoryFiles, parseText, storeNodeOf, TreeJson, ByteOut, patchWords, applyEdits };
const CPU_LIMIT_MS = 10_000;

function cpuMs(f: () => unknown): { ms: number; result: unknown } {
  const c0 = process.cpuUsage();
  const result = f();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, result };
}

describe("fuzzing", () => {
  it("a fixed-seed slice of the fuzzer's inputs (shapes, corpus, mutants) passes", () => {
    const next = inputStream(24, loadSeeds(repoRoot));
    const origins = new Set<string>();
    for (let i = 0; i < 150; i++) {
      const input = next() as { origin: string; text: string; budgets?: object };
      origins.add(input.origin);
      const { ms, result } = cpuMs(() => checkInput(api, input.text, i, input.budgets));
      expect(result, `input #${i} (${input.origin})`).toBeUndefined();
      expect(ms, `input #${i} (${input.origin}, ${input.text.length} chars)`).toBeLessThan(CPU_LIMIT_MS);
      expect(checkTreeJson(api, input.text, input.budgets), `input #${i} (${input.origin})`).toBeUndefined();
      expect(checkWordPatch(api, input.text, i, input.budgets), `input #${i} (${input.origin})`).toBeUndefined();
    }
    expect([...origins].sort()).toEqual(["corpus", "mutant", "shape"]);
  }, 300_000);

  it("a block of many keywords, a third of them deprecated, lints in linear time (the shape of a fuzzed corpus mutant)", () => {
    // The deprecated-keyword rule scanned every sibling for each deprecated keyword: this block took
    // ~20 s of CPU (the fuzzed mutant, 25,000 lines expanded from 2.5 KB, 2.5 s); linear, it takes well under 1 s.
    const text = `virtual_server 10.0.0.1 80 {\n${"  lb_kind DR\n  lb_algo rr\n  protocol TCP\n".repeat(16_000)}}\n`;
    const { ms, result } = cpuMs(() => lintText(text, "/etc/keepalived/keepalived.conf"));
    const findings = (result as { diagnostics: { ruleId: string; message: string }[] }).diagnostics;
    expect(findings.some((d) => d.ruleId === "deprecated-keyword" && d.message.startsWith('"lb_kind" is deprecated'))).toBe(true);
    expect(findings.at(-1)?.message).toMatch(/^\d+ more findings in this file are not shown/);
    expect(ms).toBeLessThan(CPU_LIMIT_MS);
  }, 120_000);

  it("many findings on one place, each with its own message, are deduplicated in linear time (the shape of fuzzed corpus mutants)", () => {
    // A loop body's words all map to where the body is written: 39,000 unknown keywords on one span. Keyed by
    // place, with the messages of a place in a list, deduplication took ~25 s here (five mutants of seed 3, 3 s each).
    const { ms, result } = cpuMs(() => lintText("~SEQ(i,1,3) bogus_same\n~SEQ(i,1,39000) bogus_keyword_$i\n", "/etc/keepalived/keepalived.conf"));
    const findings = (result as { diagnostics: { ruleId: string; message: string; line: number }[] }).diagnostics;
    const unknown = findings.filter((d) => d.ruleId === "unknown-keyword");
    expect(unknown.some((d) => d.message.startsWith('unknown keyword "bogus_keyword_1"'))).toBe(true);
    expect(unknown.some((d) => d.message.startsWith('unknown keyword "bogus_keyword_2"'))).toBe(true);
    // Three equal findings on one place are one.
    expect(unknown.filter((d) => d.message.startsWith('unknown keyword "bogus_same"'))).toHaveLength(1);
    expect(ms).toBeLessThan(CPU_LIMIT_MS);
  }, 120_000);

  it("thousands of distinct secrets are scrubbed from thousands of findings in linear time", () => {
    // An estate of 8,000 instances, each with its own auth_pass (too long: a finding each): a pattern per
    // secret applied to every finding took 26 s at 6,000 instances (found reviewing this change).
    const text = Array.from({ length: 8_000 }, (_, i) => `vrrp_instance V${i} {\n  authentication {\n    auth_pass pw${String(i).padStart(7, "0")}\n  }\n}\n`).join("");
    const { ms, result } = cpuMs(() => lintText(text, "/etc/keepalived/keepalived.conf"));
    const findings = (result as { diagnostics: { ruleId: string; message: string }[] }).diagnostics;
    // The report keeps 2,000 findings a file; every one was scrubbed before the cap.
    expect(findings.filter((d) => d.ruleId === "auth-pass-too-long").length).toBeGreaterThan(500);
    expect(findings.find((d) => /pw\d{7}/.test(d.message))).toBeUndefined();
    expect(ms).toBeLessThan(CPU_LIMIT_MS);
  }, 120_000);

  it("lists of a hundred thousand lines (secrets, tracked scripts) are no internal error, in a lint or a fix", () => {
    // Each was added to a list with push(...list), which overflows the call stack past ~120,000 elements.
    const path = "/etc/keepalived/keepalived.conf";
    const secrets = `vrrp_instance V {\n  authentication {\n${Array.from({ length: 130_000 }, (_, i) => `    auth_pass p${i}\n`).join("")}  }\n}\n`;
    const fixed = lintAndFix(memoryFiles({ [path]: secrets }), path, {}, new Map(), true, () => true);
    expect(fixed.secrets.length).toBe(130_000);
    expect(fixed.result.diagnostics.filter((d) => d.ruleId === "internal-error")).toEqual([]);
    const tracked = `vrrp_script chk {\n  script /bin/true\n}\nvrrp_instance V {\n  track_script {\n${"    chk\n".repeat(130_000)}  }\n}\n`;
    const linted = lintText(tracked, path);
    expect(linted.diagnostics.filter((d) => d.ruleId === "internal-error")).toEqual([]);
    expect(linted.model.instances[0]!.trackers).toHaveLength(130_000);
  }, 120_000);

  it("findings are scrubbed of secrets repeated a thousand times in linear time (the shape of a fuzzed corpus mutant)", () => {
    // A file included a hundred times repeats its auth_pass a hundred times: a pattern compiled per secret,
    // per string, per finding took 5.6 s on that fuzzed input, and minutes here.
    const secrets = Array.from({ length: 20_000 }, () => ({ text: "hunter22" }));
    const { ms, result } = cpuMs(() => Array.from({ length: 2_000 }, (_, i) => scrubText(`auth_pass hunter22 in finding ${i}`, secrets)));
    expect((result as string[])[1999]).toBe("auth_pass <secret of 8 characters> in finding 1999");
    expect(ms).toBeLessThan(CPU_LIMIT_MS);
  }, 120_000);

  const dir = join(repoRoot, "test/fixtures/fuzz");
  const fixtures = readdirSync(dir).filter((f) => f.endsWith(".conf"));
  it.each(fixtures)("fixture %s", (name) => {
    const text = readFileSync(join(dir, name), "latin1");
    for (const i of [0, 1]) {
      const { ms, result } = cpuMs(() => checkInput(api, text, i));
      expect(result).toBeUndefined();
      expect(ms).toBeLessThan(CPU_LIMIT_MS);
    }
    expect(checkTreeJson(api, text)).toBeUndefined();
  });
});
