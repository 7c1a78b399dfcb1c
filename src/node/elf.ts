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
  if (!ident || ident[0] !== 0x7f || ident[1] !== 0x45 || ident[2] !== 0x4c || ident[3] !== 0x46) return undefined;
  const wide = ident[4] === 2;
  const little = ident[5] === 1;
  // DataView's readers are V8 built-ins: cold code (one call per lint) pays no warm-up for them.
  const view = (b: Buffer) => new DataView(b.buffer, b.byteOffset, b.length);
  const head = view(ident);
  const addr = (v: DataView, at: number) => (wide ? v.getUint32(at + (little ? 0 : 4), little) + v.getUint32(at + (little ? 4 : 0), little) * 2 ** 32 : v.getUint32(at, little));
  const tableAt = addr(head, wide ? 0x28 : 0x20);
  const entrySize = head.getUint16(wide ? 0x3a : 0x2e, little);
  const count = head.getUint16(wide ? 0x3c : 0x30, little);
  const namesIndex = head.getUint16(wide ? 0x3e : 0x32, little);
  if (entrySize < (wide ? 64 : 40) || count === 0 || namesIndex >= count || entrySize * count > MAX_HEADERS_BYTES) return undefined;
  const bytes = read(fd, tableAt, entrySize * count);
  if (!bytes) return undefined;
  const table = view(bytes);
  // sh_name, then sh_offset and sh_size where the class puts them.
  const section = (i: number): ElfSection & { nameAt: number } => {
    const at = i * entrySize;
    return { nameAt: table.getUint32(at, little), offset: addr(table, at + (wide ? 24 : 16)), size: addr(table, at + (wide ? 32 : 20)) };
  };
  const namesSection = section(namesIndex);
  const names = read(fd, namesSection.offset, Math.min(namesSection.size, MAX_HEADERS_BYTES));
  if (!names) return undefined;
  for (let i = 0; i < count; i++) {
    const s = section(i);
    if (spells(names, s.nameAt, name)) return { offset: s.offset, size: s.size };
  }
  return undefined;
}

/** Is the NUL-terminated name at `at` in `names` this (ASCII) name? */
function spells(names: Buffer, at: number, name: string): boolean {
  if (at + name.length >= names.length || names[at + name.length] !== 0) return false;
  for (let k = 0; k < name.length; k++) if (names[at + k] !== name.charCodeAt(k)) return false;
  return true;
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
