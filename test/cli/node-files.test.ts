import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { nodeFiles } from "../../src/node/files.js";
import type { ConfigNode } from "../../grammar/ast.js";
import { parseText, readConfig } from "../../grammar/reader.js";

describe("nodeFiles", () => {
  const dir = mkdtempSync(join(tmpdir(), "kl-files-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, "a.conf"), "vrrp_script x {\n}\n");
  writeFileSync(join(dir, "big.conf"), "x".repeat(100));
  mkdirSync(join(dir, "sub"));
  writeFileSync(join(dir, "latin1.conf"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  writeFileSync(join(dir, "utf8.conf"), "\uFEFFrouter_id caf\u00e9\u2028x\n");
  symlinkSync(join(dir, "a.conf"), join(dir, "link.conf"));
  symlinkSync(join(dir, "nowhere"), join(dir, "dangling.conf"));
  const fs = nodeFiles({ maxBytes: 50, cwd: dir });

  it("reads files and follows symlinks; an ASCII file comes with its bytes (the reader scans them)", () => {
    for (const name of ["a.conf", "link.conf"]) {
      const r = fs.readFile(join(dir, name));
      expect(r.ok && r.text).toBe("vrrp_script x {\n}\n");
      expect(r.ok && r.bytes && [...r.bytes]).toEqual([..."vrrp_script x {\n}\n"].map((c) => c.charCodeAt(0)));
    }
    expect(fs.stat(join(dir, "link.conf"))).toBe("file");
  });

  it("tells a file that surely lacks a word without decoding it, and cannot tell for what it does not read", () => {
    const own = mkdtempSync(join(tmpdir(), "kl-contain-"));
    writeFileSync(join(own, "inc.conf"), "include /etc/keepalived/x.conf\n");
    writeFileSync(join(own, "utf8-inc.conf"), "# caf\u00e9\ninclude x.conf\n");
    expect(fs.mayContain!(join(dir, "a.conf"), "include")).toBe(false);
    expect(fs.mayContain!(join(own, "inc.conf"), "include")).toBe(true);
    expect(fs.mayContain!(join(own, "utf8-inc.conf"), "include")).toBe(true);
    rmSync(own, { recursive: true, force: true });
    expect(fs.mayContain!(join(dir, "link.conf"), "vrrp_script")).toBe(true);
    // Too large, missing, a directory: readFile says why; so it may.
    for (const name of ["big.conf", "missing.conf", "sub"]) expect(fs.mayContain!(join(dir, name), "include")).toBe(true);
  });

  it("finds a word in a file larger than the chunks it is read in, across their boundary too", () => {
    const own = mkdtempSync(join(tmpdir(), "kl-contain-"));
    const chunk = 1 << 20;
    const big = nodeFiles({ cwd: own });
    for (const at of [0, chunk - 7, chunk - 3, chunk - 1, chunk, 2 * chunk + 5]) {
      writeFileSync(join(own, "k.conf"), "x".repeat(at) + "include y.conf\n" + "z".repeat(1000));
      expect(big.mayContain!(join(own, "k.conf"), "include"), `at ${at}`).toBe(true);
    }
    writeFileSync(join(own, "k.conf"), "x".repeat(chunk - 3) + "inclu" + "z".repeat(chunk));
    expect(big.mayContain!(join(own, "k.conf"), "include")).toBe(false);
    rmSync(own, { recursive: true, force: true });
  });

  it("refuses files over the size cap", () => {
    expect(fs.readFile(join(dir, "big.conf"))).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("says what is missing, a directory, or not a regular file", () => {
    expect(fs.readFile(join(dir, "missing.conf"))).toMatchObject({ ok: false, reason: "not-found" });
    expect(fs.readFile(join(dir, "dangling.conf"))).toMatchObject({ ok: false, reason: "not-found" });
    expect(fs.stat(join(dir, "dangling.conf"))).toBeUndefined();
    expect(fs.readFile(join(dir, "sub"))).toMatchObject({ ok: false, reason: "directory" });
    expect(fs.stat(join(dir, "sub"))).toBe("directory");
    expect(fs.stat("/dev/zero")).toBe("other");
    expect(fs.readFile("/dev/zero")).toMatchObject({ ok: false, reason: "not-regular" });
  });

  it("does not open a FIFO (it would block)", () => {
    const fifoDir = mkdtempSync(join(tmpdir(), "kl-fifo-"));
    onTestFinished(() => rmSync(fifoDir, { recursive: true, force: true }));
    const fifo = join(fifoDir, "fifo.conf");
    execFileSync("mkfifo", [fifo]);
    expect(fs.stat(fifo)).toBe("other");
    expect(fs.readFile(fifo)).toMatchObject({ ok: false, reason: "not-regular" });
  });

  it("lists directories sorted; undefined when it cannot", () => {
    expect(fs.listDir(dir)).toEqual(["a.conf", "big.conf", "dangling.conf", "latin1.conf", "link.conf", "sub", "utf8.conf"]);
    expect(fs.listDir(join(dir, "a.conf"))).toBeUndefined();
    expect(fs.cwd()).toBe(dir);
  });

  it("decodes UTF-8 and keeps a BOM (keepalived reads those bytes; --fix writes them back)", () => {
    expect(fs.readFile(join(dir, "utf8.conf"))).toEqual({ ok: true, text: "\uFEFFrouter_id caf\u00e9\u2028x\n" });
  });

  it("reads an ASCII file of any size as its UTF-8 text (ASCII takes a faster decoding)", () => {
    // Over a megabyte, Node hands latin1 text out as an external string: the path the benchmark config takes.
    const line = "    real_server 192.168.1.1 8080 { weight 1 } # \t~!@$%^&*()_+`-=[]\\;',./<>?:\"|\x7f\x01\n";
    const text = line.repeat(Math.ceil((1.5 * 1024 * 1024) / line.length));
    writeFileSync(join(dir, "large.conf"), text);
    const r = nodeFiles({ cwd: dir }).readFile(join(dir, "large.conf"));
    expect(r.ok && r.text.length).toBe(text.length);
    expect(r.ok && r.text === text).toBe(true);
    expect(r.ok && r.bytes?.length).toBe(text.length);
    writeFileSync(join(dir, "large.conf"), text + "\u00e9");
    const u = nodeFiles({ cwd: dir }).readFile(join(dir, "large.conf"));
    expect(u.ok && u.text === text + "\u00e9").toBe(true);
    // Not ASCII: no bytes, since byte offsets would not be character offsets.
    expect(u.ok && u.bytes).toBeUndefined();
  });

  it("the reader reads an ASCII file through its bytes as it reads the same text without them", () => {
    const text = 'global_defs {\n  router_id r1 # c\n}\nvrrp_instance V {\n  state BACKUP\n  notify_master "/bin/x y"\n  virtual_ipaddress {\n    10.0.0.1/24\n  }\n}\n';
    const file = join(dir, "read.conf");
    writeFileSync(file, text);
    const outline = (nodes: ConfigNode[]): unknown[] => nodes.map((n) => [n.name, n.start, n.end, n.args.map((a) => [a.text, a.start]), n.rest, outline(n.children)]);
    const fromBytes = readConfig(nodeFiles({ cwd: dir }), [file]);
    const fromText = parseText(text, file);
    expect(outline(fromBytes.ast.children)).toEqual(outline(fromText.ast.children));
    expect(outline(fromBytes.ast.children)).toHaveLength(2);
    // Bytes that do not match the text (a wrong FileAccess) are not used: the text is what counts.
    const wrong = { ...nodeFiles({ cwd: dir }), readFile: () => ({ ok: true as const, text, bytes: new Uint8Array(3) }) };
    expect(outline(readConfig(wrong, [file]).ast.children)).toEqual(outline(fromText.ast.children));
  });

  it("replaces invalid UTF-8 bytes instead of failing", () => {
    expect(fs.readFile(join(dir, "latin1.conf"))).toEqual({ ok: true, text: "caf\uFFFD\n" });
  });
});
