/**
 * IP address syntax as keepalived reads it (glibc inet_pton): dotted-quad IPv4
 * without leading zeros, RFC 4291 IPv6 text. Pure string checks, no lookups.
 */

export type Family = 4 | 6;

export interface IpAddress {
  family: Family;
  /** The address's bytes (4 or 16), for multicast / link-local tests and range comparisons. */
  bytes: number[];
}

export interface IpPrefix extends IpAddress {
  /** Prefix length after "/", when written. */
  prefix?: number;
}

/**
 * Dotted-quad IPv4, read character by character: a large LVS estate has
 * thousands of distinct real_server addresses, and splitting each and testing
 * every part with a regular expression was most of checking them.
 */
function parseIpv4(text: string): number[] | undefined {
  const n = text.length;
  const bytes: number[] = [];
  let i = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (i >= n || text.charCodeAt(i) !== DOT) return undefined;
      i++;
    }
    const start = i;
    let value = 0;
    // Bounded by n: reading past the end (NaN) made V8 throw away the optimised code once.
    for (let c: number; i < n && (c = text.charCodeAt(i)) >= ZERO && c <= NINE; i++) value = 10 * value + (c - ZERO);
    const digits = i - start;
    // inet_pton refuses "01": a leading zero would mean octal to other parsers.
    if (digits === 0 || digits > 3 || (digits > 1 && text.charCodeAt(start) === ZERO) || value > 255) return undefined;
    bytes.push(value);
  }
  return i === n ? bytes : undefined;
}

const DOT = 46;
const ZERO = 48;
const NINE = 57;

function parseIpv6(text: string): number[] | undefined {
  if (text.length === 0 || !/^[0-9A-Fa-f:.]+$/.test(text)) return undefined;
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (half: string): number[] | undefined => {
    if (half === "") return [];
    const out: number[] = [];
    const parts = half.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes(".")) {
        const v4 = parseIpv4(p);
        if (!v4) return undefined;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(p)) {
        out.push(parseInt(p, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return undefined;
  // An embedded IPv4 part may only end the address.
  if (halves.length === 2 && halves[0]!.includes(".")) return undefined;
  const count = head.length + tail.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  const all = [...head, ...new Array<number>(8 - count).fill(0), ...tail];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** The address written in `text` (no prefix), or undefined when it is not an IP address. */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4) return { family: 4, bytes: v4 };
  const v6 = parseIpv6(text);
  if (v6) return { family: 6, bytes: v6 };
  return undefined;
}

/** `addr[/len]`; `prefixError` says why the length part is wrong (the address part may still be good). */
export function parseIpPrefix(text: string): { ip?: IpPrefix; prefixError?: string } {
  const slash = text.indexOf("/");
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!ip) return {};
  if (slash < 0) return { ip };
  const len = text.slice(slash + 1);
  const max = ip.family === 4 ? 32 : 128;
  if (!/^[0-9]+$/.test(len)) return { ip, prefixError: `prefix length "${len}" is not a number` };
  const n = Number(len);
  if (n > max) return { ip: { ...ip, prefix: max }, prefixError: `prefix length ${n} is outside 0..${max} for an IPv${ip.family} address` };
  return { ip: { ...ip, prefix: n } };
}

export function isMulticast(ip: IpAddress): boolean {
  return ip.family === 4 ? (ip.bytes[0]! & 0xf0) === 0xe0 : ip.bytes[0] === 0xff;
}

/** IPv6 fe80::/10 (what VRRPv3 over IPv6 wants as first address / source). */
export function isLinkLocal(ip: IpAddress): boolean {
  return ip.family === 6 ? ip.bytes[0] === 0xfe && (ip.bytes[1]! & 0xc0) === 0x80 : ip.bytes[0] === 169 && ip.bytes[1] === 254;
}
