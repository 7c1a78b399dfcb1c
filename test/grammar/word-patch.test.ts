// patchWords (grammar/word-patch.ts) makes the parse of a text whose words
// were renamed from the parse of the text before: it must be the parse a
// fresh read of the new text gives, position for position, or nothing.
import fc from "fast-check";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { ConfigNode, Edit, Word } from "../../grammar/ast.js";
import { memoryFiles } from "../../grammar/files.js";
import { readConfig, type ParseResult, type ReaderOptions } from "../../grammar/reader.js";
import { patchWords } from "../../grammar/word-patch.js";
import { applyEdits } from "../../src/engine/fix.js";
// @ts-expect-error: a plain .mjs module shared with the fuzz script
import { parseOutline } from "../../scripts/fuzz-check.mjs";

const CORPUS = resolve(import.meta.dirname, "../../../shared/corpus/keepalived-devel-tools/configs");
const OPTIONS: ReaderOptions = { configId: "lb1", template: "off" };

/** Everything a parse says, with line and column for every position (so a wrong offset or line table shows): the fuzzer's outline. */
const outline = (p: ParseResult): unknown => parseOutline(p);

/** `files` with the edits applied to `path`, read afresh and patched from the read before. */
function readAndPatch(files: Record<string, string>, main: string, path: string, edits: Edit[], options = OPTIONS) {
  const before = readConfig(memoryFiles(files, "/"), [main], options);
  const shapeBefore = outline(before);
  // The text as --fix makes it (applyEdits), and the edits sorted as it returns them.
  const { text, applied: sorted } = applyEdits(files[path], edits);
  const fresh = readConfig(memoryFiles({ ...files, [path]: text }, "/"), [main], options);
  const patched = patchWords(before, new Map([[path, { text, edits: sorted }]]), options);
  // The parse patched from is left as it was.
  expect(outline(before)).toEqual(shapeBefore);
  return { fresh, patched };
}

/** The edit renaming the n-th occurrence of `word` in `text` to `to`. */
function rename(text: string, word: string, to: string, n = 0): Edit {
  let start = -1;
  for (let i = 0; i <= n; i++) start = text.indexOf(word, start + 1);
  if (start < 0) throw new Error(`no ${word}`);
  return { file: "/k.conf", start, end: start + word.length, text: to };
}

const LVS = `global_defs {
  router_id lb1
}
virtual_server 10.0.0.1 80 {
  lb_algo rr
  lb_kind NAT
  protocol TCP
  real_server 10.0.1.1 80 {
    weight 1
    TCP_CHECK {
      connect_timeout 3
    }
  }
}
virtual_server 10.0.0.2 443 {
  delay_loop 6
  lb_algo wrr
  lb_kind DR
  real_server 10.0.1.2 443 {
    weight 2
  }
}
`;

describe("patchWords", () => {
  it("renames deprecated keywords as a fresh read of the renamed text has them: facts, offsets, line table", () => {
    const edits = [rename(LVS, "lb_algo", "lvs_sched"), rename(LVS, "lb_kind", "lvs_method"), rename(LVS, "lb_algo", "lvs_sched", 1), rename(LVS, "lb_kind", "lvs_method", 1)];
    const { fresh, patched } = readAndPatch({ "/k.conf": LVS }, "/k.conf", "/k.conf", edits);
    expect(patched).toBeDefined();
    expect(outline(patched!)).toEqual(outline(fresh));
    // Read by hand: the second virtual server's renamed line, its facts and where it now is.
    const vs = patched!.ast.children[2];
    const sched = vs.children.find((n) => n.name === "lvs_sched")!;
    expect([sched.known, sched.spec?.name, sched.args[0].text]).toEqual([true, "lvs_sched", "wrr"]);
    expect(patched!.files.get("/k.conf")!.text.slice(sched.keyword.start, sched.keyword.end)).toBe("lvs_sched");
    expect(patched!.files.get("/k.conf")!.position(sched.keyword.start)).toEqual({ line: 17, column: 3 });
  });

  it("patches shorter and longer words, unknown keywords and arguments", () => {
    const edits = [rename(LVS, "router_id", "no_such_keyword"), rename(LVS, "wrr", "rr"), rename(LVS, "connect_timeout", "retry"), rename(LVS, "10.0.1.2", "10.0.1.20")];
    const { fresh, patched } = readAndPatch({ "/k.conf": LVS }, "/k.conf", "/k.conf", edits);
    expect(patched).toBeDefined();
    expect(outline(patched!)).toEqual(outline(fresh));
    expect(patched!.ast.children[0].children[0].known).toBe(false);
  });

  it("patches an included file, and the main file after its include line", () => {
    const files = { "/main.conf": "global_defs {\n  router_id a\n}\ninclude /inc.conf\nvirtual_server 10.0.0.9 80 {\n  lb_algo rr\n}\n", "/inc.conf": LVS };
    const inc = readAndPatch(files, "/main.conf", "/inc.conf", [{ ...rename(LVS, "lb_kind", "lvs_method"), file: "/inc.conf" }]);
    expect(inc.patched).toBeDefined();
    expect(outline(inc.patched!)).toEqual(outline(inc.fresh));
    const main = files["/main.conf"];
    const at = main.indexOf("lb_algo");
    const after = readAndPatch(files, "/main.conf", "/main.conf", [{ file: "/main.conf", start: at, end: at + 7, text: "lvs_sched" }]);
    expect(after.patched).toBeDefined();
    expect(outline(after.patched!)).toEqual(outline(after.fresh));
  });

  it("reads again (no patch) when an edit could change how the text reads", () => {
    const none = (edits: Edit[], files: Record<string, string> = { "/k.conf": LVS }, path = "/k.conf", options = OPTIONS) =>
      readAndPatch(files, Object.keys(files)[0], path, edits, options).patched;
    const at = (word: string, n = 0) => rename(LVS, word, word, n);
    // Not one whole word: part of one, two words, a brace.
    expect(none([{ ...at("lb_algo"), end: at("lb_algo").end - 1, text: "x" }])).toBeUndefined();
    expect(none([{ ...at("lb_algo"), end: at("lb_algo").end + 3, text: "lvs_sched" }])).toBeUndefined();
    expect(none([{ file: "/k.conf", start: LVS.indexOf("{"), end: LVS.indexOf("{") + 1, text: "x" }])).toBeUndefined();
    // New words the reader would not read as one plain word.
    for (const text of ["a b", "a{", "}", '"x"', "#x", "!x", "$X", "@lb1", "~SEQ", "include", "<%x", "%x", "a\\b", ""]) {
      expect(none([{ ...at("lb_algo"), text }]), text).toBeUndefined();
    }
    // A brace that is an entry of its own in a value block (renamed to a word, it would join the line before).
    const stray = "vrrp_instance VI_1 {\n  virtual_ipaddress {\n    10.0.0.1/24 {\n    }\n  }\n}\n";
    const brace = stray.indexOf("{", stray.indexOf("10.0.0.1/24"));
    expect(none([{ file: "/k.conf", start: brace, end: brace + 1, text: "x" }], { "/k.conf": stray })).toBeUndefined();
    // A keyword that opens a block, before or after.
    expect(none([rename(LVS, "TCP_CHECK", "HTTP_GET")])).toBeUndefined();
    expect(none([rename(LVS, "weight", "TCP_CHECK")])).toBeUndefined();
    // A quoted word.
    const quoted = 'global_defs {\n  router_id "lb1"\n}\n';
    expect(none([{ file: "/k.conf", start: quoted.indexOf('"'), end: quoted.indexOf('"') + 5, text: "lb2" }], { "/k.conf": quoted })).toBeUndefined();
    // A line that grows past what keepalived reads.
    const long = `global_defs {\n  router_id ${"x".repeat(1005)}\n}\n`;
    expect(none([{ file: "/k.conf", start: long.indexOf("x"), end: long.indexOf("x") + 1005, text: "y".repeat(1030) }], { "/k.conf": long })).toBeUndefined();
    // An include after the edit (the included words' include chain would move).
    const including = `${LVS}include /other.conf\n`;
    expect(none([rename(including, "lb_algo", "lvs_sched")], { "/k.conf": including, "/other.conf": "" })).toBeUndefined();
    // A file read twice.
    const twice = { "/main.conf": "include /inc.conf\ninclude /inc.conf\n", "/inc.conf": LVS };
    expect(none([{ ...at("lb_algo"), file: "/inc.conf" }], twice, "/inc.conf")).toBeUndefined();
    // A template.
    const template = `${LVS}# {{ managed }}\n`;
    expect(none([rename(template, "lb_algo", "lvs_sched")], { "/k.conf": template }, "/k.conf", { ...OPTIONS, template: "auto" })).toBeUndefined();
  });

  it("moves the reader's findings after the edits, and reads again when one is on an edited word", () => {
    const extra = `${LVS}}\nvirtual_server 10.0.0.3 80 {\n  lb_algo rr\n`;
    const edits = [rename(extra, "lb_algo", "lvs_sched"), rename(extra, "lb_algo", "lvs_sched", 2)];
    const { fresh, patched } = readAndPatch({ "/k.conf": extra }, "/k.conf", "/k.conf", edits);
    expect(patched).toBeDefined();
    expect(patched!.diagnostics.map((d) => d.ruleId)).toEqual(["unbalanced-brace", "unbalanced-brace"]);
    expect(outline(patched!)).toEqual(outline(fresh));
    // A finding whose span holds an edited word (its message may quote the word): no patch.
    const before = readConfig(memoryFiles({ "/k.conf": LVS }, "/"), ["/k.conf"], OPTIONS);
    const e = rename(LVS, "lb_kind", "lvs_method");
    const text = LVS.slice(0, e.start) + e.text + LVS.slice(e.end);
    const onWord = { ...before, diagnostics: [{ ruleId: "x", severity: "error" as const, message: "lb_kind", file: "/k.conf", start: e.start - 2, end: e.end }] };
    expect(patchWords(onWord, new Map([["/k.conf", { text, edits: [e] }]]), OPTIONS)).toBeUndefined();
    expect(patchWords(before, new Map([["/k.conf", { text, edits: [e] }]]), OPTIONS)).toBeDefined();
  });

  it("reads again when a reader finding quotes an edited word outside its span (the fuzzer's counterexample)", () => {
    // A `{` after a line that opens no block: the finding is on the brace and names the line's keyword.
    const text = "virtual_server 10.0.0.1 80 {\n  real_server 10.0.1.1 80 {\n    weight 1 {\n    }\n  }\n}\n";
    const e = rename(text, "weight", "retry");
    const { fresh, patched } = readAndPatch({ "/k.conf": text }, "/k.conf", "/k.conf", [e]);
    expect(fresh.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('after "retry"'));
    expect(patched).toBeUndefined();
  });

  it.skipIf(!existsSync(CORPUS))("equals a fresh read whenever it patches: random word renames over the corpus", () => {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith(".conf")).sort().filter((_, i) => i % 6 === 0);
    const texts = files.map((f) => readFileSync(join(CORPUS, f), "latin1")).filter((t) => t.length < 40_000);
    let patchedCount = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: texts.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("lvs_sched", "lvs_method", "weight", "priority", "state", "x_unknown", "1", "10.9.9.9/24", "BACKUP", "a", "track_script", "virtual_ipaddress", "include")), { minLength: 1, maxLength: 4 }),
        (which, picks) => {
          const text = texts[which];
          const before = readConfig(memoryFiles({ "/k.conf": text }, "/"), ["/k.conf"], OPTIONS);
          const words: Word[] = [];
          const walk = (list: readonly ConfigNode[]) => {
            for (const n of list) {
              if (n.keyword.file === "/k.conf") words.push(n.keyword, ...n.args.filter((w) => w.file === "/k.conf"));
              walk(n.children);
            }
          };
          walk(before.ast.children);
          if (words.length === 0) return;
          const chosen = new Map<number, Edit>();
          for (const [i, to] of picks) {
            const w = words[i % words.length];
            chosen.set(w.start, { file: "/k.conf", start: w.start, end: w.end, text: to });
          }
          const { text: next, applied: edits } = applyEdits(text, [...chosen.values()]);
          const patched = patchWords(before, new Map([["/k.conf", { text: next, edits }]]), OPTIONS);
          if (!patched) return;
          patchedCount++;
          const fresh = readConfig(memoryFiles({ "/k.conf": next }, "/"), ["/k.conf"], OPTIONS);
          expect(outline(patched)).toEqual(outline(fresh));
        },
      ),
      { numRuns: 300 },
    );
    // Most renames are patchable: the comparison must have been made, and often.
    expect(patchedCount).toBeGreaterThan(40);
  });
});
