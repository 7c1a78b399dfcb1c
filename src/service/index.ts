/**
 * Editor features as pure functions: an Analysis (files in) → LSP-shaped data
 * out. No connection, no process, no globals; src/lsp wires them to a client
 * and a browser playground could call them directly.
 */
export { analyze, findMainFile, MAIN_FILE_NAME, overlay, type Analysis, type AnalyzeOptions } from "./analyze.js";
export { OpenDocuments, type BufferChange } from "./documents.js";
export { diagnosticsByFile, toLspDiagnostic, SOURCE } from "./diagnostics.js";
export { hover, keywordDoc, priorityRange, type HoverOptions } from "./hover.js";
export { complete, contextAt } from "./completion.js";
export { definition, references, prepareRename, rename, RenameError } from "./navigation.js";
export { documentSymbols, foldingRanges, type FoldingOptions } from "./outline.js";
export { codeActions, toWorkspaceEdit, type CodeActionOptions } from "./actions.js";
export { formatDocument, formatDocumentRange, formatOptionsOf } from "./formatting.js";
export { pathToUri, uriToPath } from "./uri.js";
export { offsetAt, positionAt, rangeOf } from "./text.js";
