// keepalived 2.2.7's `-t` with `net_namespace` set: only the parent's reading
// (global_defs, top-level lines) is reported; the VRRP/checker/BFD processes
// that read their blocks inside the namespace print nothing, and the exit code
// ignores them. The differential test therefore does not hold our findings in
// those blocks against keepalived (test/schema-rules/compare.ts,
// namespacedChildBlocks). Skips when the keepalived binary is absent.
import { afterAll, describe, expect, it } from "vitest";
import { parseText } from "../../../grammar/reader.js";
import { keepalivedAvailable, runKeepalived } from "../../oracle/keepalived.js";
import { removeTrees, writeTree } from "../../oracle/tempdir.js";
import { namespacedChildBlocks } from "../../schema-rules/compare.js";

const available = keepalivedAvailable();
if (!available) console.warn("oracle namespace tests skipped: no keepalived binary");

const BODY = [
  "global_defs {",
  "    bogus_global_keyword",
  "}",
  "vrrp_instance VI_1 {",
  "    bogus_vrrp_keyword",
  "}",
  "virtual_server 10.0.0.1 80 {",
  "    bogus_lvs_keyword",
  "}",
];

describe.skipIf(!available)("keepalived -t and net_namespace", () => {
  afterAll(removeTrees);

  it("without net_namespace every block's unknown keyword is reported", () => {
    const dir = writeTree({ "keepalived.conf": BODY.join("\n") + "\n" });
    const lines = runKeepalived(`${dir}/keepalived.conf`).messages.filter((m) => m.kind === "unknown-keyword").map((m) => m.line);
    expect(lines).toEqual(expect.arrayContaining([2, 5, 8]));
  });

  it("with net_namespace only global_defs is checked, and -t exits 0", () => {
    const dir = writeTree({ "keepalived.conf": ["net_namespace lint_test_ns", ...BODY].join("\n") + "\n" });
    const r = runKeepalived(`${dir}/keepalived.conf`);
    const lines = r.messages.filter((m) => m.kind === "unknown-keyword").map((m) => m.line);
    expect(lines).toEqual([3]);
    expect(r.exitCode).toBe(0);
  });
});

describe("namespacedChildBlocks", () => {
  it("names every top-level block but global_defs when net_namespace is set", () => {
    const text = ["net_namespace ns", ...BODY].join("\n") + "\n";
    const blocks = namespacedChildBlocks(parseText(text, "/k.conf").ast.children, () => text);
    expect(blocks.map((b) => text.slice(b.start, b.end).split(" ")[0])).toEqual(["vrrp_instance", "virtual_server"]);
  });

  it("names nothing without net_namespace", () => {
    const text = BODY.join("\n") + "\n";
    expect(namespacedChildBlocks(parseText(text, "/k.conf").ast.children, () => text)).toEqual([]);
  });

  it("runs a block on to where keepalived's brace count closes it", () => {
    // `notify ${X}` with X undefined: the reader splits its braces and the ignored '{' lets the '}' close the block;
    // keepalived's parent counts both braces and skips to the block's last line.
    // A ${NAME} on the keyword line counts for nothing (keepalived counts after substitution).
    const text = "net_namespace ns\n$G=g\nvrrp_sync_group ${G} {\n  notify /a/${X}.sh\n  smtp_alert\n}\n";
    const [block] = namespacedChildBlocks(parseText(text, "/k.conf").ast.children, () => text);
    expect(text.slice(block!.start, block!.end)).toBe("vrrp_sync_group ${G} {\n  notify /a/${X}.sh\n  smtp_alert\n}");
  });
});
