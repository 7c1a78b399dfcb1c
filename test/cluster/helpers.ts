import { memoryFiles } from "../../grammar/files.js";
import { lintCluster } from "../../src/workspace/lint.js";
import type { LintOptions } from "../../src/engine/linter.js";

/** One vrrp_instance; the options fill in the usual settings. */
export function node(o: {
  priority?: number; state?: "MASTER" | "BACKUP"; nopreempt?: boolean; weight?: number | null; vrid?: number;
  vips?: string[]; advert?: string; src?: string; peers?: string[]; extra?: string; scriptWeight?: number;
}): string {
  const lines = [
    "vrrp_script chk {",
    '  script "/usr/bin/test -f /tmp/ok"',
    "  interval 1",
    ...(o.scriptWeight !== undefined ? [`  weight ${o.scriptWeight}`] : []),
    "}",
    "vrrp_instance VI {",
    `  state ${o.state ?? "BACKUP"}`,
    ...(o.nopreempt ? ["  nopreempt"] : []),
    "  interface eth0",
    `  virtual_router_id ${o.vrid ?? 51}`,
    ...(o.priority !== undefined ? [`  priority ${o.priority}`] : []),
    ...(o.advert ? [`  advert_int ${o.advert}`] : []),
    ...(o.src ? [`  unicast_src_ip ${o.src}`] : []),
    ...(o.peers ? ["  unicast_peer {", ...o.peers.map((p) => `    ${p}`), "  }"] : []),
    "  virtual_ipaddress {",
    ...(o.vips ?? ["10.0.0.100/24"]).map((v) => `    ${v}`),
    "  }",
    ...(o.weight === null ? [] : ["  track_script {", `    chk${o.weight !== undefined ? ` weight ${o.weight}` : ""}`, "  }"]),
    ...(o.extra ? [o.extra] : []),
    "}",
  ];
  return lines.join("\n") + "\n";
}

export function cluster(texts: string[], options: LintOptions = {}) {
  const files = texts.map((_, i) => `n${i + 1}.conf`);
  const fs = memoryFiles(Object.fromEntries(texts.map((t, i) => [`/c/n${i + 1}.conf`, t])), "/c");
  return lintCluster(fs, files, files.map((f) => `/c/${f}`), options);
}
