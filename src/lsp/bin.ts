#!/usr/bin/env node
// keepalived-language-server: speaks LSP on stdio (also accepts --node-ipc / --socket=N).
import { startServer } from "./server.js";

if (!process.argv.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe"))) {
  // vscode-languageserver picks the transport from argv; default to stdio like most servers.
  process.argv.push("--stdio");
}
// The server must outlive bad input: log what escaped a handler and keep serving.
process.on("uncaughtException", (e) => console.error(`keepalived-language-server: ${e.stack ?? e}`));
process.on("unhandledRejection", (e) => console.error(`keepalived-language-server: ${(e as Error)?.stack ?? e}`));
startServer();
