/**
 * The formatter: keepalived configuration in its canonical layout (see
 * docs/formatter.md). Pure functions of the text; never throw.
 */
import { layout, type FormatOptions } from "./layout.js";
import { TextOutput } from "./output.js";

export type { FormatOptions } from "./layout.js";
export { formatRange, type FormatEdit, type FormatRange } from "./range.js";

/** The formatted text. Content (words, quotes, comments) is kept; what keepalived reads is unchanged. */
export function format(text: string, options: FormatOptions = {}): string {
  try {
    return layout(text, options, new TextOutput(text)).out.text();
  } catch {
    // a formatter bug must not take an editor or a pre-commit run down: leave the text alone
    return text;
  }
}

/** Is `text` already formatted? */
export function isFormatted(text: string, options: FormatOptions = {}): boolean {
  return format(text, options) === text;
}
