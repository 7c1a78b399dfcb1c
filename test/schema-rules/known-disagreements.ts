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

export const KNOWN: readonly Known[] = [
  // Also any line using ${…} or ~SEQ/~LST, which 2.2.7 expands differently from newer releases.
  { id: "reader-preprocessor-2.2.7", matches: (d) => PREPROCESSOR_FILES.has(path.basename(d.file)) || /\$\{|~SEQ|~LST/.test(lineText(d)) },
  { id: "auth-pass-length", matches: (d) => d.side === "missed" && /^Truncating auth_pass to \d+ characters/.test(d.text) },
  { id: "smtp-server-not-checked", matches: (d) => d.side === "missed" && (/^Invalid smtp server /.test(d.text) || (path.basename(d.file) === "1040b.conf" && d.text === "invalid number 'XXX'")) },
  { id: "route-rtt", matches: (d) => d.side === "missed" && (/^number '\d+\.\d+' has too many decimal places/.test(d.text) || /^Invalid rtt /.test(d.text) || /\brtt\b/.test(lineText(d))) },
  { id: "lvs-sync-daemon-maxlen", matches: (d) => d.side === "missed" && /\blvs_sync_daemon\b.*\bmaxlen\b/.test(lineText(d)) },
  {
    id: "line-grammar-severity",
    matches: (d) =>
      d.side === "extra" && d.ruleId === "invalid-value" &&
      /rule has no preference|for routes is deprecated|(label|scope) cannot be set on an IPv6 address|unknown option "restore"|unknown (route|rule) option|tracked route must have protocol keepalived|rule has no action/.test(d.text),
  },
  { id: "rt-priority-clamped", matches: (d) => d.side === "extra" && /^"(checker|vrrp|bfd)_rt_priority" value/.test(d.text) },
  { id: "duplicate-instance-skipped", matches: (d) => path.basename(d.file) === "1884.conf" && d.side === "extra" },
];

export function explain(d: Disagreement): string | undefined {
  return KNOWN.find((k) => k.matches(d))?.id;
}
