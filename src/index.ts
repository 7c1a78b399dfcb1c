// Public API of keepalived-lint (typed ESM exports).
export * from "../grammar/ast.js";
export * from "../grammar/files.js";
export * as schema from "../grammar/schema/index.js";
