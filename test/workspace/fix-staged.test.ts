/**
 * --fix's staged lint (lintForFixing: the fixable rules first, the others
 * only when those change nothing) against a whole lint per pass: the same
 * fixed texts and the same final findings, on a sample of the corpus, safe
 * and unsafe fixes, and on the case the staging must not get wrong (a
 * disable directive of a rule that is not fixable).
 */
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { memoryFiles } from "../../grammar/files.js";
import { patchWords } from "../../grammar/word-patch.js";
import { readerOptionsOf } from "../../src/engine/linter.js";
import type { LintOptions } from "../../src/engine/linter.js";
import { nodeFiles } from "../../src/node/files.js";
import { fixLoop, type FixOutcome } from "../../src/workspace/fix.js";
import { lint, lintForFixing } from "../../src/workspace/lint.js";
import type { FileAccess } from "../../grammar/files.js";

const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus/keepalived-devel-tools/configs");

/** What a --fix run ends with: the texts, and the final findings as they are reported. */
function outcome(o: FixOutcome): unknown {
  return {
    texts: [...o.texts].sort(),
    findings: o.result.diagnostics.map((d) => [d.ruleId, d.file, d.start, d.end, d.severity, d.message, d.fix?.edits.map((e) => [e.start, e.end, e.text])]),
  };
}

/**
 * --fix with a whole lint per pass, each reading the texts, and with the staged lint, whose passes
 * patch the parse before when its fixes only renamed words (grammar/word-patch.ts): `patched`
 * counts those passes (a patch is what the staged lint then reads).
 */
function both(fs: FileAccess, path: string, options: LintOptions, unsafe: boolean) {
  const whole = fixLoop((t) => lint(fs, [path], options, t), new Map(), true, () => true, unsafe);
  let patched = 0;
  const staged = fixLoop(
    (t, before) => {
      const last = before();
      if (last && patchWords(last.parsed, last.changes, readerOptionsOf(options))) patched++;
      return lintForFixing(fs, [path], options, unsafe, t, () => last);
    },
    new Map(), true, () => true, unsafe,
  );
  return { whole, staged, patched };
}

describe("--fix's staged lint", () => {
  it.skipIf(!existsSync(CORPUS))("fixes what a whole lint per pass fixes and reports what it reports, on every eighth corpus file", () => {
    const fs = nodeFiles();
    const files = readdirSync(CORPUS).filter((f) => f.endsWith(".conf")).sort().filter((_, i) => i % 8 === 0);
    let fixed = 0;
    let patchedPasses = 0;
    for (const f of files) {
      for (const unsafe of [false, true]) {
        const { whole, staged, patched } = both(fs, join(CORPUS, f), { targetVersion: "2.2.7" }, unsafe);
        expect(outcome(staged), `${f}${unsafe ? " (unsafe)" : ""}`).toEqual(outcome(whole));
        if (whole.originals.size > 0) fixed++;
        patchedPasses += patched;
      }
    }
    // The sample must hold files that --fix changes, and passes read by patching, or the comparison says little.
    expect(fixed).toBeGreaterThan(20);
    expect(patchedPasses).toBeGreaterThan(10);
  });

  it("renames deprecated keywords in a second pass read by patching the first pass's parse, as reading it gives", () => {
    const vs = (n: number) => `virtual_server 10.0.0.${n} 80 {\n  lb_algo rr\n  lb_kind NAT\n  protocol TCP\n  real_server 10.0.1.${n} 80 {\n    weight 1\n  }\n}\n`;
    // A finding after the renames that the patch must move (a real server without a health check), and one before.
    const text = `global_defs {\n  router_id lb1\n}\n${vs(1)}${vs(2)}${vs(3)}`;
    const fs = memoryFiles({ "/k/keepalived.conf": text });
    const { whole, staged, patched } = both(fs, "/k/keepalived.conf", {}, false);
    expect(patched).toBe(1);
    expect(outcome(staged)).toEqual(outcome(whole));
    expect(staged.texts.get("/k/keepalived.conf")).toBe(text.replaceAll("lb_algo", "lvs_sched").replaceAll("lb_kind", "lvs_method"));
    expect(staged.result.diagnostics.map((d) => d.ruleId)).toContain("real-server-without-checker");
  });

  it("leaves a used disable directive of a rule that is not fixable alone, with unused directives reported and fixed", () => {
    // invalid-value (not fixable) is disabled on its line; duplicate-keyword's fix removes a repeated line.
    const text = "vrrp_instance VI_1 {\n  state BACKUP\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  priority 300 # keepalived-lint disable-line invalid-value\n}\n";
    const fs = memoryFiles({ "/k/keepalived.conf": text });
    const { whole, staged } = both(fs, "/k/keepalived.conf", { reportUnusedDisableDirectives: true }, false);
    expect(outcome(staged)).toEqual(outcome(whole));
    const after = staged.texts.get("/k/keepalived.conf")!;
    expect(after).toContain("# keepalived-lint disable-line invalid-value");
    expect(after.match(/state BACKUP/g)).toHaveLength(1);
  });

  it("with --unsafe-fixes, applies the suggestions of rules that have no fix, as a whole lint does", () => {
    // unicast-peer-self (suggestions only): the instance lists its own unicast_src_ip as a peer.
    const text = "vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  priority 100\n  unicast_src_ip 10.0.0.1\n  unicast_peer {\n    10.0.0.1\n    10.0.0.2\n  }\n}\n";
    const fs = memoryFiles({ "/k/keepalived.conf": text });
    const { whole, staged } = both(fs, "/k/keepalived.conf", {}, true);
    expect(outcome(staged)).toEqual(outcome(whole));
    expect(staged.texts.get("/k/keepalived.conf")).toBe(text.replace("    10.0.0.1\n", ""));
  });
});

