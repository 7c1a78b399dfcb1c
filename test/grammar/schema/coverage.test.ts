// The schema against the research inventory of keepalived's keyword tree
// (../shared/reference/keywords.json, outside the repo): every keyword of
// every context is there with the right shape and versions, and every one has
// our own description. Skips when the inventory is absent.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { documentedKeys } from "../../../grammar/schema/descriptions.js";
import { allContexts, allKeywords, getContext, lookupKeyword, mustBeDefinedBeforeUse } from "../../../grammar/schema/index.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const INVENTORY = resolve(repoRoot, "../shared/reference/keywords.json");
const haveInventory = existsSync(INVENTORY);
if (!haveInventory) console.warn(`schema coverage tests skipped: ${INVENTORY} not found`);

interface InventoryEntry {
  opens_block: "keywords" | "values" | false;
  type: string;
  since: string;
  in_2_2_7: boolean;
}
interface Inventory {
  contexts: Record<string, { kind: string; keywords?: Record<string, InventoryEntry> }>;
}

describe.skipIf(!haveInventory)("schema covers keepalived's keyword tree", () => {
  const inv: Inventory = haveInventory ? JSON.parse(readFileSync(INVENTORY, "utf8")) : { contexts: {} };
  const entries = Object.entries(inv.contexts).flatMap(([context, c]) =>
    Object.entries(c.keywords ?? {}).map(([name, e]) => ({ context, name, e })),
  );

  it("has every keyword-in-context of the inventory, and no other", () => {
    expect(entries.length).toBe(531);
    expect(allKeywords().length).toBe(entries.length);
    const missing = entries.filter(({ context, name }) => !lookupKeyword(context, name)).map((x) => `${x.context}|${x.name}`);
    expect(missing).toEqual([]);
  });

  it("gives each keyword the kind its block-opening says", () => {
    const wrong: string[] = [];
    for (const { context, name, e } of entries) {
      const expected = e.opens_block === "keywords" ? "block" : e.opens_block === "values" ? "value-block" : e.type === "flag" ? "flag" : "scalar";
      const got = lookupKeyword(context, name)?.kind;
      if (got !== expected) wrong.push(`${context}|${name}: ${got} != ${expected}`);
    }
    expect(wrong).toEqual([]);
  });

  it("carries the first release and 2.2.7 presence of each keyword", () => {
    const wrong = entries
      .filter(({ context, name, e }) => {
        const k = lookupKeyword(context, name);
        return k?.since !== e.since || k.inV227 !== e.in_2_2_7;
      })
      .map((x) => `${x.context}|${x.name}`);
    expect(wrong).toEqual([]);
  });

  it("has every context, value blocks marked as such", () => {
    for (const [name, c] of Object.entries(inv.contexts)) {
      expect(getContext(name)?.kind, name).toBe(c.kind);
    }
    expect([...allContexts()].length).toBe(Object.keys(inv.contexts).length);
  });

  it("regenerates keywords.data.ts byte for byte from the inventory (the data file is not hand-edited)", () => {
    const dir = mkdtempSync(join(tmpdir(), "schema-"));
    try {
      const out = join(dir, "keywords.data.ts");
      execFileSync(process.execPath, [resolve(repoRoot, "scripts/gen-schema.mjs"), out], { stdio: "pipe" });
      expect(readFileSync(out, "utf8")).toBe(readFileSync(resolve(repoRoot, "grammar/schema/keywords.data.ts"), "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("descriptions", () => {
  it("every keyword has a one-line description of reasonable length", () => {
    const bad = allKeywords().filter((k) => k.description.trim() === "" || k.description.includes("\n") || k.description.length > 110);
    expect(bad.map((k) => `${k.context}|${k.name}: ${k.description.length}`)).toEqual([]);
  });

  it("has no prose for keywords that do not exist (typos, removed keywords)", () => {
    const stale = documentedKeys().filter((key) => {
      const [context, name] = key.split("|") as [string, string];
      return !lookupKeyword(context, name);
    });
    expect(stale).toEqual([]);
  });

  it("notes are ours, not the inventory's research text", () => {
    // The inventory wrote "->" arrows; our notes are sentences.
    expect(allKeywords().filter((k) => k.notes?.includes("->")).map((k) => k.name)).toEqual([]);
    expect(lookupKeyword("vrrp_instance", "priority")?.notes).toMatch(/255/);
  });
});

describe("aliases, deprecations and references", () => {
  it("marks old names as aliases of the current keyword", () => {
    for (const ctx of ["HTTP_GET", "SSL_GET"]) {
      const k = lookupKeyword(`virtual_server.real_server.${ctx}`, "nb_get_retry");
      expect(k?.aliasOf).toBe("retry");
      expect(k?.deprecated?.use).toBe("retry");
    }
    const tf = lookupKeyword("root", "vrrp_track_file");
    expect(tf?.aliasOf).toBe("track_file");
    expect(tf?.deprecated?.use).toBe("track_file");
    expect(lookupKeyword("global_defs", "vrrp_rlimit_rtime")?.aliasOf).toBe("vrrp_rlimit_rttime");
    expect(lookupKeyword("vrrp_instance", "vmac_garp_intvl")?.aliasOf).toBe("garp_extra_if");
  });

  it("says which object a reference argument or value-block entry names", () => {
    expect(lookupKeyword("virtual_server.real_server.BFD_CHECK", "name")?.ref).toBe("bfd_instance");
    expect(lookupKeyword("virtual_server.real_server.FILE_CHECK", "track_file")?.ref).toBe("track_file");
    expect(getContext("vrrp_sync_group.group")?.entryRef).toBe("vrrp_instance");
    expect(getContext("track_group.group")?.entryRef).toBe("vrrp_instance");
    expect(getContext("vrrp_instance.track_script")?.entryRef).toBe("vrrp_script");
    expect(getContext("vrrp_sync_group.track_script")?.entryRef).toBe("vrrp_script");
    expect(getContext("vrrp_instance.track_file")?.entryRef).toBe("track_file");
    expect(getContext("vrrp_instance.track_process")?.entryRef).toBe("vrrp_track_process");
    expect(getContext("vrrp_instance.track_bfd")?.entryRef).toBe("bfd_instance");
    // Interfaces are not schema objects.
    expect(getContext("vrrp_instance.track_interface")?.entryRef).toBeUndefined();
  });

  it("says which objects must be defined before they are referenced (looked up while reading)", () => {
    const early = (["vrrp_script", "track_file", "vrrp_track_process", "bfd_instance", "track_group", "vrrp_instance", "virtual_server_group", "vrrp_sync_group"] as const).filter(
      mustBeDefinedBeforeUse,
    );
    expect(early).toEqual(["vrrp_script", "track_file", "vrrp_track_process", "bfd_instance", "track_group"]);
  });

  it("says which root blocks declare named objects", () => {
    expect(lookupKeyword("root", "vrrp_script")?.defines).toBe("vrrp_script");
    expect(lookupKeyword("root", "vrrp_track_file")?.defines).toBe("track_file");
    expect(lookupKeyword("root", "virtual_server_group")?.defines).toBe("virtual_server_group");
    expect(lookupKeyword("root", "global_defs")?.defines).toBeUndefined();
  });

  it("marks the keywords that make a vrrp_instance unicast (VRRP_FLAG_UNICAST_CONFIGURED)", () => {
    const marked = allKeywords().filter((k) => k.setsUnicast).map((k) => `${k.context}|${k.name}`).sort();
    expect(marked).toEqual([
      "vrrp_instance|check_unicast_src",
      "vrrp_instance|old_unicast_checksum",
      "vrrp_instance|unicast_fault_no_peer",
      "vrrp_instance|unicast_peer",
      "vrrp_instance|unicast_src_ip",
    ]);
  });

  it("lists the words of every enum and boolean (for completion and checks)", () => {
    expect(allKeywords().filter((k) => (k.type === "enum" || k.type === "bool") && !k.values?.length).map((k) => k.name)).toEqual([]);
    expect(lookupKeyword("virtual_server", "lb_kind")?.values).toEqual(["NAT", "DR", "TUN"]);
    expect(lookupKeyword("global_defs", "lvs_flush_on_stop")?.values).toEqual(["VS"]);
  });

  it("records where 2.2.7 read a value differently", () => {
    expect(lookupKeyword("global_defs", "vrrp_strict")?.older).toEqual({ until: "2.3.0", type: "flag" });
    expect(lookupKeyword("vrrp_script", "interval")?.older).toEqual({ until: "2.3.2", type: "uint", range: [0, 4294] });
  });
});
