/**
 * Fragments: files that another configuration includes (conf.d/*.conf,
 * shared scripts of per-node main files). Linted on its own, a fragment gets
 * false findings (a tracked script defined in the main file looks undefined);
 * linted through the configurations that include it (its owners) it is
 * checked exactly as keepalived reads it. Pure: the front end says which
 * files are candidate main files and how to read one.
 */
import type { Diagnostic, Severity } from "../../grammar/ast.js";
import { basename } from "../../grammar/paths.js";
import type { LintResult } from "../engine/linter.js";

/** Which main configurations include a file, among a tree's candidates. */
export interface OwnerIndex {
  /** Main files (included by no other candidate) whose configuration reads `path`; empty for a main file itself. */
  owners(path: string): string[];
}

/**
 * Builds the index over `candidates` (every config file of a tree, or the
 * "roots" setting's main files); `filesOf(c)` lists the files a candidate's
 * configuration reads, itself included. A candidate that another includes is
 * not a main file; with `explicitRoots` every candidate is one.
 */
export function indexOwners(candidates: readonly string[], filesOf: (main: string) => ReadonlySet<string>, explicitRoots = false): OwnerIndex {
  // A closure is a full read of a configuration: each is read when first needed, so a file
  // that is the only candidate (a lone main file, the commonest lint) is not read for this.
  const closures = new Map<string, ReadonlySet<string>>();
  const closureOf = (c: string) => {
    let files = closures.get(c);
    if (!files) closures.set(c, (files = filesOf(c)));
    return files;
  };
  const unique = [...new Set(candidates)];
  const includedByOther = (c: string) => unique.some((o) => o !== c && closureOf(o).has(c));
  const mains = explicitRoots ? unique : unique.filter((c) => !includedByOther(c));
  return {
    owners: (path) => (mains.includes(path) ? [] : mains.filter((m) => closureOf(m).has(path))),
  };
}

const key = (d: Diagnostic) => `${d.ruleId}\0${d.file}\0${d.start}\0${d.end}\0${d.message}`;

/**
 * The findings to report for `fragment` from the lint of one owner: the
 * fragment's own, plus findings in other files that the lint `without` the
 * fragment (its text emptied) does not have, i.e. that the fragment causes;
 * those say so, naming the fragment as `shownAs`.
 */
export function fragmentFindings(full: LintResult, fragment: string, without: LintResult | undefined, shownAs: string): Diagnostic[] {
  const before = new Set(without?.diagnostics.map(key) ?? []);
  const out: Diagnostic[] = [];
  for (const d of full.diagnostics) {
    if (d.file === fragment) out.push(d);
    else if (without && !before.has(key(d))) out.push({ ...d, message: `${d.message} (caused by ${shownAs})` });
  }
  return out;
}

/** Does any finding of `full` lie outside `fragment` (else the lint without it is not needed)? */
export function hasFindingsElsewhere(full: LintResult, fragment: string): boolean {
  return full.diagnostics.some((d) => d.file !== fragment);
}

/**
 * Rules whose findings mean "this name is defined nowhere in the
 * configuration": in a fragment read alone the definition may simply live in
 * a configuration that includes it.
 */
export const UNRESOLVED_REFERENCE_RULES: ReadonlySet<string> = new Set(["undefined-tracked-object", "undefined-sync-group-member"]);

/** keepalived.conf, keepalived-lb1.conf, …: names people give main files. */
const MAIN_NAME = /^keepalived[^/]*\.conf$/;

/**
 * Does a file no configuration includes still look like a fragment? Not when
 * it is named like a main file or sets global_defs (a main file's block).
 */
export function looksLikeFragment(result: LintResult, path: string): boolean {
  if (MAIN_NAME.test(basename(path))) return false;
  return !result.ast.children.some((n) => n.name === "global_defs");
}

const SOFTER: Record<Severity, Severity> = { error: "warning", warning: "info", info: "info" };

/**
 * Findings of a fragment linted alone: an unresolved reference becomes
 * "not defined in this file or any configuration that includes it", one
 * severity softer, because the definition may be in a main file the linter
 * was not told about.
 */
export function softenUnresolved(diagnostics: readonly Diagnostic[], textOf: (file: string) => string | undefined): Diagnostic[] {
  return diagnostics.map((d) => {
    const text = textOf(d.file);
    if (!UNRESOLVED_REFERENCE_RULES.has(d.ruleId) || text === undefined) return d;
    const name = text.slice(d.start, d.end);
    return {
      ...d,
      severity: SOFTER[d.severity],
      message: `"${name}" is not defined in this file or any configuration that includes it`,
      hint: 'no configuration in the tree includes this file, so it was linted alone: name its main file in "roots" in .keepalived-lint.json, or define it here',
    };
  });
}
