/**
 * SARIF output validated with a real JSON-Schema validator (ajv, draft-07)
 * against the published SARIF 2.1.0 schema vendored in test/fixtures/sarif/
 * (its source and licence are noted there). GitHub code scanning asks for a
 * little more than the schema (a ruleId, one location, declared base ids);
 * those checks follow the schema run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { examples, repoRoot, runCli, STATE_MASTER, tempTree } from "./helpers.js";

type Json = Record<string, any>;

// ajv-formats is CommonJS: under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const schema = JSON.parse(readFileSync(join(repoRoot, "test/fixtures/sarif/sarif-schema-2.1.0.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function schemaErrors(log: unknown): string[] {
  return validate(log) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? e.keyword}`);
}

/** What GitHub code scanning needs beyond the schema. */
function githubErrors(log: Json): string[] {
  const errors: string[] = [];
  for (const run of log.runs) {
    const rules: Json[] = run.tool.driver.rules ?? [];
    for (const [i, res] of (run.results as Json[]).entries()) {
      if (typeof res.ruleId !== "string") errors.push(`results[${i}] has no ruleId`);
      if (res.ruleIndex !== undefined && rules[res.ruleIndex]?.id !== res.ruleId) errors.push(`results[${i}].ruleIndex points at another rule`);
      if (res.locations?.length !== 1) errors.push(`results[${i}] needs exactly one location`);
      for (const loc of res.locations ?? []) {
        const base = loc.physicalLocation.artifactLocation.uriBaseId;
        if (base !== undefined && !(base in (run.originalUriBaseIds ?? {}))) errors.push(`results[${i}] uses undeclared base ${base}`);
      }
    }
  }
  return errors;
}

function sarifOf(args: string[], cwd: string): { code: number | null; log: Json } {
  const r = runCli(["--no-config", "-f", "sarif", ...args], { cwd });
  expect(r.stderr).toBe("");
  return { code: r.code, log: JSON.parse(r.stdout) };
}

describe("sarif", () => {
  const dir = tempTree({
    "conf/master.conf": STATE_MASTER,
    // Findings inside an included file are reported under that file's path.
    "site/keepalived.conf": "include vrrp.conf\n",
    "site/vrrp.conf": STATE_MASTER,
  });

  it("the schema rejects broken logs (so a pass means something)", () => {
    const { log } = sarifOf(["conf/master.conf"], dir);
    expect(schemaErrors(log)).toEqual([]);
    const broken = structuredClone(log);
    broken.version = "2.0.0";
    broken.runs[0].results[0].level = "fatal";
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    delete broken.runs[0].tool.driver.name;
    expect(schemaErrors(broken)).toEqual(
      expect.arrayContaining([
        "/version must be equal to one of the allowed values",
        "/runs/0/results/0/level must be equal to one of the allowed values",
        "/runs/0/results/0/locations/0/physicalLocation/region/startLine must be >= 1",
        "/runs/0/tool/driver must have required property 'name'",
      ]),
    );
    const badUri = structuredClone(log);
    badUri.runs[0].tool.driver.rules[0].helpUri = "not a uri";
    expect(schemaErrors(badUri)).toEqual(['/runs/0/tool/driver/rules/0/helpUri must match format "uri"']);
  });

  it("a finding with a safe fix: rule page inline, relative location and the fix as a replacement", () => {
    const { code, log } = sarifOf(["conf/master.conf"], dir);
    expect(code).toBe(1);
    expect(schemaErrors(log)).toEqual([]);
    expect(githubErrors(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("keepalived-lint");
    expect(run.columnKind).toBe("utf16CodeUnits");
    const rule = run.tool.driver.rules.find((x: Json) => x.id === "nopreempt-state-master");
    // No repository in package.json: no link (never a file: path into the install directory); the page goes inline.
    expect(rule.helpUri).toBeUndefined();
    expect(rule.help.markdown).toBe(readFileSync(join(repoRoot, "docs/rules/nopreempt-state-master.md"), "utf8"));
    expect(rule.fullDescription.text).toMatch(/^`nopreempt` \(and `preempt_delay`\) only work on instances that start as BACKUP/);
    expect(rule.defaultConfiguration.level).toBe("error");
    expect(run.results).toHaveLength(1);
    const result = run.results[0];
    expect(result).toMatchObject({
      ruleId: "nopreempt-state-master",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "conf/master.conf", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 12 } } }],
    });
    // The fix deletes the `nopreempt` line keepalived ignores: applying the replacement must give that text.
    const [replacement] = result.fixes[0].artifactChanges[0].replacements;
    const { charOffset, charLength } = replacement.deletedRegion;
    const fixed = STATE_MASTER.slice(0, charOffset) + replacement.insertedContent.text + STATE_MASTER.slice(charOffset + charLength);
    expect(fixed).toBe(STATE_MASTER.replace("  nopreempt\n", ""));
    // The suggestion follows as a second proposed fix that says what it changes.
    expect(result.fixes[1].description.text).toMatch(/^suggestion \(changes failover; applied only with --unsafe-fixes\): replace "state MASTER" with "state BACKUP": nopreempt then takes effect/);
    expect(result.fixes[0].artifactChanges[0].artifactLocation).toEqual({ uri: "conf/master.conf", uriBaseId: "%SRCROOT%" });
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe(`file://${dir}/`);
  });

  it("several findings across files, one of them reached through include", () => {
    const { log } = sarifOf(["conf/master.conf", "site/keepalived.conf"], dir);
    expect(schemaErrors(log)).toEqual([]);
    expect(githubErrors(log)).toEqual([]);
    const uris = log.runs[0].results.map((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toEqual(["conf/master.conf", "site/vrrp.conf"]);
  });

  it("files outside the working directory get absolute file URIs; info maps to note", () => {
    const { log } = sarifOf(["--rule", "nopreempt-weighted-tracking:info", `${examples}/node1.conf`], dir);
    expect(schemaErrors(log)).toEqual([]);
    expect(githubErrors(log)).toEqual([]);
    expect(log.runs[0].results[0].level).toBe("note");
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`file://${examples}/node1.conf`);
  });

  it("a clean run is a valid log with no results", () => {
    const { code, log } = sarifOf(["--rule", "nopreempt-state-master:off", "conf/master.conf"], dir);
    expect(code).toBe(0);
    expect(schemaErrors(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
  });
});
