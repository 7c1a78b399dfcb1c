#!/usr/bin/env node
// keepalived-language-server: speaks LSP on stdio (also --node-ipc, --socket=N, --pipe=NAME).
import { startServer } from "./server.js";
import { packageInfo } from "../cli/package-info.js";

const USAGE = `Usage: keepalived-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

The keepalived-lint language server (LSP) for editors: diagnostics, hover,
completion, go to definition, references, rename, outline, folding, quick
fixes and formatting for keepalived configurations. Editors start it; it
talks LSP over standard input and output unless told otherwise.

Options:
  --stdio           LSP over standard input and output (the default)
  --node-ipc        LSP over Node's IPC channel
  --socket=PORT     LSP over a TCP socket on this machine
  --pipe=NAME       LSP over a named pipe
  -V, --version     print the version
  -h, --help        print this help

Setup for neovim, VS Code, Helix and Emacs: docs/editors.md in the package.
`;

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write(USAGE);
} else if (args.includes("--version") || args.includes("-V")) {
  process.stdout.write(`${packageInfo().version}\n`);
} else {
  // Any other argument is the connection library's (--socket N, --clientProcessId=N, …); none means stdio.
  if (args.length === 0) process.argv.push("--stdio");
  startServer();
}
