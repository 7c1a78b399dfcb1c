import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { discoverFiles, expandBraces, expandGlob, makeResolver } from "./resolve.js";
import { removeTrees, writeTree } from "./tempdir.js";

afterAll(removeTrees);

describe("expandBraces", () => {
  test("alternatives, nesting and literal unbalanced braces", () => {
    expect(expandBraces("a/{x,y}.conf")).toEqual(["a/x.conf", "a/y.conf"]);
    expect(expandBraces("{a,b{1,2}}c")).toEqual(["ac", "b1c", "b2c"]);
    expect(expandBraces("plain.conf")).toEqual(["plain.conf"]);
    expect(expandBraces("odd{a,b")).toEqual(["odd{a,b"]);
  });
});

describe("expandGlob", () => {
  const dir = writeTree({
    "conf.d/10-a.conf": "",
    "conf.d/20-b.conf": "",
    "conf.d/.hidden.conf": "",
    "conf.d/notes.txt": "",
    "conf.d/sub/x.conf": "",
    "one.conf": "",
  });
  test("wildcards match regular files in sorted order, not hidden files or directories", () => {
    expect(expandGlob("conf.d/*", dir)).toEqual([path.join(dir, "conf.d/10-a.conf"), path.join(dir, "conf.d/20-b.conf"), path.join(dir, "conf.d/notes.txt")]);
    expect(expandGlob("conf.d/[12]?-*.conf", dir)).toEqual([
      path.join(dir, "conf.d/10-a.conf"),
      path.join(dir, "conf.d/20-b.conf"),
    ]);
    expect(expandGlob("*/sub/*.conf", dir)).toEqual([path.join(dir, "conf.d/sub/x.conf")]);
  });
  test("literal names, absolute patterns and misses", () => {
    expect(expandGlob("one.conf", dir)).toEqual([path.join(dir, "one.conf")]);
    expect(expandGlob(path.join(dir, "conf.d/{20-b,10-a}.conf"), "/")).toEqual([
      path.join(dir, "conf.d/20-b.conf"),
      path.join(dir, "conf.d/10-a.conf"),
    ]);
    expect(expandGlob("missing/*.conf", dir)).toEqual([]);
    expect(expandGlob('"one.conf"', dir)).toEqual([]);
  });
});

describe("discoverFiles and makeResolver", () => {
  test("follows relative includes from each including file's directory", () => {
    const dir = writeTree({
      "main.conf": "global_defs {\n}\n@lint-test include sub/b.conf\n",
      "sub/b.conf": "include deep/c.conf\ninclude ../x.conf\n",
      "sub/deep/c.conf": "include c.conf\n", // self include: must not loop
      "x.conf": "",
      "deep/c.conf": "not reached through any include",
    });
    const main = path.join(dir, "main.conf");
    expect(discoverFiles(main)).toEqual([
      main,
      path.join(dir, "sub/b.conf"),
      path.join(dir, "sub/deep/c.conf"),
      path.join(dir, "x.conf"),
    ]);
    const resolve = makeResolver(main);
    // deep/c.conf exists under dir too, but only sub/deep/c.conf is included
    expect(resolve("deep/c.conf")).toBe(path.join(dir, "sub/deep/c.conf"));
    expect(resolve(undefined)).toBe(main);
    expect(resolve(main)).toBe(main);
    expect(resolve("nowhere.conf")).toBe(path.join(dir, "nowhere.conf"));
  });
});
