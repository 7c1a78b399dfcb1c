/**
 * Facts about `keepalived -t` that are not in the generated keyword table:
 * which deprecated keywords it counts as configuration errors (exit 5). The
 * others are only logged at run time (lvs_process_name, vrrp_track_file, …).
 * Source: report_config_error() calls with "deprecated" texts in keepalived
 * (check_http.c, global_parser.c, vrrp_parser.c); verified with 2.2.7 for
 * nb_get_retry.
 */
const REPORTED_DEPRECATIONS = new Set(["nb_get_retry", "vrrp_vmac_garp_intvl", "vmac_garp_intvl", "global_tracking", "linkbeat_use_polling", "lvs_sync_daemon_interface"]);

/** Does `keepalived -t` exit non-zero because this deprecated keyword is used? */
export function configTestRefusesDeprecated(context: string, name: string): boolean {
  // lvs_sync_daemon_interface is deprecated only inside a vrrp_instance.
  return REPORTED_DEPRECATIONS.has(name) && (name !== "lvs_sync_daemon_interface" || context === "vrrp_instance");
}
