/**
 * The language server: LSP wiring around src/service. Handlers are thin
 * (document → service call → answer); what is here is the editor-specific
 * part: which main file a buffer belongs to, debounced per-file diagnostics,
 * and answering failures with errors instead of dying.
 */
import { inspect } from "node:util";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  CodeActionKind,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type MessageReader,
} from "vscode-languageserver/node.js";
import type { FileAccess } from "../../grammar/files.js";
import { nodeFiles } from "../node/files.js";
import { hostName } from "../node/host.js";
import { installedKeepalived } from "./target-version.js";
import {
  codeActions,
  findMainFile,
  complete,
  definition,
  diagnosticsByFile,
  documentSymbols,
  foldingRanges,
  formatDocument,
  formatDocumentRange,
  formatOptionsOf,
  hover,
  offsetAt,
  OpenDocuments,
  pathToUri,
  prepareRename,
  references,
  rename,
  RenameError,
  uriToPath,
  type Analysis,
} from "../service/index.js";
import { editorSettings, type EditorSettings } from "./editor-settings.js";
import { diagnosticsEncoder } from "./diagnostics-encoder.js";
import { idleCollector } from "./idle-collection.js";
import { exposedGc, type GcFunction } from "../node/gc.js";

export interface ServerOptions {
  /** Streams to speak JSON-RPC on; default: chosen from argv (--stdio, --node-ipc, --socket). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Files (default: the local disk). */
  fs?: FileAccess;
  /** This host's short name, the default config id (default: read from the system; tests set it). */
  hostName?: string;
  /** Log exceptions that escape a handler instead of letting them end the process (default true). */
  guardProcess?: boolean;
  /** Delay between the last edit and linting, per main file (default 200 ms; also KEEPALIVED_LSP_DEBOUNCE_MS or initializationOptions.debounceMs). */
  debounceMs?: number;
  /** The collector of the scavenge after each published lint (idle-collection.ts); default V8's gc (node/gc.ts), null: none. */
  gc?: GcFunction | null;
}

interface Pending {
  cancel: () => void;
  token: number;
}

export const DEFAULT_DEBOUNCE_MS = 200;

/** Starts a language server and returns its connection (already listening). */
export function startServer(options: ServerOptions = {}): Connection {
  // Without streams or a transport flag (--stdio, --node-ipc, --socket=N, --pipe=NAME), speak on stdio.
  const transportFlag = process.argv.some((a) => a === "--stdio" || a === "--node-ipc" || a.startsWith("--socket") || a.startsWith("--pipe"));
  const stdio = options.input === undefined && options.output === undefined && (!transportFlag || process.argv.includes("--stdio"));
  const input = options.input ?? (stdio ? process.stdin : undefined);
  const output = options.output ?? (stdio ? process.stdout : undefined);
  // Our writer on streams (it keeps published diagnostics as JSON); on stdio the library is handed
  // stdin itself, so that it ends the server when the editor closes it, as it does for --stdio.
  const connection =
    input && output
      ? createConnection(
          ProposedFeatures.all,
          // The library takes a stream or a reader in either place (its types list the pairs only).
          stdio ? (input as unknown as MessageReader) : new StreamMessageReader(input),
          new StreamMessageWriter(output, { contentTypeEncoder: diagnosticsEncoder() }),
        )
      : createConnection(ProposedFeatures.all);
  if (stdio) logConsoleTo(connection);
  // Buffers, and where each change lands: the incremental lint re-reads only the blocks changes touch.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update(doc, changes, version) {
      for (const change of changes) {
        const path = pathOf(doc.uri);
        if ("range" in change) open().edited(path, { start: doc.offsetAt(change.range.start), end: doc.offsetAt(change.range.end), inserted: change.text.length });
        else open().edited(path);
        TextDocument.update(doc, [change], version);
      }
      return doc;
    },
  });
  if (options.guardProcess !== false) {
    // Bad input must not end the server: log what escaped a handler and keep serving.
    process.on("uncaughtException", (e) => console.error(`keepalived-language-server: ${e.stack ?? e}`));
    process.on("unhandledRejection", (e) => console.error(`keepalived-language-server: ${(e as Error)?.stack ?? e}`));
  }
  const fs = options.fs ?? nodeFiles();
  const host = options.hostName ?? hostName();
  // The installed keepalived, asked on the first lint that needs it (log is defined below; it runs later).
  const installed = installedKeepalived((m) => log(m));
  const envDebounce = Number(process.env.KEEPALIVED_LSP_DEBOUNCE_MS);
  let debounceMs = options.debounceMs ?? (Number.isFinite(envDebounce) && envDebounce >= 0 ? envDebounce : DEFAULT_DEBOUNCE_MS);
  /** Indent the user chose for this server (the format.indent editor setting); the project's settings win over it. */
  let userFormat: { indent: number | "tab" } | undefined;
  let markdown = true;
  let canWatch = false;
  let canPullSettings = false;
  let canRegisterSettings = false;
  let editor: EditorSettings = editorSettings(undefined);
  let lineFoldingOnly = false;
  let foldingLimit: number | undefined;

  // Buffers that are not files on disk (untitled:) get a stand-in path.
  const pseudoUris = new Map<string, string>();
  const pathOf = (uri: string): string => {
    const p = uriToPath(uri);
    if (p !== undefined) return p;
    const stand = `/untitled/${encodeURIComponent(uri)}`;
    pseudoUris.set(stand, uri);
    return stand;
  };
  // Publish under the URI the client used for a file, so its spelling matches.
  const clientUris = new Map<string, string>();
  const uriOf = (path: string): string => pseudoUris.get(path) ?? clientUris.get(path) ?? pathToUri(path);

  /** Main file → its latest analysis and the generation of buffers it saw. */
  const analyses = new Map<string, { analysis: Analysis; generation: number }>();
  /** Included file → the main file whose latest lint read it. */
  const ownerOf = new Map<string, string>();
  /** Main file → files it published diagnostics for. */
  const published = new Map<string, Set<string>>();
  const pending = new Map<string, Pending>();
  let generation = 0;
  let tokens = 0;

  const log = (message: string) => connection.console.error(`keepalived-lint: ${message}`);
  const overrides = () => new Map(documents.all().map((d) => [pathOf(d.uri), d.getText()]));
  const rootOf = (path: string) => ownerOf.get(path) ?? path;

  /** The open configurations' analyses kept between edits (made again when the editor's lint settings change). */
  let openDocuments: OpenDocuments | undefined;
  const open = () => (openDocuments ??= new OpenDocuments(fs, { hostName: host, defaults: editor.lint, installedKeepalived: installed }));

  function run(root: string): Analysis {
    const analysis = open().analyze(root, overrides());
    analyses.set(root, { analysis, generation });
    for (const file of analysis.result.files.keys()) {
      if (file === root) continue;
      ownerOf.set(file, root);
      // A buffer linted on its own until now belongs to this configuration from here on.
      if (analyses.has(file) && file !== root) dropRoot(file, false);
    }
    return analysis;
  }

  /** The analysis that covers `path`, re-linted if a buffer changed since. */
  function analysisFor(path: string): Analysis {
    const root = rootOf(path);
    const cached = analyses.get(root);
    if (cached && cached.generation === generation && cached.analysis.result.files.has(path)) return cached.analysis;
    const analysis = run(root);
    if (analysis.result.files.has(path)) return analysis;
    // The main file no longer includes it: the buffer stands on its own.
    ownerOf.delete(path);
    return run(path);
  }

  /** Files whose last published list was not empty (they must be cleared when clean again). */
  const dirty = new Set<string>();

  function send(file: string, diagnostics: Diagnostic[]) {
    // A clean file nobody has open and that showed nothing before needs no message (conf.d/ may hold hundreds).
    if (diagnostics.length === 0 && !dirty.has(file) && !documents.get(uriOf(file))) return;
    if (diagnostics.length > 0) dirty.add(file);
    else dirty.delete(file);
    connection.sendDiagnostics({ uri: uriOf(file), diagnostics });
  }

  function publish(root: string, analysis: Analysis) {
    const byFile = diagnosticsByFile(analysis);
    const before = published.get(root) ?? new Set<string>();
    for (const [file, diagnostics] of byFile) {
      if (ownerOf.get(file) !== undefined && ownerOf.get(file) !== root && file !== root) continue;
      send(file, diagnostics);
    }
    for (const file of before) {
      if (!byFile.has(file) && (ownerOf.get(file) ?? file) === root) send(file, []);
    }
    published.set(root, new Set(byFile.keys()));
  }

  /** Schedules a scavenge after a published lint (idle-collection.ts); made on the first lint. */
  let collectSoon: (() => void) | undefined;

  function schedule(path: string) {
    const root = rootOf(path);
    const old = pending.get(root);
    if (old) old.cancel();
    const token = ++tokens;
    const run = () => {
      // A newer edit rescheduled this root: this result would be stale.
      if (pending.get(root)?.token !== token) return;
      pending.delete(root);
      // Meanwhile another configuration took this file in: lint that one instead.
      if (rootOf(root) !== root) return schedule(root);
      try {
        // Linting is synchronous, so no edit can land between this lint and its publication.
        publish(root, analysisFor(root));
        (collectSoon ??= idleCollector(options.gc === null ? undefined : (options.gc ?? exposedGc())))();
      } catch (e) {
        log(`linting ${root} failed: ${(e as Error).stack ?? e}`);
      }
    };
    // No delay asked: lint once the messages already read are handled (an immediate), not after a
    // timer's minimum of 1 ms, whose wake-up also jitters with the machine's load.
    if (debounceMs > 0) {
      const timer = setTimeout(run, debounceMs);
      pending.set(root, { cancel: () => clearTimeout(timer), token });
    } else {
      const immediate = setImmediate(run);
      pending.set(root, { cancel: () => clearImmediate(immediate), token });
    }
  }

  function dropRoot(root: string, clear: boolean) {
    analyses.delete(root);
    openDocuments?.forget(root);
    const p = pending.get(root);
    if (p) p.cancel();
    pending.delete(root);
    if (clear) {
      for (const file of published.get(root) ?? []) {
        if (!dirty.has(file) && !documents.get(uriOf(file))) continue;
        dirty.delete(file);
        connection.sendDiagnostics({ uri: uriOf(file), diagnostics: [] });
      }
    }
    published.delete(root);
    for (const [file, owner] of [...ownerOf]) if (owner === root) ownerOf.delete(file);
  }

  /** Runs a request handler: failures are logged and answered as errors, never thrown at the connection. */
  function safe<P, R>(name: string, fallback: R, handler: (params: P) => R): (params: P) => R | ResponseError<void> {
    return (params: P) => {
      try {
        return handler(params) ?? fallback;
      } catch (e) {
        if (e instanceof RenameError) return new ResponseError(ErrorCodes.InvalidParams, e.message);
        log(`${name} failed: ${(e as Error).stack ?? e}`);
        return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${(e as Error).message}`);
      }
    };
  }

  /** The document's path and its analysis, or undefined when the document is not open. */
  function docAt(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const path = pathOf(uri);
    const analysis = analysisFor(path);
    const file = analysis.result.files.get(path);
    return file ? { doc, path, analysis, file } : undefined;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities.textDocument;
    markdown = caps?.hover?.contentFormat?.[0] !== "plaintext";
    lineFoldingOnly = caps?.foldingRange?.lineFoldingOnly ?? false;
    foldingLimit = caps?.foldingRange?.rangeLimit;
    canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canRegisterSettings = params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    applySettings(params.initializationOptions);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [" ", "/"] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, "source.fixAll.keepalived-lint"] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
      },
      serverInfo: { name: "keepalived-language-server" },
    };
  });

  /** Takes the editor's settings (see editor-settings.ts); re-lints what is open when they change what a lint says. */
  function applySettings(raw: unknown) {
    const before = JSON.stringify(editor.lint);
    editor = editorSettings(raw);
    if (editor.debounceMs !== undefined) debounceMs = editor.debounceMs;
    userFormat = editor.format;
    for (const problem of editor.problems) log(`${problem}; ignored`);
    if (JSON.stringify(editor.lint) === before) return;
    openDocuments = undefined;
    generation++;
    for (const root of [...analyses.keys()]) schedule(root);
  }

  /** Asks the client for its `keepalived` settings section, when it can answer. */
  function pullSettings(): Promise<void> {
    if (!canPullSettings) return Promise.resolve();
    return connection.workspace.getConfiguration("keepalived").then(
      (section: unknown) => {
        if (section !== null && section !== undefined) applySettings(section);
      },
      (e: unknown) => log(`reading the editor's settings failed: ${(e as Error).message}`),
    );
  }

  connection.onDidChangeConfiguration((p) => {
    // Pushed (VS Code's configurationSection) or, from clients that only say "changed", pulled.
    const pushed = (p.settings as { keepalived?: unknown } | null | undefined)?.keepalived;
    if (pushed !== undefined) applySettings(pushed);
    else void pullSettings();
  });

  connection.onInitialized(() => {
    if (canPullSettings) {
      // Clients that answer workspace/configuration want to be asked; ask once now and on every change.
      void pullSettings();
      if (canRegisterSettings) connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    }
    if (!canWatch) return;
    // Project settings and closed includes change on disk; re-lint when they do.
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: "**/.keepalived-lint.json" }, { globPattern: "**/*.conf" }, { globPattern: "**/*.{j2,jinja,jinja2,tmpl,tpl,gotmpl,erb,epp,mustache,tftpl}" }] })
      .catch((e: unknown) => log(`watching files failed: ${(e as Error).message}`));
  });

  documents.onDidOpen((e) => {
    generation++;
    const path = pathOf(e.document.uri);
    // Its text may be anything since it was last read: no edit says where it changed.
    openDocuments?.edited(path);
    clientUris.set(path, e.document.uri);
    if (!ownerOf.has(path)) {
      try {
        // An included file opened on its own: lint it as part of the keepalived.conf that includes it.
        const main = findMainFile(fs, path, overrides(), host);
        if (main) run(main);
      } catch (err) {
        log(`looking for the main file of ${path} failed: ${(err as Error).stack ?? err}`);
      }
    }
    schedule(path);
  });
  documents.onDidChangeContent((e) => {
    generation++;
    schedule(pathOf(e.document.uri));
  });
  documents.onDidClose((e) => {
    generation++;
    const path = pathOf(e.document.uri);
    openDocuments?.edited(path);
    const owner = ownerOf.get(path);
    if (analyses.has(path) && !owner) {
      // Its configuration is no longer edited here: clear what it published; open includes stand alone again.
      dropRoot(path, true);
      for (const d of documents.all()) if (d.uri !== e.document.uri) schedule(pathOf(d.uri));
    } else if (owner) {
      const stillUsed = documents.all().some((d) => d.uri === uriOf(owner) || ownerOf.get(pathOf(d.uri)) === owner);
      if (stillUsed) schedule(owner); // the disk text of the included file applies again
      else dropRoot(owner, true); // a main file found on disk, and nothing of it is open any more
    }
  });
  connection.onDidChangeWatchedFiles(() => {
    // A config file or a closed include changed on disk.
    generation++;
    for (const root of [...analyses.keys()]) schedule(root);
  });

  /**
   * The document's tree without a lint, for hover and completion: the latest
   * analysis when no buffer changed since, else the buffer read again (only
   * the blocks that changed) and not linted.
   */
  function treeAt(uri: string) {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const path = pathOf(uri);
    const root = rootOf(path);
    const cached = analyses.get(root);
    if (cached?.generation !== generation && root === path) {
      const analysis = open().parse(root, overrides());
      const file = analysis?.result.files.get(path);
      if (analysis && file) return { doc, path, analysis, file };
    }
    return docAt(uri);
  }

  connection.onHover(
    safe("hover", null, (p) => {
      const at = treeAt(p.textDocument.uri);
      return at ? hover(at.analysis, at.path, offsetAt(at.file, p.position), { markdown }) : null;
    }),
  );
  connection.onCompletion(
    safe("completion", [], (p) => {
      const at = treeAt(p.textDocument.uri);
      return at ? complete(at.analysis, at.path, offsetAt(at.file, p.position)) : [];
    }),
  );
  connection.onDefinition(
    safe("definition", [], (p) => {
      const at = docAt(p.textDocument.uri);
      return at ? definition(at.analysis, at.path, offsetAt(at.file, p.position)) : [];
    }),
  );
  connection.onReferences(
    safe("references", [], (p) => {
      const at = docAt(p.textDocument.uri);
      return at ? references(at.analysis, at.path, offsetAt(at.file, p.position), p.context.includeDeclaration) : [];
    }),
  );
  connection.onPrepareRename(
    safe("prepareRename", null, (p) => {
      const at = docAt(p.textDocument.uri);
      return (at && prepareRename(at.analysis, at.path, offsetAt(at.file, p.position))) ?? null;
    }),
  );
  connection.onRenameRequest(
    safe("rename", null, (p) => {
      const at = docAt(p.textDocument.uri);
      return (at && rename(at.analysis, at.path, offsetAt(at.file, p.position), p.newName)) ?? null;
    }),
  );
  connection.onDocumentSymbol(
    safe("documentSymbol", [], (p) => {
      const at = docAt(p.textDocument.uri);
      return at ? documentSymbols(at.analysis, at.path) : [];
    }),
  );
  connection.onFoldingRanges(
    safe("foldingRange", [], (p) => {
      const doc = documents.get(p.textDocument.uri);
      if (!doc) return [];
      const ranges = foldingRanges(doc.getText(), { rangeLimit: foldingLimit });
      return lineFoldingOnly ? ranges.map(({ startLine, endLine, kind }) => ({ startLine, endLine, ...(kind && { kind }) })) : ranges;
    }),
  );
  connection.onCodeAction(
    safe("codeAction", [], (p) => {
      const at = docAt(p.textDocument.uri);
      return at ? codeActions(at.analysis, at.path, p.range, { only: p.context.only }) : [];
    }),
  );
  connection.onDocumentFormatting(
    safe("formatting", [], (p) => {
      const at = docAt(p.textDocument.uri);
      const template = at?.analysis.result.templates.get(at.path)?.engine;
      return at ? formatDocument(at.doc.getText(), { ...formatOptionsOf(at.analysis.settings.format, userFormat), template }) : [];
    }),
  );
  connection.onDocumentRangeFormatting(
    safe("rangeFormatting", [], (p) => {
      const at = docAt(p.textDocument.uri);
      const template = at?.analysis.result.templates.get(at.path)?.engine;
      return at ? formatDocumentRange(at.doc.getText(), p.range, { ...formatOptionsOf(at.analysis.settings.format, userFormat), template }) : [];
    }),
  );

  documents.listen(connection);
  connection.listen();
  return connection;
}

/**
 * On stdio, stdout is the protocol: console output goes to the editor's log
 * instead (what the protocol library does for --stdio when it makes the
 * streams itself).
 */
function logConsoleTo(connection: Connection): void {
  const say = (write: (message: string) => void) => (...args: unknown[]) => write(args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" "));
  console.log = say((m) => connection.console.log(m));
  console.info = say((m) => connection.console.info(m));
  console.debug = say((m) => connection.console.log(m));
  console.warn = say((m) => connection.console.warn(m));
  console.error = say((m) => connection.console.error(m));
}
