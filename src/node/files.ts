/**
 * FileAccess over the local disk, for the command line. Reads are capped so
 * that a stray include of a huge log or a device cannot exhaust memory, and
 * anything that is not a regular file (FIFO, /dev/zero, socket) is refused
 * before it is opened: opening a FIFO would block forever.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from "node:fs";
import type { FileAccess, FileKind, ReadResult } from "../../grammar/files.js";
import { decodeConfig } from "./decode.js";

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

export interface NodeFilesOptions {
  /** Files larger than this are refused with reason "too-large". */
  maxBytes?: number;
  /** Directory relative paths resolve against (default: process.cwd()). */
  cwd?: string;
}

export function nodeFiles(options: NodeFilesOptions = {}): FileAccess {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return {
    readFile(path): ReadResult {
      let st;
      try {
        st = statSync(path);
      } catch (e) {
        return failure(path, e);
      }
      if (st.isDirectory()) return { ok: false, reason: "directory", message: `${path} is a directory` };
      if (!st.isFile() || isKernelPath(path)) return { ok: false, reason: "not-regular", message: `${path} is not a regular file` };
      if (st.size > maxBytes) {
        return { ok: false, reason: "too-large", message: `${path} is too large (${st.size} bytes, limit ${maxBytes})` };
      }
      try {
        const bytes = readFileSync(path);
        // A file can grow between stat and read (a log being written).
        if (bytes.length > maxBytes) {
          return { ok: false, reason: "too-large", message: `${path} is too large (over ${maxBytes} bytes)` };
        }
        const { text, ascii } = decodeConfig(bytes);
        return ascii ? { ok: true, text, bytes } : { ok: true, text };
      } catch (e) {
        return failure(path, e);
      }
    },
    mayContain(path, word) {
      try {
        const st = statSync(path);
        if (!st.isFile() || isKernelPath(path) || st.size > maxBytes) return true;
        return fileContains(path, word);
      } catch {
        // readFile says what is wrong.
        return true;
      }
    },
    stat(path): FileKind | undefined {
      try {
        const st = statSync(path, { throwIfNoEntry: false });
        if (!st) return undefined;
        if (st.isDirectory()) return "directory";
        return st.isFile() && !isKernelPath(path) ? "file" : "other";
      } catch {
        // EACCES on a parent, ELOOP on a symlink cycle: nothing usable is there.
        return undefined;
      }
    },
    listDir(path) {
      try {
        return readdirSync(path).sort();
      } catch {
        return undefined;
      }
    },
    cwd: () => options.cwd ?? process.cwd(),
  };
}

/**
 * /proc, /sys and /dev hold the kernel's and the devices' view, never a
 * configuration: `include /proc/self/environ` would put the environment
 * (secrets included) into a finding. Judged by the real path, so a symlink
 * into them (/dev/stdin → /proc/self/fd/0) counts too.
 */
function isKernelPath(path: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    real = path;
  }
  return /^\/(?:proc|sys|dev)(?:\/|$)/.test(real) || /^\/(?:proc|sys|dev)(?:\/|$)/.test(path);
}

function failure(path: string, e: unknown): ReadResult {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "not-found", message: `${path}: no such file` };
  if (code === "EISDIR") return { ok: false, reason: "directory", message: `${path} is a directory` };
  if (code === "ELOOP") return { ok: false, reason: "unreadable", message: `${path}: too many levels of symbolic links` };
  if (code === "EACCES" || code === "EPERM") return { ok: false, reason: "unreadable", message: `${path}: permission denied` };
  return { ok: false, reason: "unreadable", message: `${path}: ${(e as Error).message}` };
}

/** mayContain's buffer, reused: a 20 MB generated config beside the one linted costs 1 MB of memory, not 20. */
const CHUNK = 1 << 20;
let chunkBuffer: Buffer | undefined;

/**
 * Does the file hold `word` (ASCII)? Searched in the bytes, not the text: an
 * ASCII word is the same bytes in UTF-8 (the only encoding read), and
 * Buffer.indexOf searches natively without decoding. A chunk at a time into
 * one buffer: reading a large file whole into fresh memory cost more in page
 * faults than the search itself.
 */
function fileContains(path: string, word: string): boolean {
  const buf = (chunkBuffer ??= Buffer.allocUnsafe(CHUNK));
  const fd = openSync(path, "r");
  try {
    // The last word.length - 1 bytes of a chunk may begin the word: they are kept for the next.
    let kept = 0;
    for (;;) {
      const n = readSync(fd, buf, kept, CHUNK - kept, null);
      if (n === 0) return false;
      const end = kept + n;
      if (buf.subarray(0, end).indexOf(word, 0, "latin1") >= 0) return true;
      kept = Math.min(word.length - 1, end);
      buf.copy(buf, 0, end - kept, end);
    }
  } finally {
    closeSync(fd);
  }
}
