/**
 * A vrrp_script whose command goes through a symlinked directory
 * (`/bin/true` where /bin → /usr/bin, as on every merged-/usr distribution).
 * keepalived 2.3.0 and newer compare the script's real path with the path as
 * written and disable the script as insecure when they differ ("Disabling
 * track script chk due to insecure"); 2.2.x resolved the path first. The
 * tracked check then silently never runs: the instance stays at its priority
 * whatever the service does. Checked against built keepalived 2.2.4, 2.2.7,
 * 2.2.8, 2.3.4 and 2.4.3 (with and without enable_script_security or
 * use_symlink_paths, the 2.3+ builds disable it). Which directories are links
 * is the target host's, given as data (settings.symlinkedDirs).
 */
import { SCRIPT_SYMLINK_DIRS_INSECURE } from "../../grammar/schema/changes.js";
import { replaceWord, suggestionOf } from "../../src/engine/fix.js";
import { defineRule } from "../../src/engine/rule.js";
import { scriptLines } from "./helpers-scripts.js";

export default defineRule({
  meta: {
    id: "script-path-through-symlink",
    severity: "error",
    category: "security",
    description: "A vrrp_script command through a symlinked directory (/bin → /usr/bin): keepalived 2.3.0+ disables it as insecure",
    fixable: false,
    scope: "block",
    hasSuggestions: true,
    targetVersions: { since: SCRIPT_SYMLINK_DIRS_INSECURE },
  },
  check(ctx) {
    const links = Object.entries(ctx.settings.symlinkedDirs);
    if (links.length === 0) return;
    for (const s of scriptLines(ctx.ast)) {
      if (s.node.name !== "script" || s.node.context !== "vrrp_script") continue;
      const command = s.command[0];
      if (!command?.startsWith("/")) continue;
      const link = links.find(([dir]) => command.startsWith(dir.endsWith("/") ? dir : dir + "/"));
      if (!link) continue;
      const [dir, target] = link;
      const real = target.replace(/\/$/, "") + command.slice(dir.replace(/\/$/, "").length);
      const word = s.node.args[0];
      // The fix rewrites the first word only when it is the command itself, unquoted.
      // A suggestion (issue 17): the script then runs, where keepalived disabled it; on a host with another layout the path may not exist.
      const suggestion = word && word.text === command
        ? suggestionOf(["scripts"], `keepalived then runs the check instead of disabling it (the path must exist on every node)`, `use "${real}"`, replaceWord(word, real))
        : undefined;
      ctx.report({
        at: word ?? s.node.keyword,
        message: `vrrp_script command "${command}" goes through ${dir}, a symbolic link to ${target}: keepalived ${ctx.settings.targetVersion} disables the script as insecure ("Disabling track script … due to insecure"), so the check never runs`,
        hint: `write the real path "${real}"`,
        suggestions: suggestion ? [suggestion] : undefined,
      });
    }
  },
});
