/**
 * How the command line talks to the world. `run()` takes this instead of
 * touching `process` so the whole CLI stays one function of its inputs.
 */
export interface CliIo {
  stdout(text: string): void;
  /** Bytes (whole UTF-8) to standard output, for output built as bytes; without it they go through stdout() as text. */
  stdoutBytes?(bytes: Uint8Array): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  /** Standard input is a terminal: a command that would read a config from it says what it expects instead of waiting. */
  stdinIsTTY?: boolean;
  /** Columns of the terminal on standard output (process.stdout.columns); absent when unknown or not a terminal. */
  stdoutColumns?: number;
}

/** Width the terminal formats wrap to when the output goes to a terminal. */
export const DEFAULT_WIDTH = 80;

/**
 * The width to wrap output to: the terminal's (80 when it does not say),
 * or undefined (no wrapping) when the output does not go to a terminal —
 * a pipe or a file keeps one line per finding, for grep and scripts.
 */
export function outputWidth(io: CliIo, toStdout = true): number | undefined {
  if (!toStdout || !io.stdoutIsTTY) return undefined;
  return io.stdoutColumns !== undefined && io.stdoutColumns > 0 ? io.stdoutColumns : DEFAULT_WIDTH;
}

/** Wrong usage, bad configuration or unreadable input: exit 2 with one line. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;
