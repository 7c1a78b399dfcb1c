/**
 * What every output format receives: findings already turned into
 * line/column form, grouped by file. Formats are pure functions of this data
 * (no I/O, no environment look-ups) so they are trivial to test.
 */
import type { Severity } from "../../grammar/ast.js";
import type { RuleMeta } from "../engine/rule.js";

/** Colours of the terminal formats (paint.ts picks PLAIN or chalk's). */
export interface Paint {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  boldRed(text: string): string;
  boldYellow(text: string): string;
}

export interface Message {
  ruleId: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** 1-based; end is exclusive (the column after the last character), as in ESLint and SARIF. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The safe fix as one replacement in this file (ESLint's shape), when it has one. */
  fix?: { range: [number, number]; text: string };
  /** What the fix does, in words (SARIF fix descriptions). */
  fixDescription?: string;
  /** Is there a safe fix (applied by --fix)? */
  fixable: boolean;
  /** Would `keepalived -t` exit non-zero on this (host-independent)? Drives --exit-like-keepalived. */
  refusedByKeepalived?: boolean;
  /** Fixes that change behaviour on purpose (applied only by choice or --fix --unsafe-fixes), each with its consequence. */
  suggestions?: SuggestionMessage[];
}

export interface SuggestionMessage {
  description: string;
  /** What keepalived does differently afterwards. */
  consequence?: string;
  /** Areas of behaviour it changes ("failover", "scripts", …). */
  changes: string[];
  /** As one replacement in this file, when it edits only this file. */
  fix?: { range: [number, number]; text: string };
}

export interface FileResult {
  /** Absolute path. */
  filePath: string;
  /** Path to show people: relative to the working directory when under it. */
  displayPath: string;
  /** Path relative to the repository root (`/`-separated), when the file is under it: what CI annotations name. */
  rootPath?: string;
  /** The file's `file:` URI, for files outside the repository root. */
  fileUri?: string;
  /** The file's text, for code frames (absent when it could not be read). */
  source?: string;
  /** Where each line of `source` starts, when the linter already knows (code frames then do not look again). */
  lineStarts?: ArrayLike<number>;
  messages: Message[];
}

export interface FormatContext {
  /** Working directory. */
  cwd: string;
  /** `file:` URI of the repository root, ending in `/` (SARIF's %SRCROOT%; FileResult.rootPath is relative to it). */
  rootUri: string;
  /** Colour level for terminal formats: 0 = none. */
  colorLevel: 0 | 1 | 2 | 3;
  /** The colours of terminal formats at that level (paint.ts's paintFor); plain when absent. */
  paint?: Paint;
  /** Columns of the terminal the report goes to: the terminal formats wrap to it. Absent (no wrapping) when it is not a terminal. */
  width?: number;
  /** Metadata of every rule (SARIF rule table, docs links). */
  rules: readonly RuleMeta[];
  /** Docs URL of a rule, when the package names its repository. */
  helpUri(ruleId: string): string | undefined;
  /** The rule's documentation page (Markdown), carried inline by SARIF. */
  ruleDoc?(ruleId: string): string | undefined;
  /** Home page of the tool (SARIF informationUri), when the package names its repository. */
  informationUri?: string;
  toolVersion: string;
}

export type Formatter = (results: readonly FileResult[], ctx: FormatContext) => string;

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
  /** Findings without a safe fix that have a suggestion (applied with --fix --unsafe-fixes). */
  suggestible: number;
}

export function countMessages(messages: readonly Message[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0, suggestible: 0 };
  for (const m of messages) {
    if (!m.fixable && m.suggestions?.length) c.suggestible++;
    if (m.severity === "error") {
      c.errors++;
      if (m.fixable) c.fixableErrors++;
    } else {
      if (m.severity === "warning") c.warnings++;
      else c.infos++;
      if (m.fixable) c.fixableWarnings++;
    }
  }
  return c;
}
