/**
 * The formatter: keepalived configuration in its canonical layout (see
 * docs/formatter.md). Pure functions of the text; never throw.
 */
import { indentUnit, layout, type FormatOptions } from "./layout.js";
import { formatTemplate, type TemplateFormat } from "./template.js";
import { ChangesOutput, TextOutput, type LineChanges } from "./output.js";

export type { FormatOptions } from "./layout.js";
export type { LineChanges } from "./output.js";
export { formatRange, type FormatEdit, type FormatRange } from "./range.js";

/** The formatted text. Content (words, quotes, comments) is kept; what keepalived reads is unchanged. */
export function format(text: string, options: FormatOptions = {}): string {
  const template = options.template;
  return template ? formatTemplateText(text, { ...options, template }).text : formatConfig(text, options);
}

/** A template re-indented where that is safe, with the reason when it is left alone. */
export function formatTemplateText(text: string, options: FormatOptions & { template: NonNullable<FormatOptions["template"]> }): TemplateFormat {
  try {
    return formatTemplate(text, options.template, indentUnit(options));
  } catch {
    return { text, refused: "internal formatter error" };
  }
}

function formatConfig(text: string, options: FormatOptions): string {
  try {
    return layout(text, options, new TextOutput(text)).out.text();
  } catch {
    // a formatter bug must not take an editor or a pre-commit run down: leave the text alone
    return text;
  }
}

/**
 * What format() changes, handed to `changed` as replaced input lines, in
 * order, as they are known. What `format --diff` prints its hunks from: no
 * formatted text is made, and no diff of two whole texts. false (after some
 * changes, maybe) when the formatter failed: format() then leaves the text
 * alone. Templates are formatTemplateText's.
 */
export function formatChanges(text: string, options: Omit<FormatOptions, "template">, changed: LineChanges): boolean {
  try {
    layout(text, options, new ChangesOutput(text, changed)).out.finish();
    return true;
  } catch {
    return false;
  }
}

/** Is `text` already formatted? */
export function isFormatted(text: string, options: FormatOptions = {}): boolean {
  return format(text, options) === text;
}
