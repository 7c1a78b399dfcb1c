/**
 * The disk for one lint command, reading each file it is asked to lint once.
 * A target used to be read three times before its lint was done with it: to
 * check it can be read, by the owner search (is it somebody's include? what
 * does it include?) and by its lint; on a 10 MB configuration each read and
 * decode is tens of milliseconds (issue 21). Only targets are kept, and their
 * texts stay alive until the report anyway (code frames are cut from them);
 * the owner search's other candidates are read once each and dropped.
 */
import type { FileAccess, ReadResult } from "../../grammar/files.js";

export interface ReadOnce extends FileAccess {
  /** Keep what `path` reads as from now on (a lint target). */
  keep(path: string): void;
}

export function readOnce(fs: FileAccess): ReadOnce {
  const kept = new Map<string, ReadResult | undefined>();
  return {
    readFile(path) {
      if (!kept.has(path)) return fs.readFile(path);
      let r = kept.get(path);
      if (!r) kept.set(path, (r = fs.readFile(path)));
      return r;
    },
    mayContain(path, word) {
      const r = kept.get(path);
      if (r) return !r.ok || contains(r, word);
      return fs.mayContain?.(path, word) ?? true;
    },
    stat: (path) => fs.stat(path),
    listDir: (path) => fs.listDir(path),
    cwd: () => fs.cwd(),
    keep(path) {
      if (!kept.has(path)) kept.set(path, undefined);
    },
  };
}

/**
 * Does a read file hold `word`? In its bytes when it is ASCII: a native byte
 * search, about six times String.prototype.includes (1 against 6.4 ms on the
 * 10.8 MB benchmark file, which the owner search asks for "include").
 */
function contains(r: { text: string; bytes?: Uint8Array }, word: string): boolean {
  if (r.bytes === undefined || !/^[\x00-\x7f]*$/.test(word)) return r.text.includes(word);
  return Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength).indexOf(word, 0, "latin1") >= 0;
}
