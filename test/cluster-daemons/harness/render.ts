import type { NodeEnv, NodeTemplate } from "./types.js";

export const DEFAULT_TRACK = "main";

/**
 * Renders a one-instance keepalived.conf for a node template. Scripts must
 * pass keepalived 2.2.7's script security (it silently drops scripts
 * otherwise), hence enable_script_security + script_user root.
 */
export function renderNodeConfig(t: NodeTemplate, env: NodeEnv): string {
  const lines: string[] = [];
  lines.push(`! keepalived-lint cluster harness: node ${env.name}`);
  lines.push("global_defs {", `  router_id ${env.name}`, "  enable_script_security", "  script_user root", "}", "");
  for (const c of t.checks ?? []) {
    lines.push(`vrrp_script chk_${c.track} {`);
    lines.push(`  script "/usr/bin/test -f ${env.flagFile(c.track)}"`);
    lines.push("  interval 1", "  fall 1", "  rise 1");
    if (c.weight !== undefined && !c.weightOnTracker) lines.push(`  weight ${c.weight}`);
    lines.push("}", "");
  }
  lines.push("vrrp_instance VI_1 {");
  lines.push(`  state ${t.state ?? "BACKUP"}`);
  if (t.nopreempt) lines.push("  nopreempt");
  lines.push(`  interface ${env.iface}`);
  lines.push(`  virtual_router_id ${t.virtualRouterId ?? 51}`);
  lines.push(`  priority ${t.priority}`);
  lines.push(`  advert_int ${t.advertInt ?? 1}`);
  if ((t.transport ?? "unicast") === "unicast") {
    lines.push(`  unicast_src_ip ${env.selfIp}`);
    lines.push("  unicast_peer {", ...env.peerIps.map((ip) => `    ${ip}`), "  }");
  }
  lines.push("  virtual_ipaddress {", `    ${env.vip}/${env.prefixLength} dev ${env.iface}`, "  }");
  if (t.checks?.length) {
    lines.push("  track_script {");
    for (const c of t.checks) {
      const w = c.weightOnTracker && c.weight !== undefined ? ` weight ${c.weight}` : "";
      lines.push(`    chk_${c.track}${w}`);
    }
    lines.push("  }");
  }
  lines.push("}", "");
  return lines.join("\n");
}

/** Tracks (flag files) a template uses. */
export function templateTracks(t: NodeTemplate): string[] {
  return (t.checks ?? []).map((c) => c.track);
}
