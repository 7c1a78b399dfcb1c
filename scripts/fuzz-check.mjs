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
