/**
 * How keepalived reads a script line (notify*, script, misc_path, quorum_*,
 * startup/shutdown and fifo scripts): it re-splits the line shell-style
 * (double and single quotes group words), takes the first word as the command
 * string and, for notify-style keywords, the second and third as user and
 * group (core/notify.c notify_script_init(), set_script_params_array()).
 */
import type { ConfigAst, ConfigNode, WalkedLine } from "../../grammar/ast.js";
import { keywordOf, SCRIPTLESS_CONTEXTS } from "../../grammar/schema/index.js";
import { LineWalker } from "../../grammar/tree.js";

/** Keywords whose extra words are dropped: the command is only the first word. */
const COMMAND_ONLY = new Set(["script", "misc_path"]);

export interface ScriptLine {
  node: ConfigNode;
  /** The words keepalived splits the rest of the line into. */
  words: string[];
  /** The command and its arguments (the first word split again). */
  command: string[];
  /** Does the keyword read words 2 and 3 as user and group? */
  takesUser: boolean;
}

/** Splits like keepalived's alloc_strvec_quoted_escaped(): blanks separate, quotes group, backslash escapes. */
export function splitWords(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isBlank(text, i)) i++;
    if (i >= text.length) break;
    // Runs of plain characters are sliced, not added one character at a time: this runs on every script line.
    let word = "";
    let quote = 0;
    let from = i;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (quote !== 0 ? c === quote : c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
        word += text.slice(from, i);
        quote = quote !== 0 ? 0 : c;
        from = i + 1;
      } else if (c === BACKSLASH && i + 1 < text.length) {
        word += text.slice(from, i) + text[i + 1];
        i++;
        from = i + 1;
      } else if (quote === 0 && isBlank(text, i)) break;
      i++;
    }
    out.push(word + text.slice(from, i));
  }
  return out;
}

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;

/** /\s/ without a one-character string per test: ASCII by code, anything else by the regex. */
function isBlank(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(text[i]!);
}

/**
 * The schema's contexts no script line can be in, at any depth (every
 * keyword of theirs and of the blocks they open is unquoted): a lint does
 * not walk such blocks looking for one (checkers' HTTP_GET and url blocks
 * are most lines of a large LVS configuration). Worked out when the schema
 * is generated (keywords.data.ts), so that start-up makes no context's
 * keywords for it. A context the schema does not have is walked.
 */
const SCRIPTLESS: ReadonlySet<string> = new Set(SCRIPTLESS_CONTEXTS);

/**
 * Appends the script lines of the top-level lines `top` and below, in load
 * order. Over the reader's store (LineWalker): a line's node is made only
 * for a script line, and a block no script can be in is skipped whole.
 */
function collectScripts(top: readonly ConfigNode[], out: ScriptLine[]): void {
  const lines = new LineWalker();
  const visit = (line: WalkedLine) => {
    // The keyword test first: it is cheap.
    if (line.kind === "keyword" && line.known && !line.opensBlock && keywordOf(line)?.quoted) {
      const words = splitWords(line.rest);
      if (words.length > 0 && words[0] !== "") {
        out.push({ node: line.node, words, command: splitWords(words[0]!), takesUser: !COMMAND_ONLY.has(line.name) });
      }
    }
    const inner = line.childContext;
    return inner === undefined || !SCRIPTLESS.has(inner);
  };
  for (let i = 0; i < top.length; i++) lines.walk(top[i], visit);
}

/** Script lines already found, by tree: three rules ask on every lint. */
const found = new WeakMap<ConfigAst, readonly ScriptLine[]>();

/** Every script line of the configuration, in load order (one list per tree, shared: do not change it). */
export function scriptLines(ast: ConfigAst): readonly ScriptLine[] {
  let out = found.get(ast);
  if (!out) {
    const lines: ScriptLine[] = [];
    collectScripts(ast.children, lines);
    found.set(ast, lines);
    out = lines;
  }
  return out;
}
