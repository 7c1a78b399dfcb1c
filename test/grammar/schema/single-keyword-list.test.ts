// grammar/schema/keywords.data.ts is the only keyword list of the project:
// code elsewhere asks the schema (by type, kind, ref, …) instead of writing
// its own arrays of keyword names, which would drift from keepalived's tree.
// Heuristic: an array literal outside grammar/schema holding three or more
// distinctive keyword names (names with "_" or "-", like virtual_router_id)
// is a second list.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { allKeywords } from "../../../grammar/schema/index.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const SCANNED = ["grammar", "src", "rules"];
const EXEMPT = resolve(repoRoot, "grammar/schema");

function tsFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === EXEMPT) return [];
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

// Short common words (state, weight, interface) appear in ordinary code; names with separators do not.
// Object kinds (RefKind: "vrrp_script", "track_file", …) are type vocabulary, not keywords, even where the words coincide.
const kinds = new Set<string>(allKeywords().flatMap((k) => [k.defines, k.ref].filter((x): x is NonNullable<typeof x> => x !== undefined)));
const distinctive = new Set(allKeywords().map((k) => k.name).filter((n) => /[_-]/.test(n) && n.length >= 6 && !kinds.has(n)));

/** Array literals (innermost brackets) naming three or more distinctive keywords. */
function keywordLists(source: string): string[][] {
  const found: string[][] = [];
  for (const m of source.matchAll(/\[([^[\]]*)\]/g)) {
    const names = [...m[1]!.matchAll(/["'`]([A-Za-z0-9_-]+)["'`]/g)].map((s) => s[1]!).filter((s) => distinctive.has(s));
    if (new Set(names).size >= 3) found.push([...new Set(names)]);
  }
  return found;
}

describe("one keyword list", () => {
  it("the detector finds a list and ignores ordinary arrays", () => {
    expect(keywordLists(`const SCRIPTS = [\n  "notify_master",\n  "notify_backup", "notify_fault"];`)).toEqual([["notify_master", "notify_backup", "notify_fault"]]);
    expect(keywordLists(`const a = ["notify_master", "x", "y"]; const b = [1, 2, 3];`)).toEqual([]);
    expect(keywordLists(`const k: RefKind[] = ["vrrp_script", "track_file", "bfd_instance"];`)).toEqual([]);
  });

  it("no file in grammar/ (outside grammar/schema), src/ or rules/ writes its own list of keyword names", () => {
    const offenders: string[] = [];
    const files = SCANNED.flatMap((top) => tsFiles(resolve(repoRoot, top)));
    expect(files.length).toBeGreaterThan(0);
    {
      for (const file of files) {
        for (const list of keywordLists(readFileSync(file, "utf8"))) offenders.push(`${relative(repoRoot, file)}: ${list.join(", ")}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
