/**
 * The keepalived binaries the differential tests run, one per release:
 * Debian's 2.2.7 (/usr/sbin/keepalived, or KEEPALIVED_BIN) and the builds of
 * ../shared/keepalived-src/build.sh in ~/.cache/keepalived-oracle/<version>/
 * (KEEPALIVED_ORACLE_DIR), which .ci/run makes. A release whose binary is
 * missing is left out (its tests say SKIPPED).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { KEEPALIVED_BIN } from "./keepalived.js";

export interface OracleBinary {
  /** The release as the schema names it ("2.2.7", "HEAD"). */
  version: string;
  bin: string;
}

export const ORACLE_DIR = process.env.KEEPALIVED_ORACLE_DIR ?? path.join(os.homedir(), ".cache/keepalived-oracle");

/** The builds build.sh can make, by its names ("head" is keepalived's master at the archive's commit). */
export const BUILT_RELEASES: readonly { dir: string; version: string }[] = [
  { dir: "2.2.4", version: "2.2.4" },
  { dir: "2.2.8", version: "2.2.8" },
  { dir: "2.3.4", version: "2.3.4" },
  { dir: "2.4.3", version: "2.4.3" },
  { dir: "head", version: "HEAD" },
];

function executable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What a binary says it is ("2.2.7"), from `keepalived --version`. */
export function versionOf(bin: string): string | undefined {
  const r = spawnSync(bin, ["--version"], { encoding: "utf8", timeout: 5000 });
  return /Keepalived v(\d+\.\d+\.\d+)/.exec(`${r.stderr}${r.stdout}`)?.[1];
}

/** Every keepalived binary present, oldest release first. */
export function oracleBinaries(): OracleBinary[] {
  const out: OracleBinary[] = [];
  for (const b of BUILT_RELEASES) {
    const bin = path.join(ORACLE_DIR, b.dir, "keepalived");
    if (executable(bin)) out.push({ version: b.version, bin });
  }
  if (executable(KEEPALIVED_BIN) && versionOf(KEEPALIVED_BIN) === "2.2.7") out.push({ version: "2.2.7", bin: KEEPALIVED_BIN });
  const order = (v: string) => (v === "HEAD" ? [99, 0, 0] : v.split(".").map(Number));
  return out.sort((a, b) => {
    const x = order(a.version), y = order(b.version);
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
}
