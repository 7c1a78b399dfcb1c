// Paint with chalk at an explicit level (src/cli/color.ts decides the level; chalk never guesses).
import { Chalk } from "chalk";
import type { Paint } from "./types.js";

export function chalkPaint(level: 0 | 1 | 2 | 3): Paint {
  const c = new Chalk({ level });
  return {
    red: (t) => c.red(t), yellow: (t) => c.yellow(t), blue: (t) => c.blue(t), cyan: (t) => c.cyan(t),
    dim: (t) => c.dim(t), underline: (t) => c.underline(t), boldRed: (t) => c.red.bold(t), boldYellow: (t) => c.yellow.bold(t),
  };
}
