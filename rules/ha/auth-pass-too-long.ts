/**
 * VRRPv2 simple-password authentication carries 8 bytes: keepalived truncates a
 * longer auth_pass ("Truncating auth_pass to 8 characters", vrrp_parser.c).
 * Nodes still agree with each other, but only on the first 8 characters,
 * which is not what the configuration says.
 */
import { defineRule } from "../../src/engine/rule.js";
import { replaceWord } from "../../src/engine/fix.js";

export default defineRule({
  meta: {
    id: "auth-pass-too-long",
    severity: "error",
    category: "ha",
    description: "auth_pass longer than 8 characters: keepalived uses only the first 8",
    fixable: false,
    hasSuggestions: true,
  },
  check(ctx) {
    for (const inst of ctx.model().instances) {
      for (const auth of inst.node.children) {
        if (auth.name !== "authentication") continue;
        for (const pass of auth.children) {
          const word = pass.name === "auth_pass" ? pass.args[0] : undefined;
          if (!word || word.text.length <= 8) continue;
          const kept = word.text.slice(0, 8);
          const edit = replaceWord(word, kept);
          ctx.report({
            at: word,
            message: `auth_pass of vrrp_instance "${inst.name}" is ${word.text.length} characters long: keepalived uses only the first 8 ("${kept}")`,
            hint: "use a password of at most 8 characters, the same on every node",
            suggestions: edit ? [{ description: `shorten auth_pass to "${kept}" (what keepalived uses)`, edits: [edit] }] : undefined,
          });
        }
      }
    }
  },
});
