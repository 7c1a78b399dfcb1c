import { memoryFiles } from "../../grammar/files.js";
import { analyze, type Analysis } from "../../src/service/index.js";

export const MAIN = "/etc/keepalived/keepalived.conf";
export const SCRIPTS = "/etc/keepalived/conf.d/scripts.conf";

// Line numbers (0-based, as LSP counts) are noted where tests rely on them.
export const MAIN_TEXT = [
  "include conf.d/*.conf", //                 0
  "vrrp_instance VI_1 {", //                  1
  "  state BACKUP", //                        2
  "  interface eth0", //                      3
  "  virtual_router_id 51", //                4
  "  priority 100", //                        5
  "  track_script {", //                      6
  "    chk_web", //                           7
  "    chk_db weight 5", //                   8
  "  }", //                                   9
  "}", //                                     10
  "vrrp_sync_group G1 {", //                  11
  "  group {", //                             12
  "    VI_1 VI_2", //                         13
  "  }", //                                   14
  "}", //                                     15
  "vrrp_instance VI_2 {", //                  16
  "  state BACKUP", //                        17
  "  interface eth0", //                      18
  "  virtual_router_id 52", //                19
  "  priority 90", //                         20
  "}", //                                     21
  "",
].join("\n");

export const SCRIPTS_TEXT = [
  "vrrp_script chk_web {", //                 0
  '  script "/usr/bin/curl -f http://localhost/"', // 1
  "  weight -20", //                          2
  "}", //                                     3
  "vrrp_script chk_db {", //                  4
  "  script /usr/local/bin/check_db", //      5
  "}", //                                     6
  "",
].join("\n");

export function fixture(overrides: Record<string, string> = {}): Analysis {
  const fs = memoryFiles({ [MAIN]: MAIN_TEXT, [SCRIPTS]: SCRIPTS_TEXT, ...overrides });
  return analyze(fs, MAIN);
}

/** Offset of the `nth` occurrence of `needle` in `text` plus `delta`. */
export function at(text: string, needle: string, delta = 0, nth = 1): number {
  let i = -1;
  for (let k = 0; k < nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" not in text`);
  }
  return i + delta;
}
