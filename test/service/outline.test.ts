import { describe, expect, it } from "vitest";
import { documentSymbols, foldingRanges } from "../../src/service/index.js";
import { fixture, MAIN } from "./fixture.js";

const LVS = [
  "virtual_server 10.0.0.1 80 {", // 0
  "  lb_algo rr", //                1
  "  real_server 10.0.1.1 80 {", // 2
  "    TCP_CHECK {", //             3
  "      connect_timeout 3", //     4
  "    }", //                       5
  "  }", //                         6
  "}", //                           7
  "",
].join("\n");

describe("document symbols", () => {
  it("outlines virtual servers, real servers and checkers with their ranges", () => {
    const [vs] = documentSymbols(fixture({ [MAIN]: LVS }), MAIN);
    expect(vs.name).toBe("virtual_server 10.0.0.1 80");
    expect(vs.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 7, character: 1 } });
    expect(vs.selectionRange).toEqual({ start: { line: 0, character: 15 }, end: { line: 0, character: 23 } });
    expect(vs.children?.map((c) => c.name)).toEqual(["real_server 10.0.1.1 80"]);
    expect(vs.children?.[0].children?.map((c) => c.name)).toEqual(["TCP_CHECK"]);
  });

  it("outlines instances and groups but not value blocks", () => {
    const symbols = documentSymbols(fixture(), MAIN);
    expect(symbols.map((s) => s.name)).toEqual(["vrrp_instance VI_1", "vrrp_sync_group G1", "vrrp_instance VI_2"]);
    expect(symbols[0].children).toEqual([]);
  });
});

describe("folding ranges", () => {
  it("folds blocks up to the line before the closing brace", () => {
    expect(foldingRanges(LVS)).toEqual([
      { startLine: 0, endLine: 6 },
      { startLine: 2, endLine: 5 },
      { startLine: 3, endLine: 4 },
    ]);
  });

  it("folds comment runs and works with CRLF and unclosed blocks", () => {
    const text = "# one\n# two\n# three\nglobal_defs {\r\n  router_id a\r\n  script_user x\r\n";
    expect(foldingRanges(text)).toEqual([
      { startLine: 0, endLine: 2, kind: "comment" },
      { startLine: 3, endLine: 5 },
    ]);
  });
});
