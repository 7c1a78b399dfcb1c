// Keyword-schema validation: what keepalived itself would reject or ignore.
import type { Rule } from "../../src/engine/rule.js";

export const SCHEMA_RULES: readonly Rule[] = [];
