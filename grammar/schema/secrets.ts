/**
 * Which keyword arguments are secrets: reports, hovers and every output
 * format give their length, never their characters (findings end up in CI
 * logs, code-scanning alerts and editor hovers). keepalived has no SNMP
 * community or SMTP credential keywords; these are all it has.
 */

/** "context keyword" → index of the first secret argument (later ones are secret too). */
const SECRET_ARGUMENTS: Readonly<Record<string, number>> = {
  // VRRPv2 simple password (vrrp_parser.c vrrp_auth_pass_handler).
  "vrrp_instance.authentication auth_pass": 0,
  // VRRP HMAC keys: `key <id> <value>` (2.4.0 and newer).
  "vrrp_instance.auth_hmac key": 1,
  // The SSL checker's private-key password.
  "SSL password": 0,
};

/** The keywords of SECRET_ARGUMENTS: every other line is passed over without making its key (this runs per line). */
const SECRET_KEYWORDS = new Set(Object.keys(SECRET_ARGUMENTS).map((k) => k.slice(k.indexOf(" ") + 1)));

/** The keywords that may have secret arguments (a walk hands only these lines to secretsOfLine). */
export function secretKeywords(): ReadonlySet<string> {
  return SECRET_KEYWORDS;
}

/** Index of the first secret argument of `name` in `context`, or undefined when it has none. */
export function secretArgument(context: string, name: string): number | undefined {
  return SECRET_KEYWORDS.has(name) ? SECRET_ARGUMENTS[`${context} ${name}`] : undefined;
}
