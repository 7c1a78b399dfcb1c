// Output formats by name (the -f/--format values).
import { compact } from "./compact.js";
import { github } from "./github.js";
import { json } from "./json.js";
import { sarif } from "./sarif.js";
import { stylish } from "./stylish.js";
import type { Formatter } from "./types.js";

export const FORMATS: Readonly<Record<string, Formatter>> = { stylish, compact, json, sarif, github };

export type { FileResult, FormatContext, Formatter, Message } from "./types.js";
export { countMessages } from "./types.js";
