// The command line's output, written to a descriptor in full.
import { writeSync } from "node:fs";

/**
 * Writes straight to the descriptor. The report is written once, at the end,
 * so nothing is gained from Node's stream for stdout, which costs a lint
 * ~10 ms to set up (it loads net, stream and tty). The text goes to the
 * descriptor as a string first (Node encodes it on the way, without a
 * Buffer of its own: writing a 20 MB diff so is ~5x faster). The descriptor
 * is in blocking mode, where one write takes it all, unless some other
 * process made it non-blocking: then what is left is written as bytes,
 * waiting for room (EAGAIN).
 */
export function writeAll(fd: number, text: string): void {
  let written = 0;
  try {
    written = writeSync(fd, text);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // A closed pipe (`keepalived-lint … | head`) is not an error worth a stack trace:
    // the reader has all it wants, and the exit code still tells the lint's outcome.
    if (code === "EPIPE") return;
    if (code !== "EAGAIN") throw e;
  }
  // A string of n characters is at least n bytes: only a shorter write needs the exact count.
  if (written >= text.length && written === Buffer.byteLength(text, "utf8")) return;
  writeAllBytes(fd, Buffer.from(text, "utf8"), written);
}

/** Writes `bytes` from `from` on in full, waiting for room when the descriptor is non-blocking. */
export function writeAllBytes(fd: number, bytes: Uint8Array, from = 0): void {
  for (let at = from; at < bytes.length;) {
    try {
      at += writeSync(fd, bytes, at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") Atomics.wait(PAUSE, 0, 0, 1);
      else if (code === "EPIPE") return;
      else throw e;
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
