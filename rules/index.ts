/**
 * Every built-in rule. Rules live one per file in a folder per category
 * (syntax/, schema/, ha/, …: the folder is the rule's meta.category); each folder's index.ts lists its rules. Add a
 * rule: rules/<category>/<id>.ts, docs/rules/<id>.md, test/rules/<id>.test.ts,
 * and list it in the category's index.ts.
 */
import type { Rule } from "../src/engine/rule.js";
import { CLUSTER_RULES } from "./cluster/index.js";
import { COMPAT_RULES } from "./compat/index.js";
import { CORRECTNESS_RULES } from "./correctness/index.js";
import { HA_RULES } from "./ha/index.js";
import { LVS_RULES } from "./lvs/index.js";
import { SCHEMA_RULES } from "./schema/index.js";
import { SECURITY_RULES } from "./security/index.js";
import { SYNTAX_RULES } from "./syntax/index.js";

export const ALL_RULES: readonly Rule[] = [
  ...SYNTAX_RULES, ...SCHEMA_RULES, ...COMPAT_RULES, ...CORRECTNESS_RULES, ...HA_RULES, ...LVS_RULES, ...SECURITY_RULES, ...CLUSTER_RULES,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.meta.id === id);
}
