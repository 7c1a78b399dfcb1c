// The address and number readers read character by character (a large LVS
// estate has thousands of distinct addresses and ports). Here they are held to
// the grammars they implement, written the plain way: inet_pton's dotted quad
// as a regular expression, and C's strtoul as "blanks, a sign, digits".
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseIp } from "../../../grammar/schema/ip.js";
import { readDecimal, readInt, readUnsigned } from "../../../grammar/schema/numbers.js";

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

/** inet_pton's IPv4 text: four parts of 1-3 digits, no leading zero, each at most 255. */
function dottedQuad(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p) && Number(p) <= 255)) return undefined;
  return parts.map(Number);
}

/** strtoul base 10 over the whole text: C blanks, an optional sign, digits, nothing after. */
function strtoulWhole(text: string): { negative: boolean; value: bigint } | undefined {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)$/.exec(text);
  return m ? { negative: m[1] === "-", value: BigInt(m[2]!) } : undefined;
}

const digitsAndDots = fc.stringMatching(/^[0-9.]{0,16}$/);
const quads = fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)).map((q) => q.join("."));
const numberish = fc.oneof(
  fc.stringMatching(/^[ \t+-]{0,2}[0-9]{0,22}[a-z.]{0,1}$/),
  fc.bigInt({ min: 0n, max: 1n << 70n }).map(String),
  fc.constantFrom("", "0", "00", "007", "65535", "65536", "4294967295", "4294967296", "999999999999999", "9999999999999999", " 5", "\v5", "+5", "-0", "-5", "5 "),
);

describe("character-by-character readers", () => {
  it("parseIp reads IPv4 exactly as the dotted-quad grammar does", () => {
    fc.assert(
      fc.property(fc.oneof(digitsAndDots, quads), (text) => {
        const ip = parseIp(text);
        const quad = dottedQuad(text);
        if (quad) expect(ip).toEqual({ family: 4, bytes: quad });
        else expect(ip?.family).not.toBe(4);
      }),
      { numRuns: 5000 },
    );
  });

  it("refuses leading zeros, wide parts, values over 255 and stray dots", () => {
    for (const bad of ["01.2.3.4", "1.2.3.256", "1.2.3.4.", ".1.2.3.4", "1..3.4", "1.2.3", "1.2.3.4.5", "1000.2.3.4", "1.2.3.4 ", "1.2.3.4x"]) {
      expect(parseIp(bad), bad).toBeUndefined();
    }
    expect(parseIp("0.0.0.0")).toEqual({ family: 4, bytes: [0, 0, 0, 0] });
    expect(parseIp("255.255.255.255")).toEqual({ family: 4, bytes: [255, 255, 255, 255] });
  });

  it("readUnsigned and readInt take a number exactly when strtoul reads the whole text", () => {
    fc.assert(
      fc.property(numberish, (text) => {
        const whole = strtoulWhole(text);
        const u = readUnsigned(text, 0n, 65535n);
        const s = readInt(text, -1000n, 1000n);
        if (text === "") {
          // An empty word reads as 0 (strtol leaves nothing unread).
          expect(u).toEqual({ value: 0n });
          return;
        }
        // read_unsigned_func says "negative number" of a "-" after the blanks, whatever follows.
        const minus = /^[ \t\n\v\f\r]*-/.test(text);
        if (minus) expect(u.error).toBe("negative");
        if (!whole) {
          if (!minus) expect(u.error).toBe("invalid");
          expect(s.error).toBe("invalid");
          return;
        }
        if (whole.negative) {
          // (checked above)
        } else if (whole.value > 4294967295n) expect(u.error).toBe("overflow");
        else if (whole.value > 65535n) expect(u).toEqual({ value: whole.value, error: "range" });
        else expect(u).toEqual({ value: whole.value });
        const signed = whole.negative ? -whole.value : whole.value;
        if (signed < -2147483648n || signed > 2147483647n) expect(s.error).toBe("overflow");
        else if (signed < -1000n || signed > 1000n) expect(s).toEqual({ value: signed, error: "range" });
        else expect(s).toEqual({ value: signed });
      }),
      { numRuns: 5000 },
    );
  });

  it("reads long digit strings exactly (64-bit values through readDecimal)", () => {
    fc.assert(
      // Every length from 1 to 20 digits alike (a double is exact only up to 15 or 16).
      fc.property(fc.integer({ min: 1, max: 20 }).chain((n) => fc.bigInt({ min: 10n ** BigInt(n - 1), max: 10n ** BigInt(n) - 1n })).map(String), (digits) => {
        const value = BigInt(digits);
        const read = readDecimal(digits, 0, 0n, 18446744073709551615n);
        if (value <= 18446744073709551615n) expect(read).toEqual({ value });
        else expect(read.error).toBe("overflow");
      }),
      { numRuns: 2000 },
    );
  });
});
