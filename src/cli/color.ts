/**
 * Whether to colour the terminal formats. Explicit beats implicit:
 * --no-color / --color, then FORCE_COLOR, then NO_COLOR (https://no-color.org),
 * then: colour only when writing to a terminal (never into --output-file).
 */
export type ColorLevel = 0 | 1 | 2 | 3;

export function colorLevel(flag: boolean | undefined, env: Record<string, string | undefined>, toTerminal: boolean): ColorLevel {
  if (flag === false) return 0;
  const forced = forceColor(env.FORCE_COLOR);
  if (flag === true) return forced && forced > 0 ? forced : 1;
  if (forced !== undefined) return forced;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return 0;
  if (!toTerminal || env.TERM === "dumb") return 0;
  return 1;
}

function forceColor(v: string | undefined): ColorLevel | undefined {
  if (v === undefined) return undefined;
  if (v === "" || v === "true") return 1;
  if (v === "false") return 0;
  const n = Number.parseInt(v, 10);
  if (Number.isNaN(n)) return 1;
  return Math.max(0, Math.min(3, n)) as ColorLevel;
}
