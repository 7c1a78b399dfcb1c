/**
 * Typed argument checks: does keepalived accept the words after a keyword?
 * The rules follow keepalived's own readers (booleans, base-10 integers,
 * fixed-point decimals, case-sensitive enums, inet_pton addresses), so a value
 * reported here is one keepalived reports, rejects or silently misreads.
 * Missing required arguments are not checked here (spec.argRequired says so);
 * `custom`, `script`, `ref` and `string` arguments are mostly free-form.
 */
import { isMulticast, parseIp, parseIpPrefix } from "./ip.js";
import { readDecimal, readInt, readUnsigned, scaled, type NumberRead } from "./numbers.js";
import type { ArgType, KeywordSpec } from "./types.js";
import { isBefore, NEWEST_RELEASE, type TargetVersion } from "./versions.js";

/** The keepalived release whose readers apply (versions.ts). */
export type Target = TargetVersion;

export interface ValueProblem {
  /** Index into the args array of the word at fault. */
  index: number;
  /** Lower case, the value quoted, what was expected. */
  message: string;
  hint?: string;
  /** error: keepalived reports it (or stops); warning: keepalived accepts it but does not do what it says. */
  severity: "error" | "warning";
}

interface Arg {
  text: string;
}

const BOOLEANS = ["on", "off", "true", "false", "yes", "no"];
const SYMBOLIC: Record<string, bigint> = {
  INT_MAX: 2147483647n,
  UINT_MAX: 4294967295n,
  UINT32_MAX: 4294967295n,
};
// Enums keepalived compares with strcasecmp.
const CASE_INSENSITIVE = new Set(["virtual_server|protocol", "virtual_server.real_server.DNS_CHECK|type"]);

/** Problems with the arguments of one keyword line. Never throws: odd input gives no problems rather than a crash. */
export function checkValue(spec: KeywordSpec, args: readonly Arg[], target: Target = NEWEST_RELEASE): ValueProblem[] {
  try {
    return new Checker(spec, args, target).run();
  } catch {
    return [];
  }
}

class Checker {
  private readonly out: ValueProblem[] = [];
  private readonly type: ArgType;
  private readonly range?: [number, number];

  constructor(
    private readonly spec: KeywordSpec,
    private readonly args: readonly Arg[],
    private readonly target: Target,
  ) {
    const old = spec.older && isBefore(target, spec.older.until) ? spec.older : undefined;
    this.type = old?.type ?? spec.type;
    this.range = old ? old.range : spec.range;
  }

  run(): ValueProblem[] {
    switch (this.type) {
      case "flag":
        this.flag();
        break;
      case "bool":
        this.bool();
        break;
      case "uint":
      case "int":
        if (this.args.length > 0) this.integer(0, this.type === "int");
        this.trailingOptions(1);
        break;
      case "decimal":
      case "timer":
        if (this.args.length > 0) this.decimal(0);
        break;
      case "enum":
        this.enumeration();
        break;
      case "ip":
        if (this.args.length > 0) this.ip(0);
        break;
      case "list":
        this.list();
        break;
      case "string":
        this.string();
        this.custom();
        break;
      case "block":
        this.blockName();
        break;
      case "custom":
        this.custom();
        break;
      default:
        break;
    }
    return this.out;
  }

  private get kw(): string {
    return this.spec.name;
  }

  private report(index: number, message: string, hint?: string, severity: "error" | "warning" = "error"): void {
    // keepalived leaves an undefined $NAME as written; say so rather than only "not a number".
    if (hint === undefined && this.args[index]?.text.includes("$")) hint = "a $definition was left as written: is it defined (or its @condition active) before this line?";
    this.out.push(hint === undefined ? { index, message, severity } : { index, message, hint, severity });
  }

  private flag(): void {
    if (this.args.length === 0) return;
    const first = this.args[0]!.text;
    if (this.spec.type === "bool" && ["off", "false", "no"].includes(first)) {
      // Before 2.3.0 some booleans were read as flags: the word is ignored and the setting switched ON.
      this.report(0, `keepalived ${this.target} ignores the value of "${this.kw}": "${first}" turns it on`, `remove the line to keep "${this.kw}" off`, "error");
      return;
    }
    this.report(0, `"${this.kw}" takes no value; keepalived ignores "${first}"`, undefined, "warning");
  }

  private bool(): void {
    if (this.args.length === 0) return;
    const v = this.args[0]!.text;
    if (BOOLEANS.includes(v)) return;
    const lower = v.toLowerCase();
    const hint = BOOLEANS.includes(lower)
      ? `booleans are lower case: write "${lower}"`
      : v === "1" || v === "0"
        ? `keepalived does not read 1/0 as booleans: write "${v === "1" ? "on" : "off"}"`
        : undefined;
    this.report(0, `"${this.kw}" value "${v}" is not a boolean; expected on, off, true, false, yes or no`, hint);
  }

  /** The integer bounds: the schema's range, else the one written in the argument grammar, else the C type's. */
  private intBounds(signed: boolean): [bigint, bigint, 32 | 64] {
    if (this.range) return [BigInt(this.range[0]), BigInt(this.range[1]), 32];
    if (/<ulong>/.test(this.spec.args)) return [0n, 18446744073709551615n, 64];
    const m = /(-?\d+|INT_MAX)\.\.(-?\d+|U?INT(?:32)?_MAX)/.exec(this.spec.args);
    if (m) {
      const n = (s: string) => SYMBOLIC[s] ?? BigInt(s);
      return [n(m[1]!), n(m[2]!), 32];
    }
    return signed ? [-2147483648n, 2147483647n, 32] : [0n, 4294967295n, 32];
  }

  private integer(index: number, signed: boolean, what = `"${this.kw}" value`): void {
    const text = this.args[index]!.text;
    const [min, max, bits] = this.intBounds(signed);
    const read = signed ? readInt(text, min, max) : readUnsigned(text, min, max, bits);
    if (bits === 64 && read.error) {
      // The regex offset handlers only log a bad number and use 0; keepalived -t does not report it.
      this.report(index, `${what} "${text}" is not a valid number; keepalived uses 0`, undefined, "warning");
      return;
    }
    this.numberProblem(index, text, read, `${min}..${max}`, what);
    this.zero(index, text, read);
  }

  private zero(index: number, text: string, read: NumberRead): void {
    if (this.spec.zeroRaised && read.error === undefined && read.value === 0n) {
      this.report(index, `"${this.kw}" value "${text}" cannot be 0; keepalived reports it and uses 1`);
    }
  }

  private numberProblem(index: number, text: string, read: NumberRead, range: string, what: string): void {
    switch (read.error) {
      case undefined:
        return;
      case "negative":
        this.report(index, `${what} "${text}" is negative; expected ${range}`);
        return;
      case "invalid": {
        const hint = /^\s*[+-]?0[xX]/.test(text)
          ? "keepalived reads numbers in base 10 only"
          : /[eE]/.test(text) && /^[0-9.]+[eE]/.test(text)
            ? "exponents are not accepted; write the number out"
            : undefined;
        this.report(index, `${what} "${text}" is not a valid number; expected ${range}`, hint);
        return;
      }
      case "overflow":
      case "range":
        this.report(index, range.startsWith("at least") ? `${what} "${text}" is too small; expected ${range}` : `${what} "${text}" is outside ${range}`);
        return;
    }
  }

  /** Fixed-point arguments: TIMER/seconds keep 6 decimal places, SECS3 and millisecond values 3. */
  private decimal(index: number): void {
    const text = this.args[index]!.text;
    const places = /SECS3|up to 3 dp|<ms /.test(this.spec.args) ? 3 : 6;
    let lo = 0;
    let hi = Number.MAX_SAFE_INTEGER;
    if (this.range) [lo, hi] = this.range;
    else {
      const m = /(\d+(?:\.\d+)?)\.\.(\d+(?:\.\d+)?)/.exec(this.spec.args) ?? />=\s*(\d+(?:\.\d+)?)/.exec(this.spec.args);
      if (m) {
        lo = Number(m[1]);
        if (m[2] !== undefined) hi = Number(m[2]);
      }
    }
    const range = hi === Number.MAX_SAFE_INTEGER ? `at least ${lo}` : `${lo}..${hi}`;
    const read = readDecimal(text, places, scaled(lo, places), hi === Number.MAX_SAFE_INTEGER ? 18446744073709551614n : scaled(hi, places));
    if (read.tooManyPlaces) {
      this.report(index, `"${this.kw}" value "${text}" has more than ${places} decimal places`, "keepalived reports it and rounds the value");
    }
    if (read.error === "invalid" && /^[+]?[0-9.]*[eE][+-]?[0-9]+$/.test(text)) {
      this.report(index, `"${this.kw}" value "${text}" is not a valid number; expected ${range}`, "exponents are not accepted; write the number out");
      return;
    }
    this.numberProblem(index, text, read, range, `"${this.kw}" value`);
    this.zero(index, text, read);
  }

  /** Words after the value: `[reverse]`, `[reverse|noreverse]` for weights; anything else is not an option. */
  private trailingOptions(from: number): void {
    const m = /\[((?:no)?reverse(?:\|(?:no)?reverse)?)\]/.exec(this.spec.args);
    if (!m) return;
    const allowed = m[1]!.split("|");
    for (let i = from; i < this.args.length; i++) {
      const w = this.args[i]!.text;
      if (!allowed.includes(w)) this.report(i, `"${this.kw}" option "${w}" is unknown; expected ${allowed.map((a) => `"${a}"`).join(" or ")}`);
    }
  }

  private enumeration(): void {
    const m = /^(\[)?([\w.-]+(?:\|[\w.-]+)*)\]?/.exec(this.spec.args);
    const values = this.spec.values ?? (m ? m[2]!.split("|") : []);
    if (values.length === 0 || this.args.length === 0) return;
    const v = this.args[0]!.text;
    const key = `${this.spec.context}|${this.kw}`;
    const ok = CASE_INSENSITIVE.has(key) ? values.some((x) => x.toLowerCase() === v.toLowerCase()) : values.includes(v);
    if (!ok) {
      const cased = values.find((x) => x.toLowerCase() === v.toLowerCase());
      const hint = cased ? `values are case-sensitive: write "${cased}"` : undefined;
      this.report(0, `"${this.kw}" value "${v}" is not valid; expected ${orList(values)}`, hint);
      return;
    }
    if (/\[type ipip\|gue\|gre\]|\[tunnel opts\]/.test(this.spec.args)) this.tunnelOptions();
  }

  /** lb_kind / lvs_method: `NAT|DR|TUN [type ipip|gue|gre] [port N] [nocsum|csum|remcsum]` (svr_forwarding_handler). */
  private tunnelOptions(): void {
    let type = "ipip";
    let port = false;
    let csum = "nocsum";
    for (let i = 1; i < this.args.length; i++) {
      const w = this.args[i]!.text;
      if (w === "type" || w === "port") {
        const next = this.args[i + 1];
        if (!next) {
          this.report(i, `"${this.kw}" option "${w}" needs a value`);
          return;
        }
        if (w === "type") {
          if (!["ipip", "gue", "gre"].includes(next.text)) {
            this.report(i + 1, `"${this.kw}" tunnel type "${next.text}" is not valid; expected ipip, gue or gre`);
            return;
          }
          type = next.text;
        } else {
          const read = readUnsigned(next.text, 1n, 65535n);
          if (read.error) {
            this.numberProblem(i + 1, next.text, read, "1..65535", `"${this.kw}" tunnel port`);
            return;
          }
          port = true;
        }
        i++;
      } else if (["nocsum", "csum", "remcsum"].includes(w)) {
        csum = w;
      } else {
        this.report(i, `"${this.kw}" tunnel option "${w}" is unknown; expected type, port, nocsum, csum or remcsum`);
        return;
      }
    }
    const last = this.args.length - 1;
    if ((type === "gue") !== port) this.report(last, `"${this.kw}" gue tunnels need a port, and other tunnel types cannot have one`);
    else if (type === "ipip" && csum !== "nocsum") this.report(last, `"${this.kw}" ipip tunnels do not support "${csum}"`);
    else if (type === "gre" && csum === "remcsum") this.report(last, `"${this.kw}" gre tunnels do not support "remcsum"`);
  }

  private ip(index: number): void {
    const text = this.args[index]!.text;
    const ip = parseIp(text);
    const args = this.spec.args;
    if (!ip) {
      if (parseIpPrefix(text).ip) {
        // keepalived's inet_stosockaddr() cuts the text at '/' and reads the address: accepted silently.
        this.report(index, `"${this.kw}" value "${text}": keepalived ignores the prefix length and uses the address`, "write the address without a prefix length", "warning");
      } else this.report(index, `"${this.kw}" value "${text}" is not an IP address`);
      return;
    }
    if (/IPv4/.test(args) && ip.family !== 4) this.report(index, `"${this.kw}" value "${text}" is not an IPv4 address`);
    else if (/IPv6/.test(args) && !/IPv6:/.test(args) && ip.family !== 6) this.report(index, `"${this.kw}" value "${text}" is not an IPv6 address`);
    else if (/multicast/.test(args) && !isMulticast(ip)) this.report(index, `"${this.kw}" value "${text}" is not a multicast address`);
  }

  private list(): void {
    const args = this.spec.args;
    if (/^<code>/.test(args)) {
      // status_code: each word a code or a low-high range of HTTP status codes.
      this.args.forEach((a, i) => {
        const parts = a.text.split("-");
        const bad = parts.length > 2 || parts.some((p) => readUnsigned(p, 100n, 599n).error !== undefined || p === "");
        if (bad) this.report(i, `"${this.kw}" value "${a.text}" is not a status code or range; expected 100..599 or like 200-299`);
        else if (parts.length === 2 && Number(parts[0]) > Number(parts[1])) this.report(i, `"${this.kw}" range "${a.text}" is empty (start is above end)`);
      });
    } else if (/^<cpu_id>/.test(args)) {
      this.args.forEach((a, i) => {
        const read = readUnsigned(a.text, 0n, 4095n);
        this.numberProblem(i, a.text, read, "0..4095", `"${this.kw}" CPU`);
      });
    } else if (/^<opt>\.\.\. of /.test(args)) {
      const known = args.replace(/^<opt>\.\.\. of /, "").split(" ");
      this.args.forEach((a, i) => {
        if (!known.includes(a.text)) this.report(i, `"${this.kw}" option "${a.text}" is unknown; keepalived ignores it silently`, undefined, "warning");
      });
    }
  }

  private string(): void {
    if (this.args.length === 0) return;
    const text = this.args[0]!.text;
    // Interface names live in IFNAMSIZ (16) bytes including the terminating NUL.
    if (/^<(ifname|vrf ifname)/.test(this.spec.args) && text.length > 15) {
      this.report(0, `"${this.kw}" value "${text}" is longer than 15 characters, the limit for interface names`);
    }
  }

  private custom(): void {
    const check = Object.hasOwn(CUSTOM, this.kw) ? CUSTOM[this.kw] : undefined;
    if (check && this.args.length > 0) check(this);
  }

  /** lvs_timeouts: `tcp N`, `tcpfin N`, `udp N` pairs in any order. */
  optionPairs(options: string[], min: bigint, max: bigint): void {
    for (let i = 0; i < this.args.length; i++) {
      const w = this.args[i]!.text;
      if (!options.includes(w)) {
        this.report(i, `"${this.kw}" option "${w}" is unknown; expected ${orList(options)}`);
        continue;
      }
      const v = this.args[i + 1];
      if (!v) {
        this.report(i, `"${this.kw}" option "${w}" needs a value`);
        return;
      }
      this.numberProblem(i + 1, v.text, readUnsigned(v.text, min, max), `${min}..${max}`, `"${this.kw} ${w}" value`);
      i++;
    }
  }

  /** sorry_server: `<ipaddr> [<port>]`. */
  addressAndPort(): void {
    const ip = this.args[0]!.text;
    if (!parseIp(ip)) this.report(0, `"${this.kw}" address "${ip}" is not an IP address`);
    const port = this.args[1]?.text;
    if (port !== undefined) this.numberProblem(1, port, readUnsigned(port, 0n, 65535n), "0..65535", `"${this.kw}" port`);
  }

  /**
   * persistence_granularity: an IPv4 netmask or an IPv6 prefix length 1..128.
   * Which one depends on the service's family (unknown here): for IPv4
   * services keepalived's getaddrinfo also takes a bare number as an address.
   */
  granularity(): void {
    const text = this.args[0]!.text;
    if (text.includes(".")) {
      if (parseIp(text)?.family !== 4) this.report(0, `"${this.kw}" value "${text}" is not an IPv4 netmask`);
      return;
    }
    const read = readUnsigned(text, 1n, 128n);
    if (read.error === "range") {
      this.report(0, `"${this.kw}" value "${text}" is outside 1..128, the IPv6 prefix lengths`, "for an IPv4 service write a dotted netmask such as 255.255.255.0", "warning");
    } else {
      this.numberProblem(0, text, read, "1..128 or an IPv4 netmask", `"${this.kw}" value`);
    }
  }

  /** smtp_server: `<address or host name> [<port 1..65535>]` (names are resolved at start, so not checked). */
  hostAndPort(): void {
    const port = this.args[1]?.text;
    if (port !== undefined) this.numberProblem(1, port, readUnsigned(port, 1n, 65535n), "1..65535", `"${this.kw}" port`);
  }

  /**
   * lvs_sync_daemon: the numbers after id, maxlen, port and ttl (lvs_syncd_handler in global_parser.c, which
   * reports a bad or missing one and ignores that option). Other words are the interface, instance and legacy sync id.
   */
  syncDaemonOptions(): void {
    const ranges: Record<string, [bigint, bigint]> = { id: [0n, 255n], maxlen: [1n, 65507n], port: [1n, 65535n], ttl: [1n, 255n] };
    for (let i = 1; i < this.args.length; i++) {
      const w = this.args[i]!.text;
      if (w === "inst" || w === "group") {
        i++;
        continue;
      }
      const range = Object.hasOwn(ranges, w) ? ranges[w] : undefined;
      if (!range) continue;
      const v = this.args[i + 1];
      if (!v) {
        this.report(i, `"${this.kw}" option "${w}" needs a value; keepalived ignores it`);
        return;
      }
      this.numberProblem(i + 1, v.text, readUnsigned(v.text, range[0], range[1]), `${range[0]}..${range[1]}`, `"${this.kw} ${w}" value`);
      i++;
    }
  }

  /** track_file init_file: `[<value -254..254>] [overwrite]`. */
  initFile(): void {
    this.args.forEach((a, i) => {
      if (a.text === "overwrite") return;
      const read = readInt(a.text, -254n, 254n);
      if (read.error === "invalid") this.report(i, `"${this.kw}" option "${a.text}" is unknown; expected a value -254..254 or "overwrite"`);
      else this.numberProblem(i, a.text, read, "-254..254", `"${this.kw}" value`);
    });
  }

  /** garp_extra_if: `[all] <seconds>` in any order; the delay is required. */
  allAndDelay(min: bigint): void {
    let delay = false;
    for (let i = 0; i < this.args.length; i++) {
      const w = this.args[i]!.text;
      if (w === "all") continue;
      const read = readUnsigned(w, min, 86400n);
      if (read.error) {
        this.numberProblem(i, w, read, `${min}..86400`, `"${this.kw}" delay`);
        return;
      }
      delay = true;
    }
    if (!delay) this.report(0, `"${this.kw}" needs a delay in seconds`);
  }

  /** virtual_server / real_server: `<ipaddr> [<port>]` (virtual_server also `fwmark N` and `group NAME`). */
  private blockName(): void {
    if (!/^<ipaddr> \[<port>\]/.test(this.spec.args) || this.args.length === 0) return;
    const first = this.args[0]!.text;
    if (this.kw === "virtual_server" && (first === "fwmark" || first === "group")) {
      if (this.args.length < 2) {
        this.report(0, `"${this.kw} ${first}" needs a ${first === "fwmark" ? "mark number" : "virtual_server_group name"}`);
      } else if (first === "fwmark") {
        this.numberProblem(1, this.args[1]!.text, readUnsigned(this.args[1]!.text, 0n, 4294967295n), "0..4294967295", `"${this.kw}" fwmark`);
      }
      return;
    }
    if (!parseIp(first)) {
      const hint = this.kw === "virtual_server" ? "keepalived skips the whole block" : "keepalived skips this real_server";
      this.report(0, `"${this.kw}" address "${first}" is not an IP address`, hint);
      return;
    }
    if (this.args.length > 1) {
      const port = this.args[1]!.text;
      this.numberProblem(1, port, readUnsigned(port, 0n, 65535n), "0..65535", `"${this.kw}" port`);
    }
  }
}

const LVS_MAX_TIMEOUT = 2678400n; // 31 days, keepalived's cap for IPVS timeouts

/** Free-form handlers with a common, checkable shape; the rest stay unchecked. */
const CUSTOM: Record<string, (c: CustomChecks) => void> = {
  lvs_timeouts: (c) => c.optionPairs(["tcp", "tcpfin", "udp"], 0n, LVS_MAX_TIMEOUT),
  sorry_server: (c) => c.addressAndPort(),
  persistence_granularity: (c) => c.granularity(),
  garp_extra_if: (c) => c.allAndDelay(0n),
  vmac_garp_intvl: (c) => c.allAndDelay(0n),
  vrrp_garp_extra_if: (c) => c.allAndDelay(1n),
  vrrp_vmac_garp_intvl: (c) => c.allAndDelay(1n),
  smtp_server: (c) => c.hostAndPort(),
  init_file: (c) => c.initFile(),
  lvs_sync_daemon: (c) => c.syncDaemonOptions(),
};

interface CustomChecks {
  optionPairs(options: string[], min: bigint, max: bigint): void;
  addressAndPort(): void;
  granularity(): void;
  allAndDelay(min: bigint): void;
  hostAndPort(): void;
  initFile(): void;
  syncDaemonOptions(): void;
}

function orList(values: readonly string[]): string {
  return values.length === 1 ? values[0]! : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}
