// Regenerates grammar/schema/versions.data.ts: in which keepalived releases each
// keyword of each context exists, read from keepalived's own sources at every
// release tag from 2.0.19 on and at HEAD.
//
//   node scripts/gen-versions.mjs <keepalived git dir> [output-file]
//
// The git dir is a clone (or bare mirror) of keepalived; nothing of it is copied
// here. For each tag the script replays what keepalived does at start-up when it
// builds its keyword tree: the install_keyword_root / install_keyword /
// install_keyword_quoted / install_sublevel / install_sublevel_end calls, in
// call order, following calls into other functions (install_checkers_keyword()
// → install_http_check_keyword() …) and literal bool arguments into
// `if (param)` (install_checker_common_keywords(false) installs no connect_*).
// Preprocessor branches are taken as a distribution's build takes them: every
// feature on (#ifdef X → first branch, #ifndef X → #else branch), `#if 0` off.
// What this cannot see (value forms, checks across keywords) is in
// grammar/schema/value-forms.ts, decided by tests against built keepalived.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";

const gitDir = process.argv[2];
if (!gitDir) {
  console.error("usage: node scripts/gen-versions.mjs <keepalived git dir> [output-file]");
  process.exit(2);
}
const out = process.argv[3] ?? new URL("../grammar/schema/versions.data.ts", import.meta.url);
const git = (...args) => execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });

const semver = (t) => t.replace(/^v/, "").split(".").map(Number);
const byVersion = (a, b) => { const x = semver(a), y = semver(b); return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; };
const tags = git("tag", "--list", "v2.*").split("\n").filter((t) => /^v2\.\d+\.\d+$/.test(t))
  .filter((t) => byVersion(t, "v2.0.19") >= 0).sort(byVersion);
const releases = [...tags.map((t) => t.slice(1)), "HEAD"];
const refOf = (r) => (r === "HEAD" ? "HEAD" : "v" + r);

// Macros a distribution's build does not define (debugging aids, unused code); every other feature macro is on.
const OFF = /DEBUG|_DONT_|UNUSED|_TIMER_CHECK_|_MEM_CHECK_|_EINTR_CHECK_|_STRICT_CONFIG_|_ONE_PROCESS_/;
const defined = (name) => !OFF.test(name);
/** Truth of an #if expression: defined() and feature names as above; anything unreadable counts as on. */
function ifTruth(expr) {
  const js = expr.replace(/defined\s*\(?\s*(\w+)\s*\)?/g, (_, n) => (defined(n) ? " 1 " : " 0 "))
    .replace(/\b[A-Za-z_]\w*\b(\s*\([^)]*\))?/g, (n) => (defined(n) ? " 1 " : " 0 "));
  try { return Boolean(Function(`return (${js});`)()); } catch { return true; }
}

/** Removes the branches a feature-complete build does not compile. */
function preprocess(text) {
  const kept = [];
  const stack = []; // per #if: is this branch compiled, was an earlier branch taken
  const on = () => stack.every((s) => s.on);
  for (const line of text.split("\n")) {
    const d = /^\s*#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)$/.exec(line);
    if (!d) { kept.push(on() ? line : ""); continue; }
    const [, kind, rest] = d;
    const cond = rest.replace(/\/\*.*?\*\/|\/\/.*$/g, "").trim();
    if (kind === "ifdef" || kind === "ifndef" || kind === "if") {
      const yes = kind === "ifdef" ? defined(cond) : kind === "ifndef" ? !defined(cond) : ifTruth(cond);
      stack.push({ on: yes, taken: yes });
    } else if (kind === "elif" || kind === "else") {
      const top = stack.at(-1);
      if (top) { const yes = !top.taken && (kind === "else" || ifTruth(cond)); top.on = yes; top.taken ||= yes; }
    } else stack.pop();
    kept.push("");
  }
  return kept.join("\n");
}

const stripComments = (t) => t.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " ")).replace(/\/\/[^\n]*/g, "");

/** Top-level function definitions (keepalived's style: name at column 0, body braces at column 0). */
function functionsOf(text, table) {
  const re = /^(\w+)\s*\(((?:[^()]|\([^()]*\))*)\)\s*\n\{\n([\s\S]*?)\n\}/gm;
  for (let m; (m = re.exec(text)); ) {
    // A function pointer parameter "void (*handler) (const vector_t *)" is named by its "(*name)".
    const params = m[2].replace(/\([^()]*\)\s*\([^()]*\)/g, (fp) => /\(\s*\*\s*(\w+)/.exec(fp)?.[1] ?? "")
      .split(",").map((p) => p.trim().split(/[\s*]+/).pop()).filter((p) => p && p !== "void");
    table.set(m[1], { params, body: m[3] });
  }
}

/** Tokens the replay cares about. */
function tokenize(body) {
  const toks = [];
  const re = /\b(install_keyword_root|install_keyword_quoted|install_keyword|install_sublevel_end|install_sublevel)\s*\(\s*(?:"([^"]*)"|(\w+))?|\bif\s*\(\s*(!?)\s*(\w+)\s*\)|\bif\s*\(\s*(!?)\s*strcmp\s*\(\s*(\w+)\s*,\s*"([^"]*)"\s*\)\s*\)|\belse\b|(\w+)\s*\(([^()]*)\)\s*;|[{};]/g;
  for (let m; (m = re.exec(body)); ) {
    if (m[1]) toks.push({ t: m[1], name: m[2], param: m[3] });
    else if (m[5]) toks.push({ t: "if", neg: m[4] === "!", cond: m[5] });
    // if (!strcmp(param, "LIT")): true when the parameter is that literal
    else if (m[7]) toks.push({ t: "if", neg: m[6] !== "!", cond: m[7], equals: m[8] });
    else if (m[0] === "else") toks.push({ t: "else" });
    else if (m[9]) toks.push({ t: "call", fn: m[9], args: m[10].split(",").map((a) => a.trim()) });
    else toks.push({ t: m[0] });
  }
  return toks;
}

/** Replays one release's keyword installation; returns Set of "context|keyword". */
function keywordsOf(ref) {
  const files = git("grep", "-l", "-E", "install_keyword|install_sublevel", ref, "--", "*.c")
    .split("\n").filter(Boolean).map((l) => l.slice(ref.length + 1));
  const table = new Map();
  // Functions called from the installing ones live in the same files; lib/ holds the API itself.
  for (const f of files) if (!f.startsWith("lib/")) functionsOf(stripComments(preprocess(git("show", `${ref}:${f}`))), table);
  const calledBy = new Set();
  const toksOf = new Map();
  for (const [name, fn] of table) {
    const toks = tokenize(fn.body);
    toksOf.set(name, toks);
    for (const t of toks) if (t.t === "call" && table.has(t.fn)) calledBy.add(t.fn);
  }
  const installs = (name, seen = new Set()) => {
    if (seen.has(name)) return false;
    seen.add(name);
    return toksOf.get(name).some((t) => t.t.startsWith("install_") || (t.t === "call" && table.has(t.fn) && installs(t.fn, seen)));
  };
  const found = new Set();
  const roots = [...table.keys()].filter((n) => !calledBy.has(n) && installs(n));
  for (const entry of roots) {
    // keepalived's tree: root keywords, each with a list of sub keywords; `sublevel` says how deep install_keyword goes.
    const tree = [];
    let sublevel = 0;
    const pathOfNew = () => {
      let node = tree.at(-1);
      const path = [node.name];
      for (let i = 0; i < sublevel; i++) { node = node.sub.at(-1); if (!node) return undefined; path.push(node.name); }
      return { node, path };
    };
    const run = (name, env, depth) => {
      if (depth > 20) return;
      const toks = toksOf.get(name);
      let i = 0;
      // Skips one statement or braced block starting at i; returns the index after it.
      const skip = (j) => {
        if (toks[j]?.t === "{") { let d = 0; for (; j < toks.length; j++) { if (toks[j].t === "{") d++; else if (toks[j].t === "}" && --d === 0) return j + 1; } return j; }
        if (toks[j]?.t === "if") { j = skip(j + 1); return toks[j]?.t === "else" ? skip(j + 1) : j; }
        while (j < toks.length && toks[j].t !== ";" && !toks[j].t.startsWith("install_") && toks[j].t !== "call") j++;
        return j + 1;
      };
      while (i < toks.length) {
        const t = toks[i];
        const known = t.equals !== undefined ? typeof env.get(t.cond) === "string" : typeof env.get(t.cond) === "boolean";
        if (t.t === "if" && known) {
          const truth = (t.equals !== undefined ? env.get(t.cond) === t.equals : env.get(t.cond)) !== t.neg;
          const afterThen = skip(i + 1);
          if (truth) {
            // run the then-branch in place, then skip an else-branch
            const hasElse = toks[afterThen]?.t === "else";
            toks.splice(afterThen, hasElse ? skip(afterThen + 1) - afterThen : 0);
            i++;
          } else {
            toks.splice(i, afterThen - i + (toks[afterThen]?.t === "else" ? 1 : 0));
          }
          continue;
        }
        // A keyword named by a parameter (install_http_ssl_check_keyword("HTTP_GET")) takes the caller's literal.
        const kw = t.name ?? (typeof env.get(t.param) === "string" ? env.get(t.param) : undefined);
        if (t.t === "install_keyword_root") { tree.push({ name: kw, sub: [] }); sublevel = 0; found.add(`root|${kw}`); }
        else if (t.t === "install_keyword" || t.t === "install_keyword_quoted") {
          if (tree.length) {
            // An unreadable name still takes its slot, so that its sub keywords do not land on the previous one.
            const at = pathOfNew();
            if (at) { at.node.sub.push({ name: kw ?? "?", sub: [] }); if (kw) found.add(`${at.path.join(".")}|${kw}`); }
          }
        } else if (t.t === "install_sublevel") sublevel++;
        else if (t.t === "install_sublevel_end") sublevel--;
        else if (t.t === "call" && table.has(t.fn) && installs(t.fn)) {
          const callee = table.get(t.fn);
          const inner = new Map();
          callee.params.forEach((p, k) => {
            const a = t.args[k] ?? "";
            const v = a === "true" ? true : a === "false" ? false : /^"[^"]*"$/.test(a) ? a.slice(1, -1) : env.get(a);
            if (v !== undefined) inner.set(p, v);
          });
          // Each call replays a fresh copy of the callee's tokens (the if-handling splices them).
          const saved = toksOf.get(t.fn);
          toksOf.set(t.fn, [...saved]);
          run(t.fn, inner, depth + 1);
          toksOf.set(t.fn, saved);
        }
        i++;
      }
    };
    const saved = toksOf.get(entry);
    toksOf.set(entry, [...saved]);
    run(entry, new Map(), 0);
    toksOf.set(entry, saved);
  }
  return found;
}

const present = new Map(); // "ctx|kw" → Set of release indexes
releases.forEach((r, i) => {
  for (const key of keywordsOf(refOf(r))) {
    if (!present.has(key)) present.set(key, new Set());
    present.get(key).add(i);
  }
  process.stderr.write(`${r} `);
});
process.stderr.write("\n");

// Compact form: keywords in every release are left out; the others get their
// [since, until) intervals, until being the first release without the keyword.
const entries = [];
for (const [key, set] of [...present].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
  if (set.size === releases.length) continue;
  const spans = [];
  for (let i = 0; i < releases.length; i++) {
    if (!set.has(i)) continue;
    let j = i;
    while (set.has(j + 1)) j++;
    spans.push(j + 1 < releases.length ? `${releases[i]}-${releases[j + 1]}` : `${releases[i]}-`);
    i = j;
  }
  entries.push(`  ${JSON.stringify(key)}: ${JSON.stringify(spans.join(" "))},`);
}
const all = [...present].filter(([, s]) => s.size === releases.length).length;

const text = `// In which keepalived releases each keyword exists. GENERATED by
// scripts/gen-versions.mjs from keepalived's sources at every release tag from
// 2.0.19 on and at HEAD (${git("rev-parse", "--short=10", "HEAD").trim()}): do not edit.
// "context|keyword": "since-until …" (until = first release without it; no
// until = still there). The ${all} keywords of every release are not listed:
// every other keyword of the schema (keywords.data.ts) is in all of them.

/** Every release the schema knows, oldest first; "HEAD" is keepalived's unreleased master. */
export const RELEASES: readonly string[] = ${JSON.stringify(releases)};

export const KEYWORD_SPANS: Readonly<Record<string, string>> = {
${entries.join("\n")}
};
`;
writeFileSync(out, text);
console.log(`${releases.length} releases, ${present.size} keywords-in-context, ${entries.length} differ between releases`);
