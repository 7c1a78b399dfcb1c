/**
 * A script command without an absolute path: keepalived (as root) searches
 * PATH for it when it starts, so which program runs depends on the
 * environment keepalived was started from, and a writable directory early in
 * PATH lets another user substitute the check (core/notify.c find_path()).
 */
import { defineRule } from "../../src/engine/rule.js";
import { scriptLines } from "./helpers-scripts.js";

export default defineRule({
  meta: {
    id: "relative-script-path",
    severity: "warning",
    category: "security",
    description: "A script command that is not an absolute path: keepalived searches PATH for it",
    fixable: false,
    scope: "block",
  },
  check(ctx) {
    for (const s of scriptLines(ctx.ast)) {
      const command = s.command[0];
      // "<file" is keepalived's readability test, never executed; an unexpanded $NAME is the reader's business.
      if (!command || command.startsWith("/") || command.startsWith("<") || command.includes("$")) continue;
      ctx.report({
        at: s.node.args[0] ?? s.node.keyword,
        message: `${s.node.name} command "${command}" is not an absolute path: keepalived looks it up in PATH, so what runs depends on keepalived's environment`,
        hint: `write the full path of "${command}" (for example /usr/bin/${command})`,
      });
    }
  },
});
