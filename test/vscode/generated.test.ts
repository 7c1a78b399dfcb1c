// The committed grammars and manifest entries are the generator's output for
// today's schema: a keyword added to grammar/schema without regenerating
// (npm run gen:grammars) fails here.
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { grammarFiles, grammarText, keepalivedGrammar, manifestText } from "../../editors/vscode/textmate/index.js";
import { allKeywordFacts } from "../../grammar/schema/facts.js";
import { extensionDir } from "./textmate.js";

const HOW = "stale: run `npm run gen:grammars` and commit the result";

describe("generated grammar files", () => {
  it("syntaxes/ holds exactly the generated grammars, byte for byte", () => {
    const files = grammarFiles();
    expect(readdirSync(resolve(extensionDir, "syntaxes")).sort(), HOW).toEqual([...files.keys()].sort());
    for (const [name, grammar] of files) {
      expect(readFileSync(resolve(extensionDir, "syntaxes", name), "utf8"), `syntaxes/${name} ${HOW}`).toBe(grammarText(grammar));
    }
  });

  it("package.json declares exactly those languages and grammars", () => {
    const text = readFileSync(resolve(extensionDir, "package.json"), "utf8");
    expect(text, `editors/vscode/package.json ${HOW}`).toBe(manifestText(text));
  });

  it("the generator follows the schema: a new keyword changes the grammar", () => {
    const facts = allKeywordFacts();
    const added = { ...facts.find((k) => k.kind === "scalar")!, name: "brand_new_keyword" };
    const before = JSON.stringify(keepalivedGrammar(facts));
    const after = JSON.stringify(keepalivedGrammar([...facts, added]));
    expect(before).not.toContain("brand_new_keyword");
    expect(after).toContain("brand_new_keyword");
  });
});
