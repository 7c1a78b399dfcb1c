/**
 * How keepalived reads a script line (notify*, script, misc_path, quorum_*,
 * startup/shutdown and fifo scripts): it re-splits the line shell-style
 * (double and single quotes group words), takes the first word as the command
 * string and, for notify-style keywords, the second and third as user and
 * group (core/notify.c notify_script_init(), set_script_params_array()).
 */
import type { ConfigNode } from "../../grammar/ast.js";
import type { ConfigAst } from "../../grammar/ast.js";
import { lookupKeyword } from "../../grammar/schema/index.js";

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
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (i >= text.length) break;
    let word = "";
    let quote = "";
    while (i < text.length) {
      const c = text[i]!;
      if (quote) {
        if (c === quote) quote = "";
        else if (c === "\\" && i + 1 < text.length) word += text[++i];
        else word += c;
      } else if (c === '"' || c === "'") quote = c;
      else if (c === "\\" && i + 1 < text.length) word += text[++i];
      else if (/\s/.test(c)) break;
      else word += c;
      i++;
    }
    out.push(word);
  }
  return out;
}

/** Every script line of the configuration, in load order. */
export function scriptLines(ast: ConfigAst): ScriptLine[] {
  const out: ScriptLine[] = [];
  const visit = (nodes: ConfigNode[]) => {
    for (const n of nodes) {
      if (n.kind === "keyword" && n.known && !n.block && lookupKeyword(n.context, n.name)?.quoted) {
        const words = splitWords(n.rest);
        if (words.length > 0 && words[0] !== "") {
          out.push({ node: n, words, command: splitWords(words[0]!), takesUser: !COMMAND_ONLY.has(n.name) });
        }
      }
      visit(n.children);
    }
  };
  visit(ast.children);
  return out;
}
