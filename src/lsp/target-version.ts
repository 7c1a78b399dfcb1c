/**
 * The language server's target keepalived version, as the command line picks
 * it: the editor's `targetVersion` initialization option (like
 * --target-version) wins over .keepalived-lint.json; without either, the
 * keepalived installed here (`keepalived --version`), else the newest release.
 */
import { normalizeVersion, versionExpectation } from "../../grammar/schema/versions.js";
import { detectKeepalivedVersion } from "../node/keepalived-version.js";
import type { AnalyzeOptions } from "../service/analyze.js";

export function targetOptionsOf(setting: unknown, log: (message: string) => void, env: Record<string, string | undefined> = process.env): Pick<AnalyzeOptions, "lintOptions" | "defaultTargetVersion"> {
  if (setting !== undefined) {
    const version = typeof setting === "string" ? normalizeVersion(setting) : undefined;
    if (version !== undefined) return { lintOptions: { targetVersion: version } };
    log(`initializationOptions.targetVersion ${versionExpectation(String(setting))}; ignoring it`);
  }
  const found = detectKeepalivedVersion(env);
  if (found) log(`target keepalived ${found.version} (${found.binary} --version) unless .keepalived-lint.json says otherwise`);
  return found ? { defaultTargetVersion: found.version } : {};
}
