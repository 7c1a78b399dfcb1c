/**
 * `--template-vars` files: the variables of one node (Ansible host_vars and
 * group_vars, Salt pillar, a Chef or Terraform values file), as YAML or JSON.
 * Only parsing lives here; the front end reads the file (FileAccess or the
 * command line's own reading) and hands over the text.
 *
 * YAML is read as YAML 1.1, the version PyYAML — hence Ansible and Salt —
 * reads: `yes`/`no`/`on`/`off` are booleans there, as the engine will render
 * them. Ansible's `!vault` values are encrypted: they stay placeholders
 * (never a rendered value); `!unsafe` values are plain strings.
 */
import { parseDocument, type ScalarTag } from "yaml";

/** A vars file that cannot be read as variables; `line`/`column` are 1-based. */
export class TemplateVarsError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
  }
}

/** What an Ansible vault value becomes: not a string, number or boolean, so its tag stays a placeholder. */
export const VAULTED = Object.freeze({ vaulted: true });

const ANSIBLE_TAGS: ScalarTag[] = [
  { tag: "!vault", resolve: () => VAULTED as unknown as string },
  { tag: "!unsafe", resolve: (s: string) => s },
];

/**
 * The variables in `text`: a mapping at the top (an empty file is no
 * variables). `.json` files are read as JSON, everything else as YAML (JSON
 * is YAML too). Throws TemplateVarsError with the file's line and column.
 */
export function parseTemplateVars(text: string, file: string): Record<string, unknown> {
  const value = /\.json$/i.test(file) ? parseJson(text, file) : parseYaml(text, file);
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new TemplateVarsError(file, 1, 1, `expected a mapping of variable names to values (got ${Array.isArray(value) ? "a list" : `a ${typeof value}`})`);
  }
  return value as Record<string, unknown>;
}

function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { version: "1.1", customTags: ANSIBLE_TAGS, prettyErrors: false });
  const e = doc.errors[0];
  if (e) {
    const at = e.linePos?.[0] ?? positionOf(text, e.pos[0]);
    throw new TemplateVarsError(file, at.line, at.col, firstLine(e.message).replace(/ at line \d+, column \d+:?$/, ""));
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias without its anchor (or one that expands too far) is found only when the values are built.
    const reason = firstLine((e as Error).message);
    const alias = /: (\S+)$/.exec(reason)?.[1];
    const at = positionOf(text, alias ? Math.max(0, text.indexOf(`*${alias}`)) : 0);
    throw new TemplateVarsError(file, at.line, at.col, reason);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const m = /at position (\d+)/.exec(message);
    const at = positionOf(text, m ? Number(m[1]) : jsonErrorOffset(text));
    const reason = firstLine(message).replace(/, ".*$/, "").replace(/ in JSON at position \d+.*$/, "").replace(/^Unexpected end of JSON input$/, "the JSON ends too early");
    throw new TemplateVarsError(file, at.line, at.col, reason);
  }
}

/**
 * Where JSON.parse stopped, when its message does not say (V8 names a position in some
 * messages only): the shortest prefix that fails for another reason than ending early;
 * its last character is the culprit. A text that only ends too early: its end.
 */
function jsonErrorOffset(text: string): number {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (e) {
      const message = (e as Error).message;
      const at = /at position (\d+)/.exec(message);
      return !message.includes("end of JSON input") && !(at && Number(at[1]) >= length);
    }
  };
  let lo = 1;
  let hi = text.length;
  if (!failsInside(hi)) return text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsInside(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function positionOf(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const nl = before.lastIndexOf("\n");
  return { line: before.split("\n").length, col: before.length - nl };
}

function firstLine(s: string): string {
  return s.split("\n")[0].trim();
}
