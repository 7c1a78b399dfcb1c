import { it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
// @ts-expect-error mjs
import { parseOutline, checkWordPatch } from "../scripts/fuzz-check.mjs";
import { memoryFiles } from "../grammar/files.js";
import { parseText } from "../grammar/reader.js";
import { patchWords } from "../grammar/word-patch.js";
const api = { memoryFiles, parseText, patchWords };
it("dbg", () => {
  const dir = "/tmp/fuzzout/derived/";
  const files = [...readdirSync(dir).map((f) => dir + f), ...readdirSync("/tmp/fuzzout").filter((f) => f.endsWith(".conf")).map((f) => "/tmp/fuzzout/" + f)];
  for (const f of files) {
    const text = readFileSync(f, "latin1");
    for (let i = 0; i < 20000; i++) {
      const r = checkWordPatch({ ...api, patchWords: (b: any, c: any, o: any) => { const p = patchWords(b, c, o); if (p) (globalThis as any).last = { b, c, o, p }; return p; } }, text, i);
      if (r) {
        const { c, o, p } = (globalThis as any).last;
        const [[path, { text: next, edits }]] = [...c];
        const fresh = parseText(next, path, o, memoryFiles({ [path]: next, "/etc/keepalived/x.conf": text, "/etc/keepalived/conf.d/a.conf": "global_defs {\n}\n" }, "/etc/keepalived"));
        const a = parseOutline(p), bb = parseOutline(fresh);
        let msg = "";
        for (const k of Object.keys(a)) { const ax = a[k], bx = bb[k]; if (JSON.stringify(ax) !== JSON.stringify(bx)) { msg += ` DIFF ${k}`; if (Array.isArray(ax)) for (let j = 0; j < Math.max(ax.length, bx.length); j++) if (JSON.stringify(ax[j]) !== JSON.stringify(bx[j])) { msg += `\n   P: ${JSON.stringify(ax[j])?.slice(0, 300)}\n   F: ${JSON.stringify(bx[j])?.slice(0, 300)}`; break; } } }
        console.log(f.split("/").pop(), "i=", i, edits.map((e: any) => `${JSON.stringify(text.slice(e.start, e.end))}->${e.text}`).join(" "), msg);
        break;
      }
    }
  }
});
