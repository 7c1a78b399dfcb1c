/**
 * Which keepalived this machine runs: the default target version when neither
 * the command line nor the settings file names one. Asks `keepalived --version`
 * of the first keepalived on PATH, else /usr/sbin/keepalived (read from the
 * binary's own bytes when its banner is there, as it is in every release
 * built from keepalived's source: no process is started for it). Front ends (CLI,
 * language server) call this; the engine only ever gets the version as data.
 *
 * KEEPALIVED_LINT_KEEPALIVED=/path/to/keepalived asks that binary instead;
 * KEEPALIVED_LINT_KEEPALIVED=none skips detection (the newest release applies).
 */
import { accessSync, closeSync, constants, fstatSync, openSync, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { normalizeVersion, type TargetVersion } from "../../grammar/schema/versions.js";
import { elfSection, read } from "./elf.js";

export interface DetectedVersion {
  version: TargetVersion;
  /** The binary asked, e.g. /usr/sbin/keepalived. */
  binary: string;
  /** Its banner, e.g. "Keepalived v2.2.7 (01/16,2022)". */
  banner: string;
  /** Where the banner came from: the binary's bytes, or what `--version` printed. */
  how: "read" | "asked";
}

/** keepalived's version banner ("Keepalived v2.2.7 (01/16,2022)", on stderr) as a release the schema knows. */
export function parseVersionBanner(output: string): TargetVersion | undefined {
  const m = /Keepalived v(\d+\.\d+\.\d+)/i.exec(output);
  return m ? normalizeVersion(m[1]!) : undefined;
}

function executable(path: string): boolean {
  try {
    // Most PATH entries have no keepalived: a stat that returns nothing is cheaper than the exception access() throws.
    // Inside the try: a PATH entry that is a file or a symlink loop makes the stat throw (ENOTDIR, ELOOP).
    if (statSync(path, { throwIfNoEntry: false }) === undefined) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The keepalived binary to ask, if any. */
export function findKeepalived(env: Record<string, string | undefined> = process.env): string | undefined {
  const chosen = env.KEEPALIVED_LINT_KEEPALIVED;
  if (chosen === "none") return undefined;
  if (chosen) return executable(chosen) ? chosen : undefined;
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    const path = dir === "" ? undefined : join(dir, "keepalived");
    if (path !== undefined && executable(path)) return path;
  }
  return executable("/usr/sbin/keepalived") ? "/usr/sbin/keepalived" : undefined;
}

/** The installed keepalived's version; undefined when there is none or it says nothing we can read. Never throws. */
export function detectKeepalivedVersion(env: Record<string, string | undefined> = process.env): DetectedVersion | undefined {
  const binary = findKeepalived(env);
  if (!binary) return undefined;
  // The banner is a string constant of the binary: reading it costs a millisecond, running the binary 30-90 ms of every lint.
  const inBinary = bannerInBinary(binary);
  if (inBinary) return inBinary;
  // keepalived prints its banner on stderr; the timeout guards against a wrapper that waits.
  // node:child_process is loaded only here (a wrapper script): most lints never run anything.
  const r = process.getBuiltinModule("node:child_process").spawnSync(binary, ["--version"], { encoding: "utf8", timeout: 3000, stdio: ["ignore", "pipe", "pipe"] });
  const banner = `${r.stderr ?? ""}${r.stdout ?? ""}`.split("\n").find((l) => /Keepalived v/i.test(l))?.trim() ?? "";
  const version = parseVersionBanner(banner);
  return version ? { version, binary, banner, how: "asked" } : undefined;
}

/** How a detected version is named in --print-config and the editor's log. */
export function detectedFrom(found: DetectedVersion): string {
  return `${found.binary} ${found.how === "read" ? "(its version banner)" : "--version"}: ${found.banner}`;
}

/** Binaries larger than this are not searched (keepalived's is about 1 MB): the version is asked instead. */
const MAX_BINARY_BYTES = 32 * 1024 * 1024;

/** The version banner found in the binary's bytes, e.g. of a wrapper script it is not; never throws. */
function bannerInBinary(binary: string): DetectedVersion | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(binary, "r");
    const size = fstatSync(fd).size;
    if (size > MAX_BINARY_BYTES) return undefined;
    // String constants are in .rodata: a seventh of keepalived's binary. Anything else (a
    // script, a binary that keeps its banner elsewhere) is searched whole.
    const rodata = elfSection(fd, ".rodata");
    const inRodata = rodata && rodata.offset + rodata.size <= size ? bannerIn(read(fd, rodata.offset, rodata.size)) : undefined;
    const banner = inRodata ?? bannerIn(read(fd, 0, size));
    const version = banner === undefined ? undefined : parseVersionBanner(banner);
    return version ? { version, binary, banner: banner!, how: "read" } : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** "Keepalived v2.2.7 (01/16,2022)" as found in `bytes`, if it is there. */
function bannerIn(bytes: Buffer | undefined): string | undefined {
  const at = bytes ? bytes.indexOf("Keepalived v") : -1;
  if (at < 0) return undefined;
  return /^Keepalived v\d+\.\d+\.\d+(?: \([0-9/,]+\))?/.exec(bytes!.toString("latin1", at, at + 80))?.[0];
}
