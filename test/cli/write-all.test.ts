// The command line writes its output straight to the descriptor (src/cli/write-all.ts): as a
// string in one write when the descriptor blocks, and, when another process made it
// non-blocking, the rest as bytes while the reader drains it. Every byte arrives once, in
// order, multi-byte characters included, through a FIFO drained by another process.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeAll } from "../../src/cli/write-all.js";

const dir = mkdtempSync(join(tmpdir(), "kl-write-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a reader at the other end of a FIFO gets of writeAll(text); `nonBlocking` opens the writer's end O_NONBLOCK. */
async function throughFifo(name: string, text: string, nonBlocking: boolean): Promise<Buffer> {
  const fifo = join(dir, name);
  const out = join(dir, `${name}.out`);
  expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
  // A slow reader: the pipe's 64 KB fill up long before the text is written.
  const reader = spawn(process.execPath, ["-e", `
    const fs = require("fs");
    const fd = fs.openSync(${JSON.stringify(fifo)}, "r");
    const out = fs.openSync(${JSON.stringify(out)}, "w");
    const buf = Buffer.alloc(16384);
    let n;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) { fs.writeSync(out, buf, 0, n); Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1); }
  `]);
  const ended = new Promise((resolve) => reader.on("exit", resolve));
  // Opening for writing waits for the reader (O_NONBLOCK would fail with ENXIO until it is there).
  let fd = -1;
  for (let tries = 0; fd < 0 && tries < 2000; tries++) {
    try {
      fd = openSync(fifo, constants.O_WRONLY | (nonBlocking ? constants.O_NONBLOCK : 0));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENXIO") throw e;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  writeAll(fd, text);
  closeSync(fd);
  await ended;
  return readFileSync(out);
}

describe("writeAll", () => {
  // ASCII with two- and four-byte characters spread through it, so that a write may end inside one.
  const text = Array.from({ length: 40000 }, (_, i) => `line ${i} ${i % 7 === 0 ? "é" : ""}${i % 13 === 0 ? "😀" : ""}\n`).join("");
  const bytes = Buffer.from(text, "utf8");

  it("writes every byte to a blocking descriptor", async () => {
    const got = await throughFifo("blocking", text, false);
    expect(got.length).toBe(bytes.length);
    expect(got.equals(bytes)).toBe(true);
  });

  it("writes every byte, in order, to a non-blocking descriptor that fills up", async () => {
    const got = await throughFifo("non-blocking", text, true);
    expect(got.length).toBe(bytes.length);
    expect(got.equals(bytes)).toBe(true);
  });
});
