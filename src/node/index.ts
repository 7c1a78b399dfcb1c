// `keepalived-lint/node`: file access over the local disk for Node programs, the one the
// command line uses (size cap, no FIFOs or devices, UTF-8 with its BOM kept). The reader and
// linter take any FileAccess, so they stay free of `fs` and run in browsers and editors.
export { nodeFiles, DEFAULT_MAX_BYTES, type NodeFilesOptions } from "./files.js";
