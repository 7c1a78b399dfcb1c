// `rules` says "yes" only where --fix fixes every finding, "some" where it fixes some kinds (unknown-keyword: case slips only).
import { describe, expect, it } from "vitest";
import { runCli, tempTree } from "./helpers.js";
import { join } from "node:path";

const column = (table: string, id: string) => table.split("\n").find((l) => l.startsWith(id + " "))?.trim().split(/\s+/)[3];

describe("fixable in the rules table", () => {
  it("unknown-keyword is fixable in some cases, nopreempt-preempt-delay always, equal-priorities never", () => {
    const table = runCli(["rules"]).stdout;
    expect(column(table, "unknown-keyword")).toBe("some");
    expect(column(table, "nopreempt-preempt-delay")).toBe("yes");
    expect(column(table, "unmatched-quote")).toBe("no");
    const json = JSON.parse(runCli(["rules", "--json"]).stdout) as { id: string; fixable: boolean | string }[];
    expect(json.find((r) => r.id === "unknown-keyword")?.fixable).toBe("some");
  });

  it("and --fix indeed fixes a case slip but not a misspelling", () => {
    const dir = tempTree({ "k.conf": "global_defs {\n  Router_Id lb1\n  routr_id lb2\n}\n" });
    const r = runCli(["-f", "compact", "--fix-dry-run", join(dir, "k.conf")]);
    expect(r.stdout).toContain("+  router_id lb1");
    expect(r.stdout).not.toContain("+  router_id lb2");
    expect(r.stderr).toMatch(/unknown keyword "routr_id"/);
  });
});
