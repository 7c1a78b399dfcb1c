// Keyword-schema validation: what keepalived itself would reject or ignore.
import type { Rule } from "../../src/engine/rule.js";
import deprecatedKeyword from "./deprecated-keyword.js";
import duplicateKeyword from "./duplicate-keyword.js";
import duplicateName from "./duplicate-name.js";
import invalidValue from "./invalid-value.js";
import missingArgument from "./missing-argument.js";
import missingRequired from "./missing-required.js";
import unknownKeyword from "./unknown-keyword.js";

export const SCHEMA_RULES: readonly Rule[] = [
  unknownKeyword, invalidValue, missingArgument, missingRequired,
  duplicateKeyword, duplicateName, deprecatedKeyword,
];
