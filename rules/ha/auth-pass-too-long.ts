/**
 * VRRPv2 simple-password authentication carries 8 bytes: keepalived truncates a
 * longer auth_pass ("Truncating auth_pass to 8 characters", vrrp_parser.c).
 * Nodes still agree with each other, but only on the first 8 characters,
 * which is not what the configuration says. Shortening the text to what
 * keepalived uses changes nothing on the wire: a safe fix. The message and
 * fix never show the password, only its length (output lands in CI logs).
 */
import { defineRule } from "../../src/engine/rule.js";
import type { Edit, Word } from "../../grammar/ast.js";
import { fixOf } from "../../src/engine/fix.js";

export default defineRule({
  meta: {
    id: "auth-pass-too-long",
    severity: "error",
    category: "ha",
    description: "auth_pass longer than 8 characters: keepalived uses only the first 8",
    fixable: true,
    keepalivedRefuses: "always",
  },
  instance(inst, ctx) {
    for (const auth of inst.node.children) {
      if (auth.name !== "authentication") continue;
      for (const pass of auth.children) {
        const word = pass.name === "auth_pass" ? pass.args[0] : undefined;
        if (!word || word.text.length <= 8) continue;
        ctx.report({
          at: word,
          message: `auth_pass of vrrp_instance "${inst.name}" is ${word.text.length} characters long: keepalived uses only the first 8`,
          hint: "use a password of at most 8 characters, the same on every node",
          fix: fixOf("shorten auth_pass to its first 8 characters (what keepalived uses)", dropTail(word, ctx.files.get(word.file)?.text)),
        });
      }
    }
  },
});

/**
 * Deletes the characters after the 8th, so that the edit itself (shown by
 * JSON and SARIF) holds no part of the password; only where the written text
 * is the value itself (no escapes, no definitions).
 */
function dropTail(word: Word, text: string | undefined): Edit | undefined {
  if (word.synthetic || text === undefined) return undefined;
  const q = word.quoted ? 1 : 0;
  if (text.slice(word.start + q, word.end - q) !== word.text) return undefined;
  return { file: word.file, start: word.start + q + 8, end: word.end - q, text: "" };
}
