// Generates the LVS benchmark configuration: N virtual_servers × M real_servers
// with HTTP_GET checkers (2,000 × 20 ≈ 500,000 lines by default).
// Usage: node bench/gen-lvs.mjs OUT.conf [virtualServers] [realServers]
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

export function generateLvs({ virtualServers = 2000, realServers = 20 } = {}) {
  const out = ["global_defs {", "    router_id LVS_BENCH", "}", ""];
  for (let v = 0; v < virtualServers; v++) {
    const vip = `10.${(v >> 8) & 255}.${v & 255}.1`;
    out.push(
      `virtual_server ${vip} 80 {`,
      "    delay_loop 6",
      "    lb_algo rr",
      "    lb_kind NAT",
      "    persistence_timeout 50",
      "    protocol TCP",
      "",
    );
    for (let r = 0; r < realServers; r++) {
      out.push(
        `    real_server 192.168.${v % 250}.${r + 1} 8080 {`,
        "        weight 1",
        "        HTTP_GET {",
        "            url {",
        "                path /health",
        "                status_code 200",
        "            }",
        "            connect_timeout 3",
        "            retry 3",
        "            delay_before_retry 3",
        "        }",
        "    }",
      );
    }
    out.push("}", "");
  }
  return out.join("\n") + "\n";
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [file, vs, rs] = process.argv.slice(2);
  if (!file) {
    console.error("usage: node bench/gen-lvs.mjs OUT.conf [virtualServers] [realServers]");
    process.exit(2);
  }
  const text = generateLvs({ virtualServers: Number(vs ?? 2000), realServers: Number(rs ?? 20) });
  writeFileSync(file, text);
  console.log(`${file}: ${text.split("\n").length - 1} lines`);
}
