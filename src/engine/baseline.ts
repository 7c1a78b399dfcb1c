/**
 * A baseline: today's findings of an existing estate, recorded so that a
 * newly adopted linter reports only what is new (ESLint's suppressions file,
 * ruff's --add-noqa without touching the configs).
 *
 * A finding is recorded by rule, file and a fingerprint that survives lines
 * moving: the text of its line with whitespace collapsed, and the path of
 * blocks around it (`vrrp_instance VI_1 > virtual_ipaddress`). Findings
 * alike in all three are one entry with a count; an entry absorbs at most
 * that many findings, so a second copy of a recorded mistake is reported.
 *
 * Pure: the front end reads and writes the file and makes the paths
 * relative to it.
 */

export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  /** Path relative to the baseline file's directory, with `/`. */
  file: string;
  rule: string;
  /** Blocks around the finding, outermost first, joined by " > " (empty at the top level). */
  block: string;
  /** The finding's line, whitespace collapsed. */
  text: string;
  count: number;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  findings: BaselineEntry[];
}

/** A finding as the baseline sees it. */
export interface BaselineFinding {
  ruleId: string;
  /** 1-based line of its start. */
  line: number;
}

export interface BaselineFile<F extends BaselineFinding> {
  /** Key of the file: its path relative to the baseline file's directory. */
  file: string;
  /** The file's text (findings of a file that could not be read match on rule and file only). */
  source?: string;
  findings: F[];
}

/** Records every finding of the files. */
export function createBaseline(files: readonly BaselineFile<BaselineFinding>[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const f of files) {
    const print = fingerprinter(f.source);
    for (const finding of f.findings) {
      const { block, text } = print(finding.line);
      const key = keyOf(f.file, finding.ruleId, block, text);
      const e = entries.get(key);
      if (e) e.count++;
      else entries.set(key, { file: f.file, rule: finding.ruleId, block, text, count: 1 });
    }
  }
  return { version: BASELINE_VERSION, findings: sortEntries([...entries.values()]) };
}

export interface BaselineOutcome<F> {
  /** Findings the baseline does not hold, per file in the order given. */
  fresh: F[][];
  /** How many findings were absorbed. */
  absorbed: number;
  /** The baseline as it still matches: each entry's count lowered to what it absorbed, unused entries dropped. */
  pruned: Baseline;
  /** Entries (or parts of their counts) that matched nothing. */
  stale: number;
}

/** Drops the findings the baseline holds, each entry absorbing at most its count. */
export function applyBaseline<F extends BaselineFinding>(baseline: Baseline, files: readonly BaselineFile<F>[]): BaselineOutcome<F> {
  const left = new Map<string, { entry: BaselineEntry; total: number; left: number }>();
  for (const e of baseline.findings) {
    const key = keyOf(e.file, e.rule, e.block, e.text);
    const had = left.get(key);
    if (had) (had.total += e.count), (had.left += e.count);
    else left.set(key, { entry: e, total: e.count, left: e.count });
  }
  let absorbed = 0;
  const fresh = files.map((f) => {
    const print = fingerprinter(f.source);
    return f.findings.filter((finding) => {
      const { block, text } = print(finding.line);
      const slot = left.get(keyOf(f.file, finding.ruleId, block, text));
      if (!slot || slot.left === 0) return true;
      slot.left--;
      absorbed++;
      return false;
    });
  });
  const kept: BaselineEntry[] = [];
  let stale = 0;
  for (const { entry, total, left: unused } of left.values()) {
    stale += unused;
    if (total - unused > 0) kept.push({ ...entry, count: total - unused });
  }
  return { fresh, absorbed, pruned: { version: BASELINE_VERSION, findings: sortEntries(kept) }, stale };
}

/** The baseline file's text: one entry a line, so reviews and merges see each finding. */
export function serializeBaseline(baseline: Baseline): string {
  const lines = baseline.findings.map((e) => "    " + JSON.stringify({ file: e.file, rule: e.rule, block: e.block, text: e.text, count: e.count }));
  return `{\n  "version": ${baseline.version},\n  "findings": [${lines.length ? "\n" + lines.join(",\n") + "\n  " : ""}]\n}\n`;
}

/** Reads a baseline file's text; throws an Error saying what is wrong. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`not JSON (${(e as Error).message})`);
  }
  const o = data as { version?: unknown; findings?: unknown };
  if (typeof o !== "object" || o === null || o.version !== BASELINE_VERSION || !Array.isArray(o.findings)) {
    throw new Error(`expected {"version": ${BASELINE_VERSION}, "findings": [...]} as written by --write-baseline`);
  }
  const findings = o.findings.map((raw: unknown, i: number) => {
    const e = raw as Partial<BaselineEntry>;
    const ok = typeof e === "object" && e !== null && typeof e.file === "string" && typeof e.rule === "string" && typeof e.block === "string" && typeof e.text === "string" && Number.isInteger(e.count) && (e.count as number) > 0;
    if (!ok) throw new Error(`findings[${i}] needs file, rule, block, text (strings) and count (a positive integer)`);
    return { file: e.file!, rule: e.rule!, block: e.block!, text: e.text!, count: e.count! };
  });
  return { version: BASELINE_VERSION, findings };
}

function keyOf(file: string, rule: string, block: string, text: string): string {
  return `${file}\0${rule}\0${block}\0${text}`;
}

function sortEntries(entries: BaselineEntry[]): BaselineEntry[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return entries.sort((a, b) => cmp(a.file, b.file) || cmp(a.block, b.block) || cmp(a.rule, b.rule) || cmp(a.text, b.text));
}

/**
 * The fingerprint of a line of one file: its text and the headers of the
 * blocks open at its start, found by counting braces outside quotes and
 * comments. One pass over the file, the first time a finding asks.
 */
function fingerprinter(source: string | undefined): (line: number) => { block: string; text: string } {
  if (source === undefined) return () => ({ block: "", text: "" });
  let raw: string[] | undefined;
  let blocks: string[] | undefined;
  return (line) => {
    raw ??= source.split("\n").map((l) => l.replace(/\r$/, ""));
    blocks ??= blockPaths(raw);
    return { block: blocks[line - 1] ?? "", text: collapse(raw[line - 1] ?? "") };
  };
}

/** For each line, the headers of the blocks open at its start, outermost first, joined by " > ". */
function blockPaths(raw: string[]): string[] {
  const stack: string[] = [];
  const paths: string[] = [];
  let previous = "";
  for (const text of raw) {
    paths.push(stack.join(" > "));
    const c = code(text);
    let from = 0;
    for (let j = 0; j < c.length; j++) {
      if (c[j] === "{") {
        // `vrrp_instance VI_1 {`, or a `{` on a line of its own under its keyword.
        const header = collapse(text.slice(from, j));
        stack.push(header !== "" || from > 0 ? header : previous);
        from = j + 1;
      } else if (c[j] === "}") {
        stack.pop();
        from = j + 1;
      }
    }
    if (collapse(c) !== "") previous = collapse(text.slice(from, c.length));
  }
  return paths;
}

/** A line without its comment and with quoted text blanked (same length up to the comment), so only real braces count. */
function code(line: string): string {
  let out = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "#" || ch === "!")) break;
    out += quoted && ch !== '"' ? " ".repeat(ch.length) : ch;
  }
  return out;
}

function collapse(s: string): string {
  return s.trim().replace(/\s+/g, " ");
}
