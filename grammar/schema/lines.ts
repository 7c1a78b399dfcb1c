/**
 * Entry-line grammars of value blocks (virtual_ipaddress, virtual_routes,
 * track_script, unicast_peer, …): one line's words in, named fields with the
 * index of the word they came from out, plus the problems keepalived would
 * report for that line. Follows keepalived's own line parsers (alloc_ipaddress,
 * alloc_route, alloc_rule, vrrp_track.c, alloc_vsg_entry); what those accept
 * and reject is what is accepted and rejected here.
 */
import { ROUTE_ADD_APPEND_PREPEND, ROUTE_TRACK_WITHOUT_DEV } from "./changes.js";
import { isBefore, NEWEST_RELEASE, type TargetVersion } from "./versions.js";
import { parseIp, parseIpPrefix, type Family } from "./ip.js";
import { readDecimal, readInt, readUnsigned, scaled, type NumberRead } from "./numbers.js";

/** One word of the line that a field was read from. */
export interface Field {
  /** Index of the word in the line (0 = first word of the entry). */
  index: number;
  text: string;
  /** Numbers: the value read. */
  value?: number;
}

export interface LineProblem {
  index: number;
  message: string;
  severity: "error" | "warning";
}

export interface EntryLine {
  /** Which grammar read the line. */
  grammar: LineGrammarName;
  /** Named parts, e.g. track_script → name, weight, reverse; address → address, dev, scope, label, … */
  fields: Record<string, Field>;
  /** Lists (group members, e-mail addresses, interfaces): one Field per name. */
  names?: Field[];
  /** Address family the line's addresses imply (addresses, routes, rules, peers, group entries). */
  family?: Family;
  errors: LineProblem[];
}

export type LineGrammarName =
  | "address" | "route" | "rule" | "unicast_peer" | "track_interface" | "tracker"
  | "names" | "linkbeat_interface" | "up_down_delay" | "vsg_entry";

interface Word {
  text: string;
}

const GRAMMAR_OF: Record<string, LineGrammarName> = {
  "vrrp_instance.virtual_ipaddress": "address",
  "vrrp_instance.virtual_ipaddress_excluded": "address",
  static_ipaddress: "address",
  "vrrp_instance.virtual_routes": "route",
  static_routes: "route",
  "vrrp_instance.virtual_rules": "rule",
  static_rules: "rule",
  "vrrp_instance.unicast_peer": "unicast_peer",
  "vrrp_instance.track_interface": "track_interface",
  "vrrp_sync_group.track_interface": "track_interface",
  "vrrp_instance.track_script": "tracker",
  "vrrp_instance.track_file": "tracker",
  "vrrp_instance.track_process": "tracker",
  "vrrp_instance.track_bfd": "tracker",
  "vrrp_sync_group.track_script": "tracker",
  "vrrp_sync_group.track_file": "tracker",
  "vrrp_sync_group.track_process": "tracker",
  "vrrp_sync_group.track_bfd": "tracker",
  "vrrp_sync_group.group": "names",
  "track_group.group": "names",
  "garp_group.interfaces": "names",
  "global_defs.notification_email": "names",
  linkbeat_interfaces: "linkbeat_interface",
  interface_up_down_delays: "up_down_delay",
  virtual_server_group: "vsg_entry",
};

/** The grammar that reads entry lines of this value-block context, if we know one. */
export function lineGrammarOf(context: string): LineGrammarName | undefined {
  return Object.hasOwn(GRAMMAR_OF, context) ? GRAMMAR_OF[context] : undefined;
}

/**
 * Read one entry line of a value block. `words` are the line's words as
 * keepalived's tokenizer gives them. Unknown contexts give an empty result;
 * never throws.
 */
export function parseEntryLine(context: string, words: readonly Word[], target: TargetVersion = NEWEST_RELEASE): EntryLine {
  const grammar = lineGrammarOf(context);
  const line = new Line(grammar ?? "names", words.map((w) => w.text));
  if (!grammar || words.length === 0) return line.result();
  try {
    const isStatic = context.startsWith("static_");
    const leaf = context.slice(context.lastIndexOf(".") + 1);
    switch (grammar) {
      case "address":
        readAddress(line, isStatic);
        break;
      case "route":
        readRoute(line, isStatic, target);
        break;
      case "rule":
        readRule(line, isStatic);
        break;
      case "unicast_peer":
        readPeer(line);
        break;
      case "track_interface":
        readTracker(line, "track_interface", [-254, 254], ["reverse"]);
        break;
      case "tracker":
        readTracker(line, leaf, leaf === "track_bfd" ? [-253, 253] : [-254, 254], ["reverse", "noreverse"]);
        break;
      case "names":
        readNames(line, leaf === "interfaces");
        break;
      case "linkbeat_interface":
        readLinkbeat(line);
        break;
      case "up_down_delay":
        readUpDown(line);
        break;
      case "vsg_entry":
        readVsgEntry(line);
        break;
    }
  } catch {
    // A grammar bug must not take the caller down; what was read so far stands.
  }
  return line.result();
}

class Line {
  readonly fields: Record<string, Field> = {};
  readonly errors: LineProblem[] = [];
  names?: Field[];
  family?: Family;

  constructor(
    readonly grammar: LineGrammarName,
    readonly words: readonly string[],
  ) {}

  field(name: string, index: number, value?: number): Field {
    const f: Field = value === undefined ? { index, text: this.words[index]! } : { index, text: this.words[index]!, value };
    this.fields[name] = f;
    return f;
  }

  error(index: number, message: string, severity: "error" | "warning" = "error"): void {
    this.errors.push({ index, message, severity });
  }

  /** The value word after option `i`, or an error when the line ends first. */
  valueAfter(i: number): string | undefined {
    if (i + 1 < this.words.length) return this.words[i + 1];
    this.error(i, `"${this.words[i]}" needs a value`);
    return undefined;
  }

  /** Family of an address seen on the line; a second family is an error (keepalived drops the line). */
  setFamily(family: Family, index: number, what: string): void {
    if (this.family === undefined) this.family = family;
    else if (this.family !== family) this.error(index, `${what} "${this.words[index]}" is IPv${family} but the line is IPv${this.family}`);
  }

  result(): EntryLine {
    const r: EntryLine = { grammar: this.grammar, fields: this.fields, errors: this.errors };
    if (this.names) r.names = this.names;
    if (this.family !== undefined) r.family = this.family;
    return r;
  }
}

function numberMessage(read: NumberRead, what: string, text: string, range: string): string | undefined {
  switch (read.error) {
    case undefined:
      return undefined;
    case "negative":
      return `${what} "${text}" is negative; expected ${range}`;
    case "invalid":
      return `${what} "${text}" is not a valid number; expected ${range}`;
    default:
      return `${what} "${text}" is outside ${range}`;
  }
}

/** An unsigned option value at word `i`; records the field when valid. */
function unsignedField(line: Line, name: string, i: number, min: number, max: number): void {
  const text = line.words[i]!;
  const read = readUnsigned(text, BigInt(min), BigInt(max));
  const msg = numberMessage(read, `${name}`, text, `${min}..${max}`);
  if (msg) line.error(i, msg);
  else line.field(name, i, Number(read.value));
}

function interfaceName(line: Line, i: number, name = "dev"): void {
  const text = line.words[i]!;
  if (text.length > 15) line.error(i, `interface name "${text}" is longer than 15 characters`);
  line.field(name, i);
}

const SCOPES = ["global", "universe", "site", "link", "host", "nowhere"];

function scopeField(line: Line, i: number): void {
  const text = line.words[i]!;
  // Names beyond the standard ones can come from /etc/iproute2/rt_scopes, so only warn.
  if (!SCOPES.includes(text) && readUnsigned(text, 0n, 255n).error) {
    line.error(i, `scope "${text}" is not a standard scope (global, site, link, host, nowhere or 0..255)`, "warning");
  }
  line.field("scope", i);
}

/** `<ip>[/<len>] [dev X] [scope S] [brd|broadcast IP|+|-] [label L] [peer IP] [home] [-nodad] …` (alloc_ipaddress). */
function readAddress(line: Line, isStatic: boolean): void {
  const w = line.words;
  const { ip, prefixError } = parseIpPrefix(w[0]!);
  if (!ip) {
    line.error(0, `"${w[0]}" is not an IP address`);
    return;
  }
  line.field("address", 0);
  if (ip.prefix !== undefined) line.fields.address!.value = ip.prefix;
  line.family = ip.family;
  if (prefixError) line.error(0, prefixError);
  const FLAGS = ["home", "-nodad", "mngtmpaddr", "noprefixroute", "autojoin", "no_track"];
  for (let i = 1; i < w.length; i++) {
    const word = w[i]!;
    if (FLAGS.includes(word)) {
      line.field(word, i);
      continue;
    }
    if (!isStatic && word === "use_vmac") {
      line.field("use_vmac", i);
      continue;
    }
    const known = ["dev", "scope", "broadcast", "brd", "label", "peer", "preferred_lft"].includes(word) || (isStatic && word === "track_group");
    if (!known) {
      line.error(i, `unknown option "${word}" for an address; keepalived ignores it`);
      continue;
    }
    const value = line.valueAfter(i);
    if (value === undefined) return;
    i++;
    switch (word) {
      case "dev":
        // keepalived drops the whole address on a second dev.
        if (line.fields.dev) line.error(i - 1, "dev is given twice; keepalived drops the address");
        else interfaceName(line, i);
        break;
      case "scope":
        if (ip.family === 6) line.error(i - 1, "scope cannot be set on an IPv6 address; keepalived ignores it");
        scopeField(line, i);
        break;
      case "broadcast":
      case "brd":
        if (ip.family === 6) line.error(i - 1, "broadcast cannot be set on an IPv6 address");
        else if (value !== "+" && value !== "-" && parseIp(value)?.family !== 4) line.error(i, `broadcast "${value}" is not an IPv4 address, "+" or "-"`);
        line.field("broadcast", i);
        break;
      case "label":
        if (ip.family === 6) line.error(i - 1, "label cannot be set on an IPv6 address; keepalived ignores it");
        if (value.length > 15) line.error(i, `label "${value}" is longer than 15 characters; keepalived drops the address`);
        line.field("label", i);
        break;
      case "peer": {
        if (line.fields.peer) {
          line.error(i, `a second peer "${value}" is ignored`);
          break;
        }
        // parse_ipaddress(…, false): the peer is a bare address, "/len" makes it invalid.
        const peer = parseIp(value);
        if (!peer) line.error(i, parseIpPrefix(value).ip ? `peer "${value}" cannot have a prefix length; keepalived rejects it` : `peer "${value}" is not an IP address`);
        else if (peer.family !== ip.family) line.error(i, `peer "${value}" is IPv${peer.family} but the address is IPv${ip.family}`);
        else if (ip.prefix !== undefined && ip.prefix !== (ip.family === 4 ? 32 : 128)) {
          line.error(0, "an address with a peer cannot have a prefix length; keepalived ignores it");
        }
        line.field("peer", i);
        break;
      }
      case "preferred_lft":
        if (value === "forever") line.field("preferred_lft", i);
        else unsignedField(line, "preferred_lft", i, 0, 4294967295);
        break;
      case "track_group":
        line.field("track_group", i);
        break;
    }
  }
  const brd = line.fields.broadcast;
  if (brd && line.fields.peer) line.error(brd.index, "broadcast and peer cannot both be set; keepalived ignores broadcast");
  else if (brd && ip.family === 4 && (brd.text === "+" || brd.text === "-") && (ip.prefix ?? 32) > 30) {
    line.error(brd.index, `broadcast "${brd.text}" needs a prefix length of 30 or less (the address has /${ip.prefix ?? 32})`);
  }
}

/**
 * rtt, rttvar, rto_min (get_time_rtt): a plain number, or seconds with up to 3
 * decimals when followed by s/sec/secs, or milliseconds (ms/msec/msecs); at most
 * 120 s in the kernel's units (`unitMult` per ms). No exponent.
 */
function rttField(line: Line, i: number, unitMult: number): void {
  const text = line.words[i]!;
  const what = `route ${line.words[i - 1]}`;
  const unit = /^(.*?)(m?)(?:s|sec|secs)$/i.exec(text);
  const digits = unit ? unit[1]! : text;
  const places = unit && unit[2] === "" ? 3 : 0;
  if (digits === "" || /[eEsS]/.test(digits)) {
    line.error(i, `${what} "${text}" is not a number of seconds ("1.5s"), milliseconds ("200ms") or raw units`);
    return;
  }
  const max = BigInt(120000 * unitMult);
  const read = readDecimal(digits, places, 0n, max);
  if (read.tooManyPlaces) line.error(i, `${what} "${text}" has more than ${places} decimal places`);
  else {
    const msg = numberMessage(read, what, text, `0..${max}`);
    if (msg) line.error(i, msg);
    else line.field(line.words[i - 1]!, i, Number(read.value));
  }
}

const ROUTE_TYPES = ["unicast", "local", "broadcast", "anycast", "multicast", "blackhole", "unreachable", "prohibit", "throw", "nat"];
// Route options followed by one value that is not checked further here.
const ROUTE_VALUE_OPTS = [
  "tos", "dsfield", "table", "protocol", "expires", "hoplimit", "advmss", "rtt", "rttvar", "reordering", "window",
  "cwnd", "ssthresh", "realms", "rto_min", "initcwnd", "initrwnd", "features", "quickack", "congctl", "pref",
  "ttl-propagate", "fastopen_no_cookie", "vrf", "as",
];

const LOCKABLE = ["mtu", "advmss", "rtt", "rttvar", "reordering", "cwnd", "ssthresh", "rto_min", "congctl"];

/** `[type] [to] <dest>|default [src IP] [via|gw IP] [dev IF] [table T] [metric N] … [nexthop …] [no_track]` (alloc_route). */
function readRoute(line: Line, isStatic: boolean, target: TargetVersion): void {
  const w = line.words;
  for (let i = 0; i < w.length; i++) {
    const word = w[i]!;
    // ip route's add / append / prepend (how the kernel adds it), read by alloc_route from 2.2.5.
    if ((word === "add" || word === "append" || word === "prepend") && !isBefore(target, ROUTE_ADD_APPEND_PREPEND)) continue;
    if (word === "inet" || word === "inet6") {
      line.setFamily(word === "inet" ? 4 : 6, i, "family");
      continue;
    }
    if (word === "onlink" || word === "no_track") {
      line.field(word, i);
      continue;
    }
    if (word === "nexthop") {
      // Everything after nexthop is nexthop clauses, read by their own parser.
      line.field("nexthop", i);
      break;
    }
    if (word === "encap") {
      // encap's arguments depend on the encapsulation; stop reading rather than misread them.
      line.field("encap", i);
      break;
    }
    const simple: Record<string, string> = { src: "src", via: "via", gw: "via", or: "or", from: "from", dev: "dev", oif: "dev", metric: "metric", priority: "metric", preference: "metric", scope: "scope", mtu: "mtu" };
    if (Object.hasOwn(simple, word) || ROUTE_VALUE_OPTS.includes(word) || (isStatic && word === "track_group")) {
      // alloc_route: "lock" may come between these metrics and their value (not hoplimit, window, initcwnd, initrwnd).
      if (LOCKABLE.includes(word) && w[i + 1] === "lock") i++;
      const value = line.valueAfter(i);
      if (value === undefined) return;
      i++;
      const name = simple[word] ?? word;
      switch (name) {
        case "src":
        case "or": {
          const ip = parseIp(value);
          if (!ip) line.error(i, `route ${word} "${value}" is not an IP address`);
          else line.setFamily(ip.family, i, `route ${word}`);
          line.field(name, i);
          if (word === "or") line.error(i - 1, `"or" for routes is deprecated; use "nexthop"`, "warning");
          break;
        }
        case "via": {
          if (word === "gw") line.error(i - 1, `"gw" for routes is deprecated; use "via"`, "warning");
          let v = value;
          if ((v === "inet" || v === "inet6") && i + 1 < w.length) v = w[++i]!;
          const ip = parseIp(v);
          if (!ip) line.error(i, `route via "${v}" is not an IP address`);
          else line.setFamily(ip.family, i, "route via");
          line.field("via", i);
          break;
        }
        case "from": {
          const ip = parseIpPrefix(value).ip;
          if (!ip) line.error(i, `route from "${value}" is not an IP address`);
          else if (ip.family !== 6) line.error(i, "route from is only supported for IPv6");
          else line.setFamily(6, i, "route from");
          line.field("from", i);
          break;
        }
        case "dev":
          interfaceName(line, i);
          break;
        case "metric":
          unsignedField(line, "metric", i, 0, 4294967295);
          break;
        case "mtu":
          unsignedField(line, "mtu", i, 0, 4294967295);
          break;
        case "scope":
          scopeField(line, i);
          break;
        case "rtt":
          rttField(line, i, 8);
          break;
        case "rttvar":
          rttField(line, i, 4);
          break;
        case "rto_min":
          rttField(line, i, 1);
          break;
        default:
          line.field(name, i);
      }
      continue;
    }
    if (line.fields.dest) {
      line.error(i, `unknown route option "${word}"`);
      continue;
    }
    // Anything else starts the destination: [to] [type] <dest>.
    if (word === "to" && i + 1 < w.length) i++;
    if (ROUTE_TYPES.includes(w[i]!) && i + 1 < w.length) line.field("type", i++);
    else if (ROUTE_TYPES.includes(w[i]!)) {
      line.field("type", i);
      // keepalived reads the destination slot unchecked here: a missing one is fatal (exit 2).
      line.error(i, `route type "${w[i]}" needs a destination; keepalived stops reading the configuration`);
      return;
    }
    const dest = w[i]!;
    if (dest === "default" || dest === "any" || dest === "all") line.field("dest", i);
    else if (dest === "default6") {
      // parse_route still reads the pre-2.1 spelling as the IPv6 default route, with only a log line.
      line.error(i, `"default6" is deprecated; write "inet6 default"`, "warning");
      line.setFamily(6, i, "route destination");
      line.field("dest", i);
    }
    else {
      const { ip, prefixError } = parseIpPrefix(dest);
      if (!ip) {
        line.error(i, `unknown route option "${dest}"`);
        continue;
      }
      if (prefixError) line.error(i, prefixError);
      line.setFamily(ip.family, i, "route destination");
      line.field("dest", i);
    }
  }
  const f = line.fields;
  // alloc_route checks the whole route only when no word made it give up on the line (`goto err`).
  if (line.errors.some((e) => e.severity === "error")) return;
  if (!f.dest) line.error(0, "route must have a destination");
  if (!f.dest || f.no_track) return;
  // Tracked routes are installed as protocol keepalived (RTPROT_KEEPALIVED, 18); alloc_route reports the override.
  if (f.protocol && f.protocol.text !== "keepalived" && f.protocol.text !== "18") {
    line.error(f.protocol.index, `a tracked route must have protocol keepalived; keepalived replaces "${f.protocol.text}" (add no_track to keep it)`);
  }
  // alloc_route before 2.3.2 tracks only through a top-level dev (new->oif): nexthop devs do not count.
  if (isBefore(target, ROUTE_TRACK_WITHOUT_DEV) && !f.dev) {
    line.error(f.dest.index, `keepalived ${target} cannot track a route without dev (${ROUTE_TRACK_WITHOUT_DEV} and newer can); add dev or no_track`);
  }
}

const RULE_FLAGS = ["not", "nop", "l3mdev", "no_track"];
const RULE_VALUE_OPTS: Record<string, string> = {
  from: "from", to: "to", table: "table", lookup: "table", preference: "priority", order: "priority", priority: "priority",
  tos: "tos", dsfield: "tos", fwmark: "fwmark", realms: "realms", suppress_prefixlength: "suppress_prefixlength",
  sup_pl: "suppress_prefixlength", suppress_ifgroup: "suppress_ifgroup", sup_group: "suppress_ifgroup", dev: "iif",
  iif: "iif", oif: "oif", "tunnel-id": "tunnel-id", uidrange: "uidrange", protocol: "protocol", ipproto: "ipproto",
  sport: "sport", dport: "dport", type: "type", goto: "goto",
};

/** `ip rule` selectors and actions (alloc_rule). */
function readRule(line: Line, isStatic: boolean): void {
  const w = line.words;
  for (let i = 0; i < w.length; i++) {
    const word = w[i]!;
    if (word === "inet" || word === "inet6") {
      line.setFamily(word === "inet" ? 4 : 6, i, "family");
      continue;
    }
    if (RULE_FLAGS.includes(word)) {
      line.field(word, i);
      continue;
    }
    const name = Object.hasOwn(RULE_VALUE_OPTS, word) ? RULE_VALUE_OPTS[word] : isStatic && word === "track_group" ? "track_group" : undefined;
    if (!name) {
      line.error(i, `unknown rule option "${word}"`);
      continue;
    }
    const value = line.valueAfter(i);
    if (value === undefined) return;
    i++;
    switch (name) {
      case "from":
      case "to": {
        if (value === "all" || value === "default") {
          line.field(name, i);
          break;
        }
        const { ip, prefixError } = parseIpPrefix(value);
        if (!ip) line.error(i, `rule ${name} "${value}" is not an IP address or prefix`);
        else {
          if (prefixError) line.error(i, prefixError);
          line.setFamily(ip.family, i, `rule ${name}`);
        }
        line.field(name, i);
        break;
      }
      case "priority":
      case "goto":
        unsignedField(line, name, i, 0, 4294967295);
        break;
      case "iif":
      case "oif":
        interfaceName(line, i, name);
        break;
      case "sport":
      case "dport": {
        const parts = value.split("-");
        const bad = parts.length > 2 || parts.some((p) => readUnsigned(p, 0n, 65535n).error !== undefined || p === "");
        if (bad) line.error(i, `rule ${name} "${value}" is not a port or port range`);
        line.field(name, i);
        break;
      }
      default:
        line.field(name, i);
    }
  }
  const f = line.fields;
  // alloc_rule: after a word that made it give up (`goto err`) nothing below is checked; each check below that
  // fails gives up too, so the first one is the only message.
  if (line.errors.some((e) => e.severity === "error")) return;
  if (f.goto && f.priority && (f.priority.value ?? 0) >= (f.goto.value ?? 0)) line.error(f.goto.index, "rule goto target must be above its preference");
  else if (f.goto && !f.priority) line.error(f.goto.index, "rule goto needs a preference");
  else if (!f.table && !f.goto && !f.nop && !f.type && !f.l3mdev) line.error(0, "rule has no action (table, goto, nop, type or l3mdev); keepalived ignores it");
  else if (!f.priority) line.error(0, "rule has no preference; keepalived picks one counting down from 16384, which is probably not what you want");
}

/** `<ip> [min_ttl N] [max_ttl N]` (unicast peer). */
function readPeer(line: Line): void {
  const w = line.words;
  const ip = parseIp(w[0]!);
  if (!ip) {
    line.error(0, `unicast peer "${w[0]}" is not an IP address`);
    return;
  }
  line.family = ip.family;
  line.field("address", 0);
  for (let i = 1; i < w.length; i++) {
    const word = w[i]!;
    if (word !== "min_ttl" && word !== "max_ttl") {
      line.error(i, `unknown unicast_peer option "${word}"`);
      continue;
    }
    if (line.valueAfter(i) === undefined) return;
    unsignedField(line, word, ++i, 0, 255);
  }
  const { min_ttl: min, max_ttl: max } = line.fields;
  if (min && max && (min.value ?? 0) > (max.value ?? 0)) line.error(min.index, `min_ttl ${min.value} is above max_ttl ${max.value}; every advert would be discarded`);
}

/**
 * `<name> [weight N [reverse|noreverse]]`: keepalived reads these positions
 * exactly (word 1 must be "weight", word 3 the direction).
 */
function readTracker(line: Line, what: string, [min, max]: [number, number], directions: string[]): void {
  const w = line.words;
  if (what === "track_interface" || what === "interfaces") interfaceName(line, 0, "name");
  else line.field("name", 0);
  if (w.length < 2) return;
  if (w[1] !== "weight") {
    line.error(1, `unknown ${what} option "${w[1]}"; expected "weight"`);
    return;
  }
  if (w.length < 3) {
    line.error(1, `weight without a value for ${what} "${w[0]}"`);
    return;
  }
  const read = readInt(w[2]!, BigInt(min), BigInt(max));
  const msg = numberMessage(read, "weight", w[2]!, `${min}..${max}`);
  if (msg) {
    line.error(2, msg);
    return;
  }
  const value = Number(read.value);
  line.field("weight", 2, value);
  // keepalived turns ±254 into ±253 for interfaces and scripts, with an error.
  if (Math.abs(value) === 254 && (what === "track_interface" || what === "track_script")) {
    line.error(2, `weight ${value} cannot be used; keepalived changes it to ${value > 0 ? 253 : -253}`);
  }
  if (w.length > 3) {
    if (directions.includes(w[3]!)) line.field("direction", 3);
    else line.error(3, `unknown ${what} weight option "${w[3]}"; expected ${directions.map((d) => `"${d}"`).join(" or ")}`);
  }
}

function readNames(line: Line, interfaces: boolean): void {
  line.names = line.words.map((text, index) => ({ index, text }));
  if (interfaces) {
    for (const n of line.names) if (n.text.length > 15) line.error(n.index, `interface name "${n.text}" is longer than 15 characters`);
  }
}

/** `<ifname> [MII|ETHTOOL|IOCTL]`. */
function readLinkbeat(line: Line): void {
  interfaceName(line, 0, "name");
  const mode = line.words[1];
  if (mode === undefined) return;
  if (["MII", "ETHTOOL", "IOCTL"].includes(mode)) line.field("mode", 1);
  else line.error(1, `linkbeat mode "${mode}" is not valid; expected MII, ETHTOOL or IOCTL`);
}

/** `<ifname> <down delay> [<up delay>]`, delays in seconds 0..255 with up to 6 decimals. */
function readUpDown(line: Line): void {
  const w = line.words;
  interfaceName(line, 0, "name");
  if (w.length < 2) {
    line.error(0, `interface "${w[0]}" needs a down delay`);
    return;
  }
  for (const [i, name] of [[1, "down"], [2, "up"]] as const) {
    const text = w[i];
    if (text === undefined) break;
    const read = readDecimal(text, 6, 0n, scaled(255, 6));
    if (read.tooManyPlaces) line.error(i, `${name} delay "${text}" has more than 6 decimal places`);
    const msg = numberMessage(read, `${name} delay`, text, "0..255");
    if (msg) line.error(i, msg);
    else line.field(name, i, Number(read.value) / 1e6);
  }
}

/** `<ip>[-<end>|/<len>] [<port>]` or `fwmark <n> [inet|inet6]` (virtual_server_group entry). */
function readVsgEntry(line: Line): void {
  const w = line.words;
  if (w[0] === "fwmark") {
    if (line.valueAfter(0) === undefined) return;
    unsignedField(line, "fwmark", 1, 0, 4294967295);
    if (w[2] === "inet" || w[2] === "inet6") {
      line.family = w[2] === "inet" ? 4 : 6;
      line.field("family", 2);
    } else if (w[2] !== undefined) line.error(2, `unknown fwmark option "${w[2]}"; expected inet or inet6`);
    return;
  }
  const text = w[0]!;
  const dash = text.indexOf("-");
  const start = parseIpPrefix(dash < 0 ? text : text.slice(0, dash));
  if (!start.ip || (dash >= 0 && start.ip.prefix !== undefined)) {
    line.error(0, `"${text}" is not an IP address, range or prefix`);
    return;
  }
  if (start.prefixError) line.error(0, start.prefixError);
  line.family = start.ip.family;
  line.field("address", 0);
  if (dash >= 0) {
    const end = text.slice(dash + 1);
    const full = parseIp(end);
    const last = start.ip.family === 4 ? readUnsigned(end, 0n, 255n) : { value: /^[0-9a-fA-F]{1,4}$/.test(end) ? BigInt(parseInt(end, 16)) : undefined };
    const startLast = start.ip.family === 4 ? start.ip.bytes[3]! : (start.ip.bytes[14]! << 8) | start.ip.bytes[15]!;
    if (full && full.family !== start.ip.family) line.error(0, `range end "${end}" is not of the start's address family`);
    else if (!full && (last.value === undefined || ("error" in last && last.error))) line.error(0, `range end "${end}" is not valid`);
    else if (!full && Number(last.value) <= startLast) line.error(0, `range end "${end}" must be above the start`);
  }
  if (w.length > 1) unsignedField(line, "port", 1, 0, 65535);
  if (w.length > 2) line.error(2, `unexpected "${w[2]}" after the port`);
}
