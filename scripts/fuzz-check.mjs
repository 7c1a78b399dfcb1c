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
