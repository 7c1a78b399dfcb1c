/**
 * How the command line talks to the world. `run()` takes this instead of
 * touching `process` so the whole CLI stays one function of its inputs.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
  cwd: string;
  stdoutIsTTY: boolean;
  /** Standard input is a terminal: a command that would read a config from it says what it expects instead of waiting. */
  stdinIsTTY?: boolean;
}

/** Wrong usage, bad configuration or unreadable input: exit 2 with one line. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3 } as const;
