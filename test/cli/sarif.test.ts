/**
 * SARIF 2.1.0 output checked against the parts of the OASIS schema and of
 * GitHub code scanning's requirements that matter for a linter's log. The
 * official schema file is not shipped by any package already in the tree and
 * there is no network at test time, so this is a focused structural validator
 * rather than a JSON-schema run.
 */
import { describe, expect, it } from "vitest";
import { examples, runCli, STATE_MASTER, tempTree } from "./helpers.js";

type Json = Record<string, unknown>;

const LEVELS = new Set(["none", "note", "warning", "error"]);

function validateSarif(log: Json): string[] {
  const errors: string[] = [];
  const check = (ok: boolean, msg: string) => {
    if (!ok) errors.push(msg);
  };
  const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
  const isInt = (v: unknown, min: number) => Number.isInteger(v) && (v as number) >= min;
  const isAbsUri = (v: unknown) => typeof v === "string" && /^[a-z][a-z0-9+.-]*:/i.test(v) && URL.canParse(v);
  check(log.version === "2.1.0", "version must be 2.1.0");
  check(typeof log.$schema === "string" && isAbsUri(log.$schema), "$schema must be an absolute URI");
  check(Array.isArray(log.runs), "runs must be an array");
  for (const [ri, run] of ((log.runs as unknown[]) ?? []).entries()) {
    if (!isObj(run)) {
      errors.push(`runs[${ri}] must be an object`);
      continue;
    }
    const driver = (run.tool as Json | undefined)?.driver as Json | undefined;
    check(isObj(driver), `runs[${ri}].tool.driver is required`);
    check(typeof driver?.name === "string" && driver.name !== "", "tool.driver.name is required");
    if (driver?.informationUri !== undefined) check(isAbsUri(driver.informationUri), "tool.driver.informationUri must be an absolute URI");
    const rules = (driver?.rules as Json[] | undefined) ?? [];
    check(Array.isArray(rules), "tool.driver.rules must be an array");
    const ids = new Set<string>();
    for (const [i, rule] of rules.entries()) {
      check(typeof rule.id === "string" && rule.id !== "", `rules[${i}].id is required`);
      check(!ids.has(rule.id as string), `rules[${i}].id ${String(rule.id)} is duplicated`);
      ids.add(rule.id as string);
      if (rule.helpUri !== undefined) check(isAbsUri(rule.helpUri), `rules[${i}].helpUri must be an absolute URI`);
      if (rule.shortDescription !== undefined) check(typeof (rule.shortDescription as Json).text === "string", `rules[${i}].shortDescription.text is required`);
      const level = (rule.defaultConfiguration as Json | undefined)?.level;
      if (level !== undefined) check(LEVELS.has(level as string), `rules[${i}].defaultConfiguration.level is invalid`);
    }
    const bases = (run.originalUriBaseIds as Record<string, Json> | undefined) ?? {};
    for (const [name, loc] of Object.entries(bases)) {
      check(isAbsUri(loc.uri) && String(loc.uri).endsWith("/"), `originalUriBaseIds.${name}.uri must be an absolute URI ending in /`);
    }
    check(Array.isArray(run.results), `runs[${ri}].results must be an array`);
    for (const [i, res] of ((run.results as Json[]) ?? []).entries()) {
      const at = `results[${i}]`;
      check(typeof (res.message as Json | undefined)?.text === "string", `${at}.message.text is required`);
      check(LEVELS.has(res.level as string), `${at}.level is invalid`);
      check(typeof res.ruleId === "string", `${at}.ruleId is required (GitHub)`);
      if (res.ruleIndex !== undefined) check(isInt(res.ruleIndex, 0) && rules[res.ruleIndex as number]?.id === res.ruleId, `${at}.ruleIndex must point at its rule`);
      const locs = res.locations as Json[] | undefined;
      check(Array.isArray(locs) && locs.length >= 1, `${at}.locations must have one location (GitHub)`);
      for (const loc of locs ?? []) {
        const phys = loc.physicalLocation as Json | undefined;
        const art = phys?.artifactLocation as Json | undefined;
        check(typeof art?.uri === "string" && art.uri !== "", `${at} artifactLocation.uri is required`);
        if (art?.uriBaseId !== undefined) {
          check(typeof art.uriBaseId === "string" && art.uriBaseId in bases, `${at} uriBaseId must be declared in originalUriBaseIds`);
          check(!/^[a-z]+:/i.test(String(art.uri)) && !String(art.uri).startsWith("/"), `${at} a uri with a uriBaseId must be relative`);
        } else check(isAbsUri(art?.uri), `${at} artifactLocation.uri without uriBaseId must be absolute`);
        const region = phys?.region as Json | undefined;
        check(isObj(region), `${at} region is required`);
        check(isInt(region?.startLine, 1), `${at} region.startLine must be >= 1`);
        for (const k of ["startColumn", "endLine", "endColumn"]) if (region?.[k] !== undefined) check(isInt(region[k], 1), `${at} region.${k} must be >= 1`);
        if (region && isInt(region.endLine, 1)) check((region.endLine as number) >= (region.startLine as number), `${at} endLine before startLine`);
        if (region && region.endLine === region.startLine && region.endColumn !== undefined) check((region.endColumn as number) >= (region.startColumn as number), `${at} endColumn before startColumn`);
      }
    }
  }
  return errors;
}

describe("sarif", () => {
  const dir = tempTree({ "conf/master.conf": STATE_MASTER });

  it("the validator catches broken logs (so a pass means something)", () => {
    expect(validateSarif({ version: "2.0.0", runs: [{ tool: { driver: {} }, results: [{ level: "fatal", locations: [] }] }] })).toEqual(
      expect.arrayContaining(["version must be 2.1.0", "tool.driver.name is required", "results[0].level is invalid", "results[0].locations must have one location (GitHub)"]),
    );
  });

  it("produces a valid SARIF 2.1.0 log with rules, help links and relative locations", () => {
    const r = runCli(["-f", "sarif", "conf/master.conf"], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("keepalived-lint");
    const rule = run.tool.driver.rules.find((x: Json) => x.id === "nopreempt-state-master");
    expect(rule.helpUri).toMatch(/docs\/rules\/nopreempt-state-master\.md$/);
    expect(rule.defaultConfiguration.level).toBe("error");
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      ruleId: "nopreempt-state-master",
      level: "error",
      locations: [{ physicalLocation: { artifactLocation: { uri: "conf/master.conf", uriBaseId: "%SRCROOT%" }, region: { startLine: 3, startColumn: 3, endLine: 3, endColumn: 12 } } }],
    });
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe(`file://${dir}/`);
  });

  it("files outside the working directory get absolute file URIs; info maps to note", () => {
    const r = runCli(["-f", "sarif", "--rule", "nopreempt-weighted-tracking:info", `${examples}/node1.conf`], { cwd: dir });
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0].results[0].level).toBe("note");
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`file://${examples}/node1.conf`);
  });

  it("a clean run is a valid log with no results", () => {
    const r = runCli(["-f", "sarif", "--rule", "nopreempt-state-master:off", "conf/master.conf"], { cwd: dir });
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(validateSarif(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
  });
});
