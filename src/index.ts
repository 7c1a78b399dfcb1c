// Public API of keepalived-lint (typed ESM exports).
export * from "../grammar/ast.js";
export * from "../grammar/files.js";
export { readConfig, parseText, type ParseResult, type ReaderOptions, type TargetVersion } from "../grammar/reader.js";
export { buildCst, printCst, type CstFile, type CstElement, type CstToken, type CstBlock } from "../grammar/cst.js";
export { SourceFile, type Position } from "../grammar/source.js";
export * as schema from "../grammar/schema/index.js";
export { lint, lintText, lintParsed, lintCluster, clusterOf } from "./workspace/lint.js";
export type { LintOptions, LintResult } from "./engine/linter.js";
export { applyEdits } from "./engine/fix.js";
export { defineRule, type Rule, type RuleMeta, type RuleContext, type Category } from "./engine/rule.js";
export { ALL_RULES, ruleById } from "../rules/index.js";
export { buildModel, type ConfigModel, type VrrpInstance, type Tracker } from "./model/model.js";
export { findConfig, parseConfig, ConfigError, CONFIG_FILE, type LintConfig } from "./engine/config.js";
export { format, formatRange, isFormatted, type FormatOptions, type FormatEdit, type FormatRange } from "./formatter/index.js";
export type { ClusterResult } from "./cluster/lint.js";
export { clusterJson, groupInstances, type ClusterGroup, type ClusterNode } from "./cluster/groups.js";
export { predict, simulate, type Member, type Scenario, type GroupPrediction, type ClusterEvent } from "./cluster/failover.js";
