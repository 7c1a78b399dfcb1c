// Shared by the benchmarks of issue 21: whole-process CPU time, wall time and peak RSS of a
// command, taken from GNU time (user+system CPU counts 10 ms steps; it moves less than wall
// time on the shared 2-core machine, where other processes take turns with ours).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

export const hasTime = existsSync("/usr/bin/time");
export const keepalivedPath = "/usr/sbin/keepalived";

/** Runs `cmd args` (stdout to /dev/null unless `stdout` is set); returns { cpu, wall, mb, status }. */
export function measure(cmd, args, { stdout = "ignore", stdin } = {}) {
  const t0 = process.hrtime.bigint();
  const r = hasTime
    ? spawnSync("/usr/bin/time", ["-f", "%U %S %M", cmd, ...args], { stdio: [stdin ?? "ignore", stdout, "pipe"], encoding: "utf8", maxBuffer: 1 << 26 })
    : spawnSync(cmd, args, { stdio: [stdin ?? "ignore", stdout, "pipe"], encoding: "utf8", maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (!hasTime) return { cpu: wall, wall, mb: NaN, status: r.status, stderr: r.stderr };
  const last = r.stderr.trim().split("\n").pop() ?? "";
  const [u, s, kb] = last.trim().split(/\s+/).map(Number);
  return { cpu: u + s, wall, mb: kb / 1024, status: r.status, stderr: r.stderr.slice(0, -last.length - 1) };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const range = (xs) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)}`;

/** The package's bin (dist/cli/main.cjs; BENCH_CLI: another build's, to compare), or exit 2 when not built. */
export function builtCli() {
  const cli = process.env.BENCH_CLI ?? new URL("../dist/cli/main.cjs", import.meta.url).pathname;
  if (!existsSync(cli)) {
    console.error("build first: npm run build");
    process.exit(2);
  }
  return cli;
}

/** A messy copy of a config for the formatter: no indentation, doubled blanks between words. */
export function messy(text) {
  return text
    .split("\n")
    .map((l) => l.trim().replace(/ /g, "  "))
    .join("\n");
}

export function readText(path) {
  return readFileSync(path, "utf8");
}
