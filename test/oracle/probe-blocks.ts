/**
 * Where a keyword of each context can be written on its own: the lines
 * before and after it. {n} makes names and addresses unique, {vrid} a
 * virtual_router_id, {a}.{b} an address. Shared by the schema's value probes
 * and the version probes.
 */
const VS = ["virtual_server 10.{a}.{b}.1 80 {", "  real_server 10.0.2.1 80 {"];
const VS_END = ["  }", "}"];
export const WRAP: Record<string, [string[], string[]]> = {
  global_defs: [["global_defs {"], ["}"]],
  vrrp_instance: [["vrrp_instance X{n} {", "  virtual_router_id {vrid}"], ["}"]],
  vrrp_script: [["vrrp_script S{n} {", "  script /bin/true"], ["}"]],
  bfd_instance: [["bfd_instance B{n} {", "  neighbor_ip 10.0.9.{b}"], ["}"]],
  vrrp_track_process: [["vrrp_track_process P{n} {", "  process foo"], ["}"]],
  track_file: [["track_file F{n} {", "  file /tmp/keepalived-lint-probe-{n}"], ["}"]],
  garp_group: [["garp_group {", "  interface lo"], ["}"]],
  virtual_server: [["virtual_server 10.{a}.{b}.1 80 {"], ["  real_server 10.0.2.1 80 {", "  }", "}"]],
  "virtual_server.real_server": [VS, VS_END],
  "virtual_server.real_server.TCP_CHECK": [[...VS, "    TCP_CHECK {"], ["    }", ...VS_END]],
  "virtual_server.real_server.HTTP_GET": [[...VS, "    HTTP_GET {", "      url {", "        path /", "      }"], ["    }", ...VS_END]],
  "virtual_server.real_server.DNS_CHECK": [[...VS, "    DNS_CHECK {"], ["    }", ...VS_END]],
  "virtual_server.real_server.UDP_CHECK": [[...VS, "    UDP_CHECK {"], ["    }", ...VS_END]],
  "virtual_server.real_server.MISC_CHECK": [[...VS, "    MISC_CHECK {", "      misc_path /bin/true"], ["    }", ...VS_END]],
  "virtual_server.real_server.HTTP_GET.url": [[...VS, "    HTTP_GET {", "      url {", "        path /"], ["      }", "    }", ...VS_END]],
  "vrrp_instance.authentication": [["vrrp_instance A{n} {", "  virtual_router_id {vrid}", "  authentication {"], ["  }", "}"]],
};

