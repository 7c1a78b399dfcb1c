// The fuzzer's check of one input, apart from the input generators: the
// worker of scripts/fuzz.mjs loads only this (fast-check takes seconds to load
// on a busy machine, which a respawned worker would spend on every failure).

/**
 * Runs the linter (both target versions, alternately), the parser and the
 * formatter over one input. Returns a failure description, or undefined.
 * `api` is { lintText, format, formatChanges, memoryFiles } from the sources or the build;
 * `budgets` (optional) lowers the reader's budgets (the small shapes of fuzz-lib.mjs).
 */
export function checkInput(api, text, i, budgets) {
  const path = "/etc/keepalived/keepalived.conf";
  // The input is also what its includes find, so include lines lead somewhere (cycles included).
  const fs = api.memoryFiles({ [path]: text, "/etc/keepalived/x.conf": text, "/etc/keepalived/conf.d/a.conf": "global_defs {\n}\n" }, "/etc/keepalived");
  try {
    const r = api.lintText(text, path, { targetVersion: i % 2 ? "2.2.7" : "newest", configId: "id", ...(budgets ? { budgets } : {}) }, fs);
    const internal = r.diagnostics.find((d) => d.ruleId === "internal-error");
    if (internal) return `internal-error finding: ${internal.message}`;
    const out = api.format(text);
    if (typeof out !== "string") return "format returned no text";
    // What format --diff prints from: the changed lines, put in place, must make the formatted text.
    if (api.formatChanges) {
      const pieces = [];
      let at = 0;
      const ok = api.formatChanges(text, {}, (_from, _to, replacement, start, end) => {
        pieces.push(text.slice(at, start), replacement);
        at = end;
      });
      pieces.push(text.slice(at));
      if (ok && pieces.join("") !== out) return "formatChanges does not make what format makes";
    }
  } catch (e) {
    return `threw: ${e && e.stack ? e.stack.split("\n").slice(0, 4).join(" | ") : String(e)}`;
  }
  return undefined;
}

/**
 * parse --json's nodes (written as bytes from the reader's store) against
 * JSON.stringify of each node as its ConfigNode describes it, for a parse of
 * up to TREE_JSON_MAX_NODES lines; a failure description, or undefined. Apart from checkInput, whose CPU time is the
 * linter's: this check makes an object per node and stringifies it, far
 * more than parse --json does on an input that expands to many lines.
 * `api` is { memoryFiles, parseText, storeNodeOf, TreeJson, ByteOut }, the
 * last four from one place (storeNodeOf knows the views of its own module).
 */
export function checkTreeJson(api, text, budgets) {
  const path = "/etc/keepalived/keepalived.conf";
  const fs = api.memoryFiles({ [path]: text, "/etc/keepalived/x.conf": text, "/etc/keepalived/conf.d/a.conf": "global_defs {\n}\n" }, "/etc/keepalived");
  try {
    return treeJsonProblem(api, text, path, fs, budgets);
  } catch (e) {
    return `parse --json threw: ${e && e.stack ? e.stack.split("\n").slice(0, 4).join(" | ") : String(e)}`;
  }
}

/** Trees larger than this are not checked: the check's objects and JSON would be most of the fuzzer's time. */
const TREE_JSON_MAX_NODES = 20_000;

function treeJsonProblem(api, text, path, fs, budgets) {
  const parsed = api.parseText(text, path, { configId: "id", ...(budgets ? { budgets } : {}) }, fs);
  const roots = parsed.ast.children.map((n) => api.storeNodeOf(n));
  const nodes = roots.reduce((sum, r) => sum + (r.row >= 0 ? r.store.blockEndAt(r.row) - r.index : 1), 0);
  if (nodes > TREE_JSON_MAX_NODES) return undefined;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  // One writer for the parse, as parse --json has; each node's bytes taken apart by a flush after it.
  let written = "";
  const out = new api.ByteOut((chunk) => (written += decoder.decode(chunk)));
  const tree = new api.TreeJson(out, parsed.files);
  for (const [k, node] of parsed.ast.children.entries()) {
    written = "";
    tree.write(roots[k], 0);
    out.flush();
    if (written !== JSON.stringify(nodeValue(node, parsed.files), null, 2)) return `parse --json: top-level node ${k + 1} is not JSON.stringify of the node`;
  }
  return undefined;
}

function positionOf(file, offset) {
  return file ? file.position(offset) : { line: 1, column: 1 };
}

function wordValue(w, files) {
  const p = positionOf(files.get(w.file), w.start);
  return { text: w.text, quoted: w.quoted, ...(w.synthetic ? { synthetic: true } : {}), file: w.file, line: p.line, column: p.column };
}

function nodeValue(n, files) {
  const s = positionOf(files.get(n.file), n.start);
  const e = positionOf(files.get(n.file), n.end);
  return {
    name: n.name, kind: n.kind, context: n.context, known: n.known, file: n.file,
    line: s.line, column: s.column, endLine: e.line, endColumn: e.column,
    keyword: wordValue(n.keyword, files),
    args: n.args.map((a) => wordValue(a, files)),
    ...(n.block ? { block: { kind: n.block.kind, childContext: n.block.childContext, closed: n.block.close !== undefined } } : {}),
    children: n.children.map((c) => nodeValue(c, files)),
  };
}

/**
 * Everything a parse says, with line and column for every position: nodes
 * (kind, context, facts, words, spans, block braces, rest, include chain),
 * the reader's findings, the files' texts and line tables, the includes. Two
 * parses of one text are equal under it exactly when a lint could not tell
 * them apart (test/grammar/word-patch.test.ts, checkWordPatch).
 */
export function parseOutline(p) {
  const at = (file, offset) => {
    const pos = p.files.get(file)?.position(offset);
    return pos ? `${file}:${offset}=${pos.line}:${pos.column}` : `${file}:${offset}`;
  };
  const span = (s) => (s ? `${at(s.file, s.start)}-${s.end}` : "-");
  const word = (w) => `${w.quoted ? "q" : ""}${JSON.stringify(w.text)}@${span(w)}${w.via ? ` via ${w.via.map((v) => span(v.span)).join(",")}` : ""}`;
  const nodes = [];
  const walk = (list, depth) => {
    for (const n of list) {
      nodes.push(
        [depth, n.kind, n.context, n.known, n.spec?.name ?? "", n.name, span(n), word(n.keyword), ...n.args.map(word), JSON.stringify(n.rest),
          n.block ? `${n.block.kind} ${n.block.open ? span(n.block.open) : "-"} ${n.block.close ? span(n.block.close) : "-"}` : "",
          n.via ? n.via.map((v) => span(v.span)).join(",") : ""].join(" | "),
      );
      walk(n.children, depth + 1);
    }
  };
  walk(p.ast.children, 0);
  return {
    nodes,
    diagnostics: p.diagnostics.map((d) => `${d.ruleId} ${span(d)} ${d.message}`),
    files: [...p.files].map(([path, f]) => [path, f.text, [...f.lineStarts]]),
    includes: p.ast.includes.map((i) => `${i.keyword} ${span(i.span)} ${i.files.join(",")}`),
    roots: p.ast.roots,
  };
}

/** What a rename may make of a word: keywords of several contexts (block ones among them), values, a word no context knows. */
const RENAMES = ["lvs_sched", "lvs_method", "weight", "priority", "state", "BACKUP", "1", "10.9.9.9/24", "x_unknown", "track_script", "virtual_ipaddress"];

/**
 * --fix's word patch (grammar/word-patch.ts) on one input: renames up to
 * three words of the main file (chosen from `i`, so the input stream decides
 * everything) and, when patchWords patches, its parse must be a fresh read's
 * of the renamed text. A failure description, or undefined. `api` is
 * { memoryFiles, parseText, patchWords, applyEdits }.
 */
export function checkWordPatch(api, text, i, budgets) {
  const path = "/etc/keepalived/keepalived.conf";
  const options = { configId: "id", targetVersion: i % 2 ? "2.2.7" : "newest", ...(budgets ? { budgets } : {}) };
  const files = { "/etc/keepalived/x.conf": text, "/etc/keepalived/conf.d/a.conf": "global_defs {\n}\n" };
  try {
    const before = api.parseText(text, path, options, api.memoryFiles({ [path]: text, ...files }, "/etc/keepalived"));
    const words = [];
    const walk = (list) => {
      for (const n of list) {
        for (const w of [n.keyword, ...n.args]) if (w.file === path && !w.synthetic) words.push(w);
        walk(n.children);
      }
    };
    walk(before.ast.children);
    if (words.length === 0) return undefined;
    const chosen = new Map();
    for (let k = 0; k < 3; k++) {
      const w = words[(i * 7919 + k * 104729) % words.length];
      chosen.set(w.start, { file: path, start: w.start, end: w.end, text: RENAMES[(i + k) % RENAMES.length] });
    }
    // The text as --fix makes it. Words the preprocessor built may share a place or overlap: such edits
    // are not a fix's (applyEdits skips them), and the input is passed over.
    const { text: next, applied: edits, skipped } = api.applyEdits(text, [...chosen.values()]);
    if (skipped.length > 0) return undefined;
    const patched = api.patchWords(before, new Map([[path, { text: next, edits }]]), options);
    if (!patched) return undefined;
    const fresh = api.parseText(next, path, options, api.memoryFiles({ [path]: next, ...files }, "/etc/keepalived"));
    return JSON.stringify(parseOutline(patched)) === JSON.stringify(parseOutline(fresh)) ? undefined : "patchWords: the patched parse is not a fresh read's";
  } catch (e) {
    return `word patch threw: ${e && e.stack ? e.stack.split("\n").slice(0, 4).join(" | ") : String(e)}`;
  }
}
