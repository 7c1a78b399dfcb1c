// Writes docs/rules/README.md, the table of every rule, from the built rule
// metadata (run `npm run build` first). test/rules/index-doc.test.ts fails
// when the table is out of date.
import { writeFileSync } from "node:fs";
import { rulesIndexMarkdown } from "../dist/src/workspace/rules-index.js";

writeFileSync(new URL("../docs/rules/README.md", import.meta.url), rulesIndexMarkdown());
console.log("wrote docs/rules/README.md");
