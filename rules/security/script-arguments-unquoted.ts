/**
 * keepalived takes only the first word of a script line as the command: for
 * notify-style keywords the next two words are the user and group to run it
 * as (`notify_master /bin/echo hello` runs /bin/echo as user "hello", or not at
 * all when there is no such user), and for `script` / `misc_path` extra words
 * are dropped. Arguments must be inside the quotes: `notify_master "/bin/echo hello"`.
 *
 * The classic `notify_master /etc/keepalived/notify.sh MASTER` is the sharpest
 * case: keepalived looks up a user "MASTER" (notify.c notify_script_init() →
 * set_script_uid_gid(strvec, 2)), finds none and drops the script with only a
 * log line ("Invalid user/group for … script … - ignoring"); `keepalived -t`
 * prints nothing and exits 0. A VRRP state name, or a word with capitals
 * (which useradd/adduser refuse by default), is taken as a misplaced argument.
 */
import type { Edit } from "../../grammar/ast.js";
import { fixChanging, suggestionOf } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";
import { scriptLines } from "./helpers-scripts.js";

/** Commands that are only useful with arguments: a word after them is surely meant as one. */
const NEEDS_ARGUMENTS = /^(echo|printf|sh|bash|dash|zsh|ksh|python[0-9.]*|perl|ruby|php|node|env|logger|systemctl|service|kill|killall|pkill|pgrep|touch|rm|mv|cp|cat|ip|curl|wget|nc|ping|sudo|su|test|\[)$/;
/** What a user or group name can look like (useradd's rule, plus a trailing "$"). */
const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/;
/** VRRP state names: what notify scripts are usually told, never a user. */
const STATE = /^(MASTER|BACKUP|FAULT|STOP|INIT|DELETED)$/i;

export default defineRule({
  meta: {
    id: "script-arguments-unquoted",
    severity: "error",
    category: "security",
    description: "Script arguments outside the quotes: keepalived reads them as user/group or drops them",
    fixable: "some",
    scope: "block",
    hasSuggestions: true,
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
          // The named change: the arguments reach the script.
          fix: fixChanging(["scripts"], `quote the command line of ${node.name}`, ...quoteEdits(node)),
        });
        continue;
      }
      const [, user, group, ...ignored] = words;
      const command = s.command[0] ?? commandText;
      const base = command.slice(command.lastIndexOf("/") + 1);
      // An unexpanded $NAME may well be a user name; only clear cases count.
      const notName = (w: string | undefined) => w !== undefined && !w.includes("$") && !NAME.test(w);
      const stateName = user !== undefined && STATE.test(user) ? user : group !== undefined && STATE.test(group) ? group : undefined;
      // adduser/useradd refuse capitals by default (NAME_REGEX): "Master", "VIP_UP" are arguments.
      const capitals = (w: string | undefined) => w !== undefined && !w.includes("$") && /[A-Z]/.test(w);
      const clearArgument = notName(user) || notName(group) || stateName !== undefined || capitals(user) || capitals(group);
      const commandWantsArguments = NEEDS_ARGUMENTS.test(base) && !first?.quoted;
      if (ignored.length === 0 && !clearArgument && !commandWantsArguments) continue;
      const as = group !== undefined ? `user "${user}" and group "${group}"` : `user "${user}"`;
      const tail = ignored.length > 0 ? ` and ignores ${quoteList(ignored)}` : "";
      const edits = quoteEdits(node);
      const why = stateName !== undefined
        ? `"${stateName}" is a VRRP state, not a user: keepalived finds no such user and drops the script, logging only "Invalid user/group" (keepalived -t says nothing)`
        : "words after the command are not passed to it (if there is no such user, keepalived skips the script)";
      ctx.report({
        at: node.args[1] ?? node.keyword,
        message: `${node.name} runs "${commandText}" as ${as}${tail}: ${why}`,
        hint: `put the command and its arguments in one pair of quotes: ${node.name} "${words.join(" ")}"; a user and group, if wanted, go after the closing quote`,
        suggestions: suggestionList(suggestionOf(["scripts"], `the script then runs as the default script user with ${quoteList(words.slice(1))} as its arguments`, `quote the command line of ${node.name}`, ...edits)),
      });
    }
  },
});

function suggestionList<T>(s: T | undefined): T[] | undefined {
  return s ? [s] : undefined;
}

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
