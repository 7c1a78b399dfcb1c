// Rules reporting the reader's findings (syntax, includes, definitions).
import type { Rule } from "../../src/engine/rule.js";
import includeCycle from "./include-cycle.js";
import includeError from "./include-error.js";
import invalidDefinition from "./invalid-definition.js";
import invalidLoop from "./invalid-loop.js";
import limitExceeded from "./limit-exceeded.js";
import lineTooLong from "./line-too-long.js";
import missingBrace from "./missing-brace.js";
import nulByte from "./nul-byte.js";
import template from "./template.js";
import unbalancedBrace from "./unbalanced-brace.js";
import unexpectedBrace from "./unexpected-brace.js";
import unmatchedQuote from "./unmatched-quote.js";
import unusedDisableDirective from "./unused-disable-directive.js";

export const SYNTAX_RULES: readonly Rule[] = [
  unmatchedQuote, unbalancedBrace, unexpectedBrace, missingBrace, lineTooLong, nulByte,
  includeError, includeCycle, invalidDefinition, invalidLoop, unusedDisableDirective, limitExceeded, template,
];
