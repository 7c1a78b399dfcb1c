// The installed keepalived's version read from its binary: the banner is looked for in the
// ELF file's .rodata section alone, and in the whole file when it is not there (or the file is
// not ELF). Synthetic ELF files of both classes and byte orders, and the real binaries when
// this machine has them (Debian's 2.2.7, the oracle builds).
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { detectKeepalivedVersion, findKeepalived } from "../../src/node/keepalived-version.js";

interface Section {
  name: string;
  bytes: Buffer;
}

/** An ELF file with these sections (and its section-name table last), laid out one after another. */
function elf(sections: Section[], { wide = true, little = true } = {}): Buffer {
  const names = Buffer.concat([Buffer.from([0]), ...[...sections.map((s) => s.name), ".shstrtab"].map((n) => Buffer.from(`${n}\0`, "latin1"))]);
  const all = [{ name: "", bytes: Buffer.alloc(0) }, ...sections, { name: ".shstrtab", bytes: names }];
  const headerSize = wide ? 64 : 52;
  const entrySize = wide ? 64 : 40;
  let at = headerSize;
  const placed = all.map((s) => {
    const offset = at;
    at += s.bytes.length;
    return { ...s, offset };
  });
  const tableAt = at;
  const out = Buffer.alloc(tableAt + entrySize * all.length);
  const u16 = (v: number, o: number) => (little ? out.writeUInt16LE(v, o) : out.writeUInt16BE(v, o));
  const u32 = (v: number, o: number) => (little ? out.writeUInt32LE(v, o) : out.writeUInt32BE(v, o));
  const word = (v: number, o: number) => (wide ? (little ? out.writeBigUInt64LE(BigInt(v), o) : out.writeBigUInt64BE(BigInt(v), o)) : u32(v, o));
  out.write("\x7fELF", 0, "latin1");
  out[4] = wide ? 2 : 1;
  out[5] = little ? 1 : 2;
  out[6] = 1;
  word(tableAt, wide ? 0x28 : 0x20);
  u16(entrySize, wide ? 0x3a : 0x2e);
  u16(all.length, wide ? 0x3c : 0x30);
  u16(all.length - 1, wide ? 0x3e : 0x32);
  let nameAt = 1;
  placed.forEach((s, i) => {
    s.bytes.copy(out, s.offset);
    const e = tableAt + i * entrySize;
    if (i > 0) {
      u32(nameAt, e);
      nameAt += Buffer.byteLength(s.name, "latin1") + 1;
    }
    word(s.offset, e + (wide ? 24 : 16));
    word(s.bytes.length, e + (wide ? 32 : 20));
  });
  return out;
}

const text = (s: string) => Buffer.from(s, "latin1");
const dir = mkdtempSync(join(tmpdir(), "kl-elf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** The version detectKeepalivedVersion reads from a binary with these bytes. */
function versionIn(bytes: Buffer) {
  const path = join(dir, `keepalived-${n++}`);
  writeFileSync(path, bytes);
  chmodSync(path, 0o755);
  return detectKeepalivedVersion({ KEEPALIVED_LINT_KEEPALIVED: path });
}

describe("the keepalived version read from the binary", () => {
  const code = { name: ".text", bytes: Buffer.alloc(4096, 0x90) };
  it("finds the banner in .rodata, in 64- and 32-bit files of either byte order", () => {
    for (const wide of [true, false]) {
      for (const little of [true, false]) {
        // A decoy before .rodata: a misread header falls back to the whole file and finds it first.
        const decoy = { name: ".data", bytes: text("Keepalived v2.2.4 (08/21,2021)\0") };
        const found = versionIn(elf([code, decoy, { name: ".rodata", bytes: text("\0%s: usage\0Keepalived v2.3.4 (05/24,2025)\0") }], { wide, little }));
        expect({ wide, little, version: found?.version, banner: found?.banner, how: found?.how }).toEqual({ wide, little, version: "2.3.4", banner: "Keepalived v2.3.4 (05/24,2025)", how: "read" });
      }
    }
  });

  it("reads .rodata's banner, not one elsewhere in the file", () => {
    const found = versionIn(elf([{ name: ".data", bytes: text("Keepalived v2.2.4 (08/21,2021)\0") }, { name: ".rodata", bytes: text("Keepalived v2.4.3 (12/01,2025)\0") }]));
    expect(found?.version).toBe("2.4.3");
  });

  it("searches the whole file when .rodata has no banner, or there is no .rodata", () => {
    expect(versionIn(elf([{ name: ".data", bytes: text("Keepalived v2.2.8 (05/31,2023)\0") }, { name: ".rodata", bytes: text("nothing\0") }]))?.version).toBe("2.2.8");
    expect(versionIn(elf([code, { name: ".data", bytes: text("Keepalived v2.2.8 (05/31,2023)\0") }]))?.version).toBe("2.2.8");
  });

  it("does not trust section headers that point past the end of the file", () => {
    const broken = elf([{ name: ".rodata", bytes: text("Keepalived v2.3.4\0") }]);
    // The table's offset (e_shoff) far beyond the file: the whole file is searched instead.
    broken.writeBigUInt64LE(BigInt(broken.length * 4), 0x28);
    expect(versionIn(broken)?.version).toBe("2.3.4");
  });

  it("reads the banner of real keepalived binaries", () => {
    const real = [
      ["/usr/sbin/keepalived", "2.2.7"],
      ...["2.2.4", "2.2.8", "2.3.4", "2.4.3"].map((v) => [join(process.env.HOME ?? "/root", ".cache/keepalived-oracle", v, "keepalived"), v]),
    ].filter(([path]) => existsSync(path!));
    // CI installs Debian's keepalived (the differential tests run it): at least that one is here.
    if (process.env.CI) expect(real.length).toBeGreaterThan(0);
    for (const [path, version] of real) {
      const found = detectKeepalivedVersion({ KEEPALIVED_LINT_KEEPALIVED: path });
      expect({ path, version: found?.version, how: found?.how }).toEqual({ path, version, how: "read" });
    }
  });
});

describe("the keepalived binary on PATH", () => {
  it("passes over PATH entries it cannot look into: a file, a symlink loop, a missing directory", () => {
    const root = join(dir, "path");
    mkdirSync(join(root, "bin"), { recursive: true });
    const found = join(root, "bin", "keepalived");
    writeFileSync(found, "#!/bin/sh\n");
    chmodSync(found, 0o755);
    writeFileSync(join(root, "a-file"), "");
    symlinkSync(join(root, "loop-b"), join(root, "loop-a"));
    symlinkSync(join(root, "loop-a"), join(root, "loop-b"));
    const odd = [join(root, "a-file"), join(root, "loop-a"), join(root, "missing")];
    expect(findKeepalived({ PATH: [...odd, join(root, "bin")].join(":") })).toBe(found);
    expect(findKeepalived({ KEEPALIVED_LINT_KEEPALIVED: join(root, "loop-a", "keepalived") })).toBeUndefined();
  });
});
