/**
 * Sorting keepalived's `-t` messages into coarse kinds and deciding which ones
 * depend on the machine rather than on the configuration text. Everything is
 * decided by regular expressions over the message text, so a message the tables
 * below have never seen still gets a sensible answer ('other', not host-dependent).
 */
import * as path from "node:path";

export type OracleKind =
  | "unknown-keyword"
  | "unexpected-brace"
  | "missing-brace"
  | "extra-brace"
  | "missing-close-brace"
  | "quote"
  | "missing-argument"
  | "value"
  | "extra-parameters"
  | "include"
  | "other";

/**
 * First match wins. Structural messages have fixed texts in lib/parser.c, so
 * they are anchored; 'other' entries come before 'value' to keep preprocessor and
 * missing-setting messages from being mistaken for bad values.
 */
const KIND_RULES: ReadonlyArray<readonly [OracleKind, RegExp]> = [
  ["missing-argument", /^\*\*\* Configuration line starting /],
  ["unknown-keyword", /^Unknown keyword '/],
  ["unexpected-brace", /^Unexpected '\{'/],
  ["missing-brace", /^Missing '\{' at beginning of configuration block/],
  ["extra-brace", /^Extra '\}' found/],
  ["missing-close-brace", /^There are -?\d+ missing '\}'s or extra '\{'s/],
  ["quote", /^Unterminated quote '|^Unmatched quote: '|^String '.*': missing terminating /],
  ["extra-parameters", /^Block \S+ has extra parameters/],
  [
    "include",
    new RegExp(
      [
        /^Config files missing '/,
        /^No config files matched '/,
        /^Some config files missing: /,
        /^Configuration file '.*' (is a directory|is not a regular non-executable file|open problem)/,
        /^chdir\(.*\) error \(/,
        / - no matching file$/,
        /^Error reading config file\(s\)/,
        /^Failed to open configuration file/,
        /^Unable to (read|find) configuration file/,
        /^WARNING, multiple configuration file matches/,
        /^include. not supported/,
      ]
        .map((r) => r.source)
        .join("|"),
    ),
  ],
  // Verdicts of keepalived's entry-line parsers (alloc_route, alloc_rule, alloc_ipaddress in 2.2.7) and of
  // get_realtime_priority: reported with the line like any bad value, though worded as if a setting were missing.
  [
    "value",
    new RegExp(
      [
        /^Rule has no preference specified/,
        /^No action specified for rule/,
        /^(Route|Rule) cannot be tracked if protocol is not RTPROT_KEEPALIVED/,
        /^Route must have a destination/,
        /^Route has trailing nonsense/,
        /^Warning - cannot track route .* with no interface specified/,
        /^Cannot specify address prefix when specifying peer address/,
        /^Cannot specify (scope|label) for IPv6 addresses/,
        /^Cannot specify more than one of table/,
        /real-time priority -?\d+ (greater than maximum|less than minimum)/,
      ]
        .map((r) => r.source)
        .join("|"),
    ),
  ],
  // Preprocessor and "required setting missing" messages: not about a value.
  ["other", /~SEQ|~LST|^Definition |Unknown interface!|not found, ignoring|\b[Nn]o .* set - |\bhas no /],
  [
    "value",
    new RegExp(
      [
        /\b(invalid|negative) number '/,
        /\bnumber '.*' (outside|has too many decimal places)/,
        /\boutside (the )?range\b/i,
        /\bout of range\b/i,
        /\binvalid\b/i,
        /\bnot valid\b/i,
        /\bmalformed\b/i,
        /\bunknown\b/i,
        /\bmust be (between|in|an integer|> ?0|greater|in units|[<>])/i,
        /\bcannot be \+\/-/,
        /\btoo (long|large|many)\b/i,
        /^Truncating /,
        /Can't parse /,
        /\bis not (IPv4|IPv6|multicast)\b/,
        /\bexponential form\b/,
        /\bhas extra characters\b/,
      ]
        .map((r) => r.source)
        .join("|"),
      "i",
    ),
  ],
];

export function classifyKind(text: string): OracleKind {
  for (const [kind, re] of KIND_RULES) if (re.test(text)) return kind;
  return "other";
}

/**
 * Texts whose outcome depends on the machine running keepalived: its network
 * interfaces, kernel and build features, users and script files, routing-table
 * names, and files outside the configuration tree.
 */
const HOST_RULES: readonly RegExp[] = [
  // interfaces as seen through netlink
  /\binterface\b.*\bdoesn'?t exist\b/i,
  /\bNon-existent interface\b/,
  /\bunknown interface \S+ specified for\b/i,
  /\binterface\b.*\b(does not support|already exists)\b/i,
  /\bcannot use a loopback interface\b/i,
  /\bvmacs are only supported on Ethernet\b/,
  /\bCannot find an IP address to use for interface\b/,
  /\bdefault interface must exist\b/,
  /\bnetlink\b/i,
  /\bnamespace\b/i,
  // kernel and build features
  /\bkernel\b/i,
  /\bthis build\b/i,
  /\bnot supported, using nftables\b/,
  // scripts, users and groups
  /\bSECURITY VIOLATION\b/,
  /\bDisabling track script\b/,
  /\bCannot find script\b/i,
  /\bscript_security\b/,
  /\bkeepalived_script\b/,
  /\bdefault user\b/i,
  /\buid\/gid\b/,
  /\bScript user\b/i,
  /\b(user|group) '.*' does not exist\b/i,
  /\binsecure\b/,
  // the file system and /etc lookups
  /\brealpath\b/,
  /\btrack file directory\b/i,
  /\bfilesystem of\b/,
  /\bis not a regular file\b/,
  /\bUnable to initialise track file\b/,
  /\bis not accessible\b/,
  /\bconfig_save_dir\b/,
  /\bkey file '/,
  /\bCannot open config directory\b/,
  /\b(Routing table|Protocol|Scope|VRF) \S+ not found\b/,
  /\berrno\b/,
  // a name (not an address) that DNS could not resolve here
  /^Invalid smtp server (?![\d.:a-fA-F[\]]+ )/,
];

export interface HostContext {
  /** Directory tree the configuration under test lives in. */
  root: string;
  /** Name of this machine; messages that mention it depend on the host. */
  hostname?: string;
}

function isOutside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel.startsWith("..") || path.isAbsolute(rel);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * `file` is the absolute file the message was attributed to. Content read from
 * outside `root` (e.g. `include /etc/keepalived/conf.d/*.conf`) is whatever the
 * host happens to have, so such messages are host-dependent too.
 */
export function isHostDependent(text: string, file: string, ctx: HostContext): boolean {
  if (HOST_RULES.some((re) => re.test(text))) return true;
  if (isOutside(ctx.root, file)) return true;
  if (classifyKind(text) === "include") {
    const quoted = /['"]([^'"]+)['"]/.exec(text)?.[1];
    const target = quoted?.replace(/\/$/, "");
    if (target && path.isAbsolute(target) && isOutside(ctx.root, target)) return true;
  }
  const host = ctx.hostname;
  if (host && host.length >= 3 && new RegExp(`(^|[^\\w.-])${escapeRegExp(host)}($|[^\\w.-])`).test(text)) return true;
  return false;
}
