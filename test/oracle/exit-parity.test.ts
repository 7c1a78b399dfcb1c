/**
 * --exit-like-keepalived against the real `keepalived -t` 2.2.7: on every
 * rule's docs examples and a deterministic corpus sample, our verdict
 * (some finding is refusedByKeepalived) must equal keepalived's exit status
 * being non-zero — wherever that status does not depend on this host.
 *
 * keepalived's verdict is host-independent when it printed a message that is
 * not host-dependent (every printed message is a configuration error, so the
 * exit status is non-zero whatever the host), or when it printed nothing
 * host-dependent and validated everything (exit 0 then holds anywhere).
 * Anything else (a missing interface that skips VRRP validation, a missing
 * script or user, a timeout) is left out and counted.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { ALL_RULES } from "../../rules/index.js";
import { nodeFiles } from "../../src/node/files.js";
import { lint } from "../../src/workspace/lint.js";
import { DEFAULT_CONFIG_ID, keepalivedAvailable, runPool, type OracleResult } from "./keepalived.js";
import { removeTrees, writeTree } from "./tempdir.js";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const corpus = path.resolve(repoRoot, "../shared/corpus/keepalived-devel-tools/configs");
const SAMPLES = "/usr/share/doc/keepalived/samples";

afterAll(removeTrees);

type Verdict = "refuses" | "accepts" | "host-dependent";

function keepalivedVerdict(r: OracleResult): Verdict {
  if (r.timedOut || r.crashed || r.refused || r.exitCode === null) return "host-dependent";
  // Some messages leave the exit status at 0 (missing plain includes): the status is the verdict.
  if (r.exitCode === 0) return "accepts";
  if (r.messages.some((m) => !m.hostDependent)) return "refuses";
  return "host-dependent";
}

function ourVerdict(file: string): { refuses: boolean; by: string[] } {
  const r = lint(nodeFiles({ cwd: path.dirname(file) }), [file], { targetVersion: "2.2.7", configId: DEFAULT_CONFIG_ID });
  const by = [...new Set(r.diagnostics.filter((d) => d.refusedByKeepalived).map((d) => d.ruleId))];
  return { refuses: by.length > 0, by };
}

function docExamples(): string[] {
  const files: Record<string, string> = {};
  for (const rule of ALL_RULES) {
    // Cluster rules need several nodes; the template rule's examples are templates, which keepalived never reads unrendered.
    if (rule.checkCluster || rule.meta.id === "template") continue;
    const md = fs.readFileSync(path.join(repoRoot, "docs/rules", `${rule.meta.id}.md`), "utf8");
    for (const heading of ["Incorrect", "Correct"]) {
      const start = md.indexOf(`## ${heading}\n`);
      const next = md.indexOf("\n## ", start + 3);
      const blocks = [...md.slice(start, next < 0 ? undefined : next).matchAll(/```keepalived\n([\s\S]*?)```/g)].map((m) => m[1]);
      blocks.forEach((b, i) => (files[`${rule.meta.id}-${heading}-${i}.conf`] = b.replace(/<NUL>/g, "\0")));
    }
  }
  const dir = writeTree(files);
  return Object.keys(files).map((f) => path.join(dir, f)).sort();
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])).sort();
}

async function compare(files: string[]) {
  const results = await runPool(files, 2, { timeoutMs: 5000 });
  const disagreements: string[] = [];
  let compared = 0;
  let skipped = 0;
  results.forEach((r, i) => {
    const theirs = keepalivedVerdict(r);
    if (theirs === "host-dependent") {
      skipped++;
      return;
    }
    compared++;
    const ours = ourVerdict(files[i]);
    if (ours.refuses !== (theirs === "refuses")) {
      const said = r.messages.filter((m) => !m.hostDependent).map((m) => m.text).slice(0, 3).join(" | ");
      disagreements.push(`${path.basename(files[i])}: keepalived ${theirs} (exit ${r.exitCode}${said ? `: ${said}` : ""}); we ${ours.refuses ? `refuse (${ours.by.join(", ")})` : "accept"}`);
    }
  });
  return { compared, skipped, disagreements };
}

const title = keepalivedAvailable() ? "--exit-like-keepalived agrees with keepalived -t 2.2.7" : "--exit-like-keepalived parity — SKIPPED: keepalived not installed";

describe.skipIf(!keepalivedAvailable())(title, () => {
  test("on every rule's docs examples", async () => {
    const { compared, disagreements } = await compare(docExamples());
    expect(compared).toBeGreaterThan(40);
    expect(disagreements).toEqual([]);
  }, 300_000);

  test.skipIf(!fs.existsSync(SAMPLES))("on keepalived's packaged samples", async () => {
    const files = listFiles(SAMPLES).filter((f) => !f.endsWith(".gz") && !fs.readFileSync(f).includes(0));
    const { compared, disagreements } = await compare(files);
    expect(compared).toBeGreaterThan(5);
    expect(disagreements).toEqual([]);
  }, 300_000);

  test.skipIf(!fs.existsSync(corpus))("on a corpus sample (every 25th file)", async () => {
    const sample = listFiles(corpus).filter((_, i) => i % 25 === 0).filter((f) => !fs.readFileSync(f).includes(0));
    const { compared, disagreements } = await compare(sample);
    expect(compared).toBeGreaterThan(10);
    expect(disagreements).toEqual([]);
  }, 300_000);
});
