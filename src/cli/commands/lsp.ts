// `keepalived-lint lsp --stdio`: the language server under the main command (same server as keepalived-language-server).
import type { Command } from "commander";
import type { CliIo } from "../io.js";

export function registerLsp(program: Command, _io: CliIo, _done: (code: number) => void): void {
  program
    .command("lsp")
    .description("run the language server (LSP) on stdio, for editors")
    .option("--stdio", "talk LSP over standard input and output (the default)")
    .allowUnknownOption(true)
    .action(async () => {
      // Loaded only here: linting from the command line never pays for the server.
      const { startServer } = await import("../../lsp/server.js");
      if (!process.argv.includes("--stdio")) process.argv.push("--stdio");
      // The server owns the process from now on and exits when the client says so; done() is never called.
      startServer();
    });
}
