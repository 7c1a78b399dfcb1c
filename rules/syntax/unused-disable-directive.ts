import { defineRule } from "../../src/engine/rule.js";

/**
 * Reported by the engine after suppression comments are applied (see
 * src/engine/suppress.ts): only it knows which comments suppressed something.
 * A comment naming an unknown rule is always reported; a comment that
 * suppressed nothing with --report-unused-disable-directives or when this rule
 * is given a severity in the settings.
 */
export default defineRule({
  meta: {
    id: "unused-disable-directive",
    severity: "warning",
    category: "syntax",
    description: "A keepalived-lint suppression comment that names an unknown rule, or (when asked) suppresses nothing",
    fixable: true,
    fromEngine: true,
  },
});
