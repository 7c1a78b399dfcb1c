/**
 * Work budgets: how much the reader and the linter do for one input at most.
 * Configurations come from generators and templates and the linter runs
 * unattended (pre-commit, CI, editors), so a definition that doubles itself,
 * nested loops or a deep include chain must end in a finding, not a hang or an
 * out-of-memory abort. Each budget stops only the construct that exceeds it
 * (reported by the rule `limit-exceeded`); the rest of the file is still read.
 * The defaults are far above anything a real configuration does
 * (docs/limits.md); `--max-expanded-lines` raises the one a legitimate giant
 * can need.
 */
export interface Budgets {
  /** Logical lines one line of a file may expand to through multiline definitions and ~SEQ/~LST loops (nested included). */
  expandedLines: number;
  /** Logical lines all expansions of one run may produce together. */
  totalExpandedLines: number;
  /**
   * Words and braces all expansions of one run may produce together: a loop over a long line makes as
   * many nodes per line as the line has words (nested ~LST over a 600-character line: 371,000 nodes from
   * 40,000 lines). Three words and braces a line of expandedLines unless set: the corpus's largest
   * expansion makes under 40,000 in all. Work grows with the words (~7 µs each on a loaded 2-core
   * machine): at six a line a fuzzed 15 KB input took 2.3 s of CPU at this budget, at three 0.8-1.5 s.
   */
  expandedWords: number;
  /** Multiline definitions and loops nested inside each other. */
  expansionDepth: number;
  /** Include files nested inside each other. */
  includeDepth: number;
  /** Files read in all (main files and includes; a file included twice counts twice). */
  files: number;
  /** Include statements evaluated in all (their globs, cycle checks and reads), whether or not they read a file. */
  includes: number;
  /**
   * Paths all include patterns of a run look up together, brace alternatives counted each: a
   * hundred include lines of 1,000 alternatives each were 100,000 lookups (a second of stat calls).
   */
  includePaths: number;
  /**
   * Characters read in all: one big file included many times is as much work as many files. With `lines`,
   * what bounds a run's memory whatever the input (sized by measurement: docs/limits.md).
   */
  totalChars: number;
  /** Lines read in all: the lines of every file with words or braces on them, and the lines expansions produce. */
  lines: number;
  /** Physical line length the reader tokenizes; the rest of a longer line is skipped (keepalived reads 1023). */
  lineLength: number;
  /** Findings reported per file; the rest are counted in one last finding. */
  findingsPerFile: number;
}

export const DEFAULT_BUDGETS: Readonly<Budgets> = {
  expandedLines: 40_000,
  totalExpandedLines: 50_000,
  expandedWords: 120_000,
  expansionDepth: 32,
  includeDepth: 64,
  files: 5_000,
  includes: 5_000,
  includePaths: 20_000,
  totalChars: 16 * 1024 * 1024,
  lines: 1_000_000,
  lineLength: 100_000,
  findingsPerFile: 2_000,
};

export function budgetsOf(partial: Partial<Budgets> | undefined): Budgets {
  const b = { ...DEFAULT_BUDGETS, ...partial };
  // Raising the budget of one line (--max-expanded-lines) raises the run's with it.
  if (partial?.totalExpandedLines === undefined) b.totalExpandedLines = Math.max(b.totalExpandedLines, b.expandedLines);
  if (partial?.expandedWords === undefined) b.expandedWords = Math.max(b.expandedWords, 3 * b.expandedLines);
  return b;
}
