/**
 * One section of an ELF file, read by its name without reading the rest:
 * keepalived's version banner is a string constant in `.rodata` (about a
 * seventh of the binary), and a small lint should not read the whole
 * binary to find it. Both classes (32 and 64 bit) and byte orders.
 */
import { readSync } from "node:fs";

/** Where a section lies in the file. */
export interface ElfSection {
  offset: number;
  size: number;
}

/** Section headers larger than this are not read (a real binary has a few dozen, 64 bytes each). */
const MAX_HEADERS_BYTES = 1 << 20;

/** The section `name` of the ELF file open as `fd`; undefined when it is not an ELF file or has no such section. */
export function elfSection(fd: number, name: string): ElfSection | undefined {
  const ident = read(fd, 0, 64);
  if (!ident || ident.readUInt32BE(0) !== 0x7f454c46) return undefined;
  const wide = ident[4] === 2;
  const little = ident[5] === 1;
  const u16 = (b: Buffer, at: number) => (little ? b.readUInt16LE(at) : b.readUInt16BE(at));
  const u32 = (b: Buffer, at: number) => (little ? b.readUInt32LE(at) : b.readUInt32BE(at));
  const addr = (b: Buffer, at: number) => (wide ? Number(little ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at)) : u32(b, at));
  const tableAt = addr(ident, wide ? 0x28 : 0x20);
  const entrySize = u16(ident, wide ? 0x3a : 0x2e);
  const count = u16(ident, wide ? 0x3c : 0x30);
  const namesIndex = u16(ident, wide ? 0x3e : 0x32);
  if (entrySize < (wide ? 64 : 40) || count === 0 || namesIndex >= count || entrySize * count > MAX_HEADERS_BYTES) return undefined;
  const table = read(fd, tableAt, entrySize * count);
  if (!table) return undefined;
  // sh_name, then sh_offset and sh_size where the class puts them.
  const section = (i: number): ElfSection & { nameAt: number } => {
    const at = i * entrySize;
    return { nameAt: u32(table, at), offset: addr(table, at + (wide ? 24 : 16)), size: addr(table, at + (wide ? 32 : 20)) };
  };
  const namesSection = section(namesIndex);
  const names = read(fd, namesSection.offset, Math.min(namesSection.size, MAX_HEADERS_BYTES));
  if (!names) return undefined;
  for (let i = 0; i < count; i++) {
    const s = section(i);
    const end = names.indexOf(0, s.nameAt);
    if (s.nameAt < names.length && names.toString("latin1", s.nameAt, end < 0 ? names.length : end) === name) return { offset: s.offset, size: s.size };
  }
  return undefined;
}

/** `length` bytes at `position`, or undefined when the file is shorter. */
export function read(fd: number, position: number, length: number): Buffer | undefined {
  const buf = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buf, got, length - got, position + got);
    if (n === 0) return undefined;
    got += n;
  }
  return buf;
}
