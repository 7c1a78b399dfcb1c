/**
 * What changed between keepalived releases beyond which keywords exist
 * (that is versions.data.ts): values a release reads differently, and checks
 * across keywords. The keyword source history cannot tell these; each was
 * read in keepalived's handlers at the tags around it and is checked against
 * every built keepalived by test/oracle/version-probes.test.ts (`probe`: a
 * small configuration that one side of the change accepts and the other
 * refuses). The rules read the release numbers from here.
 */
import type { Span } from "./versions.js";

export interface ValueForm {
  id: string;
  /** Keyword (context|name) the form belongs to, for hover and `explain`. */
  keyword: string;
  /** The releases that accept the form. */
  accepted: readonly Span[];
  /** Users' words: what the form is and what the other releases do with it. */
  what: string;
  /** A whole configuration (dynamic_interfaces, so no host interface matters) exercising the form: the releases that accept it pass `keepalived -t` (exit 0), the others do not. */
  probe: string;
  /** The line keepalived reports when it refuses the form; 0 when it reports it without a line (validation after parsing). */
  probeLine: number;
  /** The probe names interface kl0, which must exist and be multicast-capable (the test makes a bridge in a network namespace). */
  needsInterface?: boolean;
}

/** A VIP written twice in one instance: "VIP duplicates a VIP" from 2.3.3. */
export const DUPLICATE_VIP_REFUSED = "2.3.3";
/** Flags given a value (`vrrp_strict 1`): ignored before 2.3.0, read as a boolean (and refused unless one) since. */
export const FLAGS_READ_AS_BOOLEANS = "2.3.0";
/** A vrrp_instance with a unicast keyword but no interface: refused before 2.2.8 unless it has unicast peers. */
export const UNICAST_WITHOUT_INTERFACE = "2.2.8";
/** Route lines may start with ip route's add / append / prepend. */
export const ROUTE_ADD_APPEND_PREPEND = "2.2.5";
/** A tracked route without a top-level dev (only nexthop devs) is accepted; before, "cannot track a route without dev". */
export const ROUTE_TRACK_WITHOUT_DEV = "2.3.2";
/** Unicast peers in strict mode: refused by 2.2.4 and from 2.4.0 ("Unicast peers are not supported in strict mode"), accepted in between. */
export const STRICT_UNICAST_ACCEPTED: readonly Span[] = [{ since: "2.2.5", until: "2.4.0" }];
/** Script security refuses a script path through a symlinked directory (check_script_secure stops resolving it first). */
export const SCRIPT_SYMLINK_DIRS_INSECURE = "2.3.0";

const VRRP = (body: string) =>
  `global_defs {\n  dynamic_interfaces\n}\nvrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 51\n  priority 100\n${body}  virtual_ipaddress {\n    192.0.2.1/24\n  }\n}\n`;

export const VALUE_FORMS: readonly ValueForm[] = [
  {
    id: "strict-unicast",
    keyword: "global_defs|vrrp_strict",
    accepted: STRICT_UNICAST_ACCEPTED,
    what: "unicast peers with vrrp_strict: 2.2.4 and 2.4.0 and newer refuse the instance (\"Unicast peers are not supported in strict mode\"); 2.2.5 to 2.3.x accept it",
    probe: "global_defs {\n  vrrp_strict\n}\nvrrp_instance VI_1 {\n  interface kl0\n  state BACKUP\n  virtual_router_id 51\n  priority 100\n  unicast_peer {\n    192.0.2.2\n  }\n  virtual_ipaddress {\n    192.0.2.1/24\n  }\n}\n",
    probeLine: 0,
    needsInterface: true,
  },
  {
    id: "duplicate-vip",
    keyword: "vrrp_instance|virtual_ipaddress",
    accepted: [{ since: "2.0.19", until: DUPLICATE_VIP_REFUSED }],
    what: "the same address twice in one virtual_ipaddress block: 2.3.3 and newer report \"VIP duplicates a VIP\" and fail the configuration test; older releases accept it",
    probe: VRRP("").replace("    192.0.2.1/24\n", "    192.0.2.1/24\n    192.0.2.1/24\n"),
    probeLine: 0,
  },
  {
    id: "umask-symbolic",
    keyword: "global_defs|umask",
    accepted: [{ since: "2.2.8" }],
    what: "umask written with symbolic names (IRWXU|IRGRP …): 2.2.8 and newer read them; older releases report an invalid umask",
    probe: "global_defs {\n  umask IRWXU\n}\n",
    probeLine: 2,
  },
  {
    id: "route-add-append-prepend",
    keyword: "vrrp_instance|virtual_routes",
    accepted: [{ since: "2.2.5" }],
    what: "a route line starting with add, append or prepend (ip route's commands): read from 2.2.5; older releases take the word for the destination",
    probe: VRRP("  virtual_routes {\n    append 198.51.100.0/24 via 192.0.2.254 dev eth0\n  }\n"),
    probeLine: 9,
  },
  {
    id: "script-interval-decimal",
    keyword: "vrrp_script|interval",
    accepted: [{ since: "2.3.2" }],
    what: "vrrp_script interval and timeout with a fraction of a second (1.5): 2.3.2 and newer; older releases read whole seconds and refuse the value",
    probe: "vrrp_script chk {\n  script /bin/true\n  interval 1.5\n}\n",
    probeLine: 3,
  },
  {
    id: "flag-with-value",
    keyword: "global_defs|vrrp_strict",
    accepted: [{ since: "2.0.19", until: FLAGS_READ_AS_BOOLEANS }],
    what: "a flag given a value that is no boolean (vrrp_strict 1): ignored before 2.3.0 (the flag is on); 2.3.0 and newer read on/off/true/false/yes/no and refuse anything else",
    probe: "global_defs {\n  vrrp_strict 1\n}\n",
    probeLine: 2,
  },
];
