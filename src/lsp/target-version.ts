/**
 * The language server's default target: the keepalived installed where the
 * server runs (`keepalived --version`), below the editor's `targetVersion`
 * setting and the project's .keepalived-lint.json, as the command line does.
 */
import { detectKeepalivedVersion, detectedFrom } from "../node/keepalived-version.js";
import type { SettingsSource } from "../workspace/settings.js";

export function installedKeepalived(log: (message: string) => void, env: Record<string, string | undefined> = process.env): NonNullable<SettingsSource["installedKeepalived"]> {
  let asked = false;
  let found: ReturnType<typeof detectKeepalivedVersion>;
  return () => {
    if (!asked) {
      asked = true;
      found = detectKeepalivedVersion(env);
      if (found) log(`target keepalived ${found.version} (${found.binary} --version) where no setting names one`);
    }
    return found && { version: found.version, from: detectedFrom(found) };
  };
}
