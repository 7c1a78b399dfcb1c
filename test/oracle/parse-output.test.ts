import * as path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { parseOutput } from "./keepalived.js";
import { removeTrees, writeTree } from "./tempdir.js";

afterAll(removeTrees);

describe("parseOutput", () => {
  test("parent (Line N) and child (FILE: Line N) copies become one message per file, line and text", () => {
    const raw = [
      "(Line 5) Unknown keyword 'bogus_root'",
      "(Line 17) Extra '}' found",
      "(/cfg/a.conf: Line 5) Unknown keyword 'bogus_root'",
      "(/cfg/a.conf: Line 17) Extra '}' found",
      "(/cfg/a.conf: Line 10) number '300' outside range [1, 255]",
      "(VI_1) the virtual router id must be set",
      "(/cfg/a.conf: Line 5) Unknown keyword 'bogus_root'",
      "",
    ].join("\n");
    const ms = parseOutput(raw, { mainFile: "/cfg/a.conf", resolve: (p) => (p ? path.resolve("/cfg", p) : "/cfg/a.conf") });
    expect(ms).toEqual([
      { file: "/cfg/a.conf", line: 5, text: "Unknown keyword 'bogus_root'", kind: "unknown-keyword", hostDependent: false },
      { file: "/cfg/a.conf", line: 17, text: "Extra '}' found", kind: "extra-brace", hostDependent: false },
      {
        file: "/cfg/a.conf",
        line: 10,
        text: "number '300' outside range [1, 255]",
        kind: "value",
        hostDependent: false,
      },
      { file: "/cfg/a.conf", line: null, text: "(VI_1) the virtual router id must be set", kind: "other", hostDependent: false },
    ]);
  });

  test("the same text at different lines or in different files is kept apart", () => {
    const raw = "(Line 1) Unknown keyword 'x'\n(Line 2) Unknown keyword 'x'\n(sub/b.conf: Line 1) Unknown keyword 'x'\n";
    const ms = parseOutput(raw, { mainFile: "/cfg/a.conf", resolve: (p) => (p ? path.resolve("/cfg", p) : "/cfg/a.conf") });
    expect(ms.map((m) => [m.file, m.line])).toEqual([
      ["/cfg/a.conf", 1],
      ["/cfg/a.conf", 2],
      ["/cfg/sub/b.conf", 1],
    ]);
  });

  test("relative names are resolved through the include chain on disk", () => {
    const dir = writeTree({
      "a.conf": "include sub/b.conf\n",
      "sub/b.conf": "include deep/*.conf # comment\n",
      "sub/deep/c.conf": "x\n",
    });
    const raw = "(sub/b.conf: Line 1) A\n(deep/c.conf: Line 1) B\n";
    const ms = parseOutput(raw, { mainFile: path.join(dir, "a.conf") });
    expect(ms.map((m) => m.file)).toEqual([path.join(dir, "sub/b.conf"), path.join(dir, "sub/deep/c.conf")]);
  });

  test("interface and VMAC messages that follow a missing interface are host-dependent", () => {
    const resolve = () => "/cfg/a.conf";
    const cascade = "(VI_1): Cannot use VMAC/ipvlan with unicast and no interface - clearing use_vmac";
    const withMissing = parseOutput(
      `(Line 2) WARNING - interface nosuch0 for vrrp_instance VI_1 doesn't exist\n(Line 14) ${cascade}\n(Line 3) Unknown keyword 'x'\n`,
      { mainFile: "/cfg/a.conf", resolve },
    );
    expect(withMissing.map((m) => m.hostDependent)).toEqual([true, true, false]);
    const alone = parseOutput(`(Line 14) ${cascade}\n`, { mainFile: "/cfg/a.conf", resolve });
    expect(alone.map((m) => m.hostDependent)).toEqual([false]);
  });

  test("references to a vrrp_script dropped for a host reason are host-dependent", () => {
    const resolve = () => "/cfg/a.conf";
    const ms = parseOutput(
      [
        "(Line 4) Unable to set default user for vrrp script chk - removing",
        "(Line 9) (VI_1) track script chk not found, ignoring...",
        "(Line 10) (VI_1) track script other not found, ignoring...",
      ].join("\n"),
      { mainFile: "/cfg/a.conf", resolve },
    );
    expect(ms.map((m) => m.hostDependent)).toEqual([true, true, false]);
  });

  test("text that only looks like a prefix is kept whole, without location", () => {
    const ms = parseOutput("(VI_1) Line 3 is odd\r\n", { mainFile: "/cfg/a.conf", resolve: () => "/cfg/a.conf" });
    expect(ms).toEqual([
      { file: "/cfg/a.conf", line: null, text: "(VI_1) Line 3 is odd", kind: "other", hostDependent: false },
    ]);
  });
});
