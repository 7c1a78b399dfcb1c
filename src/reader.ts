// The reader alone (`keepalived-lint/reader`): configs in, typed AST out, without
// loading the rules, the linter or the formatter. For tools that only need the
// AST (the role crossplane plays for nginx) and for fast start-up.
export * from "../grammar/ast.js";
export * from "../grammar/files.js";
export { readConfig, parseText, type ParseResult, type ReaderOptions, type TargetVersion } from "../grammar/reader.js";
export { buildCst, printCst, type CstFile, type CstElement, type CstToken, type CstBlock } from "../grammar/cst.js";
export { SourceFile, type Position } from "../grammar/source.js";
