// Public API of keepalived-lint (typed ESM exports).
export * from "../grammar/ast.js";
export * from "../grammar/files.js";
export { readConfig, parseText, type ParseResult, type ReaderOptions, type TargetVersion } from "../grammar/reader.js";
export { buildCst, printCst, type CstFile, type CstElement, type CstToken, type CstBlock } from "../grammar/cst.js";
export { SourceFile, type Position } from "../grammar/source.js";
export * as schema from "../grammar/schema/index.js";
