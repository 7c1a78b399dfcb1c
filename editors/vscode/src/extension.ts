/**
 * The VS Code extension: starts the bundled keepalived language server with
 * VS Code's own Node (vscode-languageclient forks it over IPC, so no Node or
 * npm install is needed) for keepalived files, and passes the `keepalived.*`
 * settings on. Highlighting needs no code: it is the manifest's grammars.
 */
import { workspace, type ExtensionContext } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { documentSelector, initializationOptions, serverModule, SETTINGS_SECTION, type ServerSettings } from "./client-options.js";

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = serverModule(context.extensionPath);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const settings = workspace.getConfiguration(SETTINGS_SECTION);
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    initializationOptions: initializationOptions((key: keyof ServerSettings) => settings.get(key)),
    // Changes of keepalived.* reach the server as workspace/didChangeConfiguration.
    synchronize: { configurationSection: SETTINGS_SECTION },
  };
  client = new LanguageClient("keepalived", "keepalived-lint", serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
