/**
 * The colours of the terminal formats. A lint whose output is not coloured
 * (pipes, files, CI, NO_COLOR) gets PLAIN and never loads chalk, whose set-up
 * is a measurable part of a small lint's start-up; coloured output gets
 * chalk's (chalk-paint.ts).
 */
import type { Paint } from "./types.js";

export type { Paint };

const same = (text: string) => text;

export const PLAIN: Paint = { red: same, yellow: same, blue: same, cyan: same, dim: same, underline: same, boldRed: same, boldYellow: same };

/** The paint for a colour level (0: none). */
export async function paintFor(level: 0 | 1 | 2 | 3): Promise<Paint> {
  return level === 0 ? PLAIN : (await import("./chalk-paint.js")).chalkPaint(level);
}
