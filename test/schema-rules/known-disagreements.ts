/**
 * Every known reason why our findings and keepalived 2.2.7's differ, as
 * documented in docs/differential-disagreements.md (the ids are its section
 * names). The differential test fails on any disagreement none of these
 * explains, so a new one has to be understood and written down first.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface Disagreement {
  side: "missed" | "extra";
  file: string;
  line?: number | null;
  /** keepalived's text for a missed message; our rule id and message for an extra finding. */
  ruleId?: string;
  text: string;
}

interface Known {
  id: string;
  matches(d: Disagreement): boolean;
}

// Corpus files written for keepalived's own preprocessor tests; what 2.2.7 does with them is the reader's business.
const PREPROCESSOR_FILES = new Set(["check_align.conf", "check_align.1.conf", "notify-1857.conf", "z.conf", "seq.conf", "seq1.conf", "one_hash.conf", "reload.conf", "2012.conf", "2015.conf", "2015a.conf"]);

const lines = new Map<string, string[]>();

function lineText(d: Disagreement): string {
  if (!d.line) return "";
  let l = lines.get(d.file);
  if (!l) {
    try {
      l = fs.readFileSync(d.file, "utf8").split("\n");
    } catch {
      l = [];
    }
    lines.set(d.file, l);
  }
  return l[d.line - 1] ?? "";
}

const undefinedUse = new Map<string, number>();

/**
 * The first line using `${NAME}` for a NAME no unconditional `$NAME=` line of the
 * file defines (only behind a non-matching `@id`, or nowhere): from there on the
 * reader splits braces keepalived 2.2.7 does not report, and the blocks after it
 * are read differently. Infinity when there is none.
 */
function firstUndefinedUse(file: string): number {
  let at = undefinedUse.get(file);
  if (at !== undefined) return at;
  lineText({ side: "missed", file, line: 1, text: "" });
  const l = lines.get(file) ?? [];
  const defined = new Set(l.flatMap((t) => /^\s*\$([A-Za-z_]\w*)=/.exec(t)?.[1] ?? []));
  const i = l.findIndex((t) => [...t.matchAll(/\$\{([A-Za-z]\w*)\}/g)].some((m) => !defined.has(m[1]!)));
  at = i < 0 ? Infinity : i + 1;
  undefinedUse.set(file, at);
  return at;
}

export const KNOWN: readonly Known[] = [
  // Also any line using ${…} or ~SEQ/~LST, which 2.2.7 expands differently from newer releases, and every line
  // after an undefined ${NAME} (firstUndefinedUse).
  {
    id: "reader-preprocessor-2.2.7",
    matches: (d) => PREPROCESSOR_FILES.has(path.basename(d.file)) || /\$\{|~SEQ|~LST/.test(lineText(d)) || (d.line ?? 0) >= firstUndefinedUse(d.file),
  },
];

export function explain(d: Disagreement): string | undefined {
  return KNOWN.find((k) => k.matches(d))?.id;
}
