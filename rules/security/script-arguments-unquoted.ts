/**
 * keepalived takes only the first word of a script line as the command: for
 * notify-style keywords the next two words are the user and group to run it
 * as (`notify_master /bin/echo hello` runs /bin/echo as user "hello", or not at
 * all when there is no such user), and for `script` / `misc_path` extra words
 * are dropped. Arguments must be inside the quotes: `notify_master "/bin/echo hello"`.
 */
import type { Edit } from "../../grammar/ast.js";
import { fixOf } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";
import { scriptLines } from "./helpers-scripts.js";

/** Commands that are only useful with arguments: a word after them is surely meant as one. */
const NEEDS_ARGUMENTS = /^(echo|printf|sh|bash|dash|zsh|ksh|python[0-9.]*|perl|ruby|php|node|env|logger|systemctl|service|kill|killall|pkill|pgrep|touch|rm|mv|cp|cat|ip|curl|wget|nc|ping|sudo|su|test|\[)$/;
/** What a user or group name can look like (useradd's rule, plus a trailing "$"). */
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/;

export default defineRule({
  meta: {
    id: "script-arguments-unquoted",
    severity: "error",
    category: "security",
    description: "Script arguments outside the quotes: keepalived reads them as user/group or drops them",
    fixable: "some",
  },
  check(ctx) {
    for (const s of scriptLines(ctx.ast)) {
      const { node, words } = s;
      if (words.length < 2) continue;
      const commandText = words[0]!;
      const first = node.args[0];
      if (!s.takesUser) {
        const extra = words.slice(1);
        ctx.report({
          at: node.args[1] ?? node.keyword,
          message: `${node.name} takes only the first word as the command: keepalived runs "${commandText}" and ignores ${quoteList(extra)}`,
          hint: `put the command and its arguments in one pair of quotes: ${node.name} "${words.join(" ")}"`,
          fix: fixOf(`quote the command line of ${node.name}`, ...quoteEdits(node)),
        });
        continue;
      }
      const [, user, group, ...ignored] = words;
      const command = s.command[0] ?? commandText;
      const base = command.slice(command.lastIndexOf("/") + 1);
      // An unexpanded $NAME may well be a user name; only clear cases count.
      const notName = (w: string | undefined) => w !== undefined && !w.includes("$") && !NAME.test(w);
      const clearArgument = notName(user) || notName(group);
      const commandWantsArguments = NEEDS_ARGUMENTS.test(base) && !first?.quoted;
      if (ignored.length === 0 && !clearArgument && !commandWantsArguments) continue;
      const as = group !== undefined ? `user "${user}" and group "${group}"` : `user "${user}"`;
      const tail = ignored.length > 0 ? ` and ignores ${quoteList(ignored)}` : "";
      const edits = quoteEdits(node);
      ctx.report({
        at: node.args[1] ?? node.keyword,
        message: `${node.name} runs "${commandText}" as ${as}${tail}: words after the command are not passed to it (if there is no such user, keepalived skips the script)`,
        hint: `put the command and its arguments in one pair of quotes: ${node.name} "${words.join(" ")}"; a user and group, if wanted, go after the closing quote`,
        suggestions: edits.every((e) => e) ? [{ description: `quote the command line of ${node.name}`, edits: edits as Edit[] }] : undefined,
      });
    }
  },
});

function quoteList(words: string[]): string {
  return words.map((w) => `"${w}"`).join(", ");
}

/** Edits wrapping every argument word in one pair of double quotes; undefined entries when that cannot be done safely. */
function quoteEdits(node: { args: { text: string; quoted: boolean; synthetic?: boolean; file: string; start: number; end: number }[] }): (Edit | undefined)[] {
  const args = node.args;
  const first = args[0];
  const last = args[args.length - 1];
  if (!first || !last || args.some((a) => a.quoted || a.synthetic || a.file !== first.file || /["'\\]/.test(a.text))) return [undefined];
  return [
    { file: first.file, start: first.start, end: first.start, text: '"' },
    { file: last.file, start: last.end, end: last.end, text: '"' },
  ];
}
