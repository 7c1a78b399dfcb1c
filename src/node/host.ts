/**
 * This host's short name, keepalived's default config id (`@name` lines).
 * keepalived takes uname()'s node name; on Linux that is the kernel's
 * hostname file, read here without loading node:os (a few ms of every start).
 * The front ends read it and hand it to the workspace as data.
 */
import { readFileSync } from "node:fs";

export function hostName(): string {
  let name: string;
  try {
    name = readFileSync("/proc/sys/kernel/hostname", "utf8").trim();
  } catch {
    name = (process.getBuiltinModule("node:os") as typeof import("node:os")).hostname();
  }
  return name.split(".")[0];
}
