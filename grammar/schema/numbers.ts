/**
 * keepalived's number readers (lib/parser.c read_int_func, read_unsigned_func,
 * read_decimal_unsigned_long_func), redone on strings so that a value the
 * linter accepts is exactly a value keepalived accepts. C's strtol/strtoul
 * quirks are kept on purpose: leading blanks (possible inside quotes) and a
 * "+" sign are accepted, an empty word reads as 0, only base 10 is read.
 */

export type NumberError = "invalid" | "negative" | "overflow" | "range";

export interface NumberRead {
  /** The value keepalived would store (integers; decimals scaled by 10^places). */
  value?: bigint;
  error?: NumberError;
  /** Decimals only: more places than keepalived keeps (it reports it, rounds, and keeps the value). */
  tooManyPlaces?: boolean;
}

/** How many of C's isspace() characters (" \t\n\v\f\r") start the text. */
function leadingSpaces(text: string): number {
  const n = text.length;
  let i = 0;
  for (let c: number; i < n && ((c = text.charCodeAt(i)) === 32 || (c >= 9 && c <= 13)); i++);
  return i;
}

/** Is the text 1 to 15 ASCII digits (a number a double holds exactly), nothing else? */
function shortDigits(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 15) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** strtol/strtoul base 10: value of the longest numeric prefix and whether the whole text was used. */
function strtol(text: string): { value: bigint; complete: boolean } {
  // Nearly every number in a configuration is plain digits: no regular expression, no slice.
  if (shortDigits(text)) return { value: BigInt(Number(text)), complete: true };
  const lead = leadingSpaces(text);
  const m = /^([+-]?)([0-9]+)/.exec(text.slice(lead));
  // No digits: C leaves endptr at the start of the text, so only "" counts as complete.
  if (!m) return { value: 0n, complete: text.length === 0 };
  const v = BigInt(m[2]!);
  return { value: m[1] === "-" ? -v : v, complete: lead + m[0].length === text.length };
}

const INT32_MIN = -2147483648n;
const INT32_MAX = 2147483647n;
const UINT32_MAX = 4294967295n;
const UINT64_MAX = 18446744073709551615n;

/** read_int_func: signed 32-bit. */
export function readInt(text: string, min: bigint, max: bigint): NumberRead {
  const { value, complete } = strtol(text);
  if (!complete) return { error: "invalid" };
  if (value < INT32_MIN || value > INT32_MAX) return { error: "overflow" };
  if (value < min || value > max) return { value, error: "range" };
  return { value };
}

/** read_unsigned_func / read_unsigned64_func: a "-" after leading blanks is "negative number". */
export function readUnsigned(text: string, min: bigint, max: bigint, bits: 32 | 64 = 32): NumberRead {
  const lead = leadingSpaces(text);
  if (lead < text.length && text.charCodeAt(lead) === 45) return { error: "negative" }; // "-"
  const { value, complete } = strtol(text);
  if (!complete) return { error: "invalid" };
  if (value > (bits === 32 ? UINT32_MAX : UINT64_MAX)) return { error: "overflow" };
  if (value < min || value > max) return { value, error: "range" };
  return { value };
}

/**
 * read_decimal_unsigned_long_func: "12.5" with `places` 6 reads as 12500000.
 * keepalived cuts the text at the first ".", counts everything after it as
 * decimal places, and parses the digits joined with strtoull.
 */
export function readDecimal(text: string, places: number, min: bigint, max: bigint): NumberRead {
  if (text.startsWith("-")) return { error: "negative" };
  const dot = text.indexOf(".");
  let fraction = dot < 0 ? "" : text.slice(dot + 1);
  const tooManyPlaces = fraction.length > places;
  const roundUp = tooManyPlaces && fraction.charCodeAt(places) >= "5".charCodeAt(0);
  if (tooManyPlaces) fraction = fraction.slice(0, places);
  const joined = (dot < 0 ? text : text.slice(0, dot)) + fraction + "0".repeat(places - fraction.length);
  const { value: parsed, complete } = strtol(joined);
  const flags = tooManyPlaces ? { tooManyPlaces } : {};
  // strtoull would accept the "-" only before the dot, which was refused above; a "-" after it is garbage.
  if (!complete || joined.includes("-")) return { ...flags, error: "invalid" };
  const value = roundUp ? parsed + 1n : parsed;
  if (value > UINT64_MAX) return { ...flags, error: "overflow" };
  if (value < min || value > max) return { ...flags, value, error: "range" };
  return { ...flags, value };
}

/** A range bound in display units (seconds, ms) scaled like readDecimal's result. */
export function scaled(n: number, places: number): bigint {
  const [whole, frac = ""] = n.toFixed(places).split(".");
  return BigInt(whole! + frac);
}
