/**
 * Runs the packaged extension's activate() under a stand-in for VS Code's
 * `vscode` module, so the real (bundled) vscode-languageclient starts the
 * bundled server the way VS Code would (forked over node IPC) — without VS
 * Code. The few API pieces the test observes are real (settings, opening a
 * document, the diagnostics collection); everything else is a recording
 * no-op proxy. Prints one JSON line: what the client registered and the
 * diagnostics it received.
 *
 * Usage: node fake-vscode.cjs <unpacked extension dir> <config file> <settings JSON>
 */
const Module = require("node:module");
const { readFileSync } = require("node:fs");
const { pathToFileURL } = require("node:url");

const [extDir, file, settingsJson] = process.argv.slice(2);
const settings = JSON.parse(settingsJson);
const called = new Set();
const openListeners = [];
const diagnostics = [];

/** A value that accepts any use: property reads, calls and `new` give more of the same. */
function anything(path) {
  return new Proxy(function () {}, {
    get(_t, prop) {
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => path;
      if (prop === "then") return undefined; // not a promise
      return anything(`${path}.${String(prop)}`);
    },
    apply() {
      called.add(path);
      return anything(`${path}()`);
    },
    construct() {
      called.add(`new ${path}`);
      return anything(`new ${path}`);
    },
  });
}

class Position {
  constructor(line, character) {
    Object.assign(this, { line, character });
  }
}
class Range {
  constructor(a, b, c, d) {
    // new Range(start, end) or new Range(startLine, startCharacter, endLine, endCharacter)
    Object.assign(this, typeof a === "number" ? { start: new Position(a, b), end: new Position(c, d) } : { start: a, end: b });
  }
}
class Diagnostic {
  constructor(range, message, severity) {
    Object.assign(this, { range, message, severity });
  }
}
class CancellationTokenSource {
  constructor() {
    this.token = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };
  }
  cancel() {
    this.token.isCancellationRequested = true;
  }
  dispose() {}
}
const uri = (value) => ({ scheme: value.split(":")[0], fsPath: decodeURIComponent(value.replace(/^file:\/\//, "")), toString: () => value });

const real = {
  version: "1.95.0",
  Position,
  Range,
  Diagnostic,
  CancellationTokenSource,
  Uri: { parse: uri, file: (p) => uri(pathToFileURL(p).href) },
  workspace: {
    getConfiguration: (section) => ({ get: (key, fallback) => (section === "keepalived" && key in settings ? settings[key] : fallback) }),
    onDidOpenTextDocument: (listener) => (openListeners.push(listener), { dispose() {} }),
    textDocuments: [],
    workspaceFolders: undefined,
  },
  languages: {
    // The document selector decides: VS Code's score is > 0 when a filter matches.
    match: (selector, doc) => ([].concat(selector).some((f) => (typeof f === "string" ? f : f.language) === doc.languageId && (!f.scheme || f.scheme === doc.uri.scheme)) ? 10 : 0),
    createDiagnosticCollection: () => ({
      set: (u, list) => list && list.length && diagnostics.push({ uri: String(u), items: list.map((d) => ({ message: d.message, code: d.code && (d.code.value ?? d.code), line: d.range.start.line })) }),
      delete() {},
      clear() {},
      dispose() {},
      forEach() {},
    }),
  },
};

function merged(realPart, path) {
  const fallback = anything(path);
  return new Proxy(realPart, {
    get(t, prop) {
      if (prop in t) {
        const v = t[prop];
        return v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Function) && prop !== "Uri" ? merged(v, `${path}.${String(prop)}`) : v;
      }
      return fallback[prop];
    },
  });
}

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === "vscode" ? merged(real, "vscode") : load.call(this, request, ...rest);
};

const done = (result) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
};
setTimeout(() => done({ error: "timed out", called: [...called], diagnostics }), 15_000);

const ext = require(`${extDir}/dist/extension.js`);
ext.activate({ extensionPath: extDir, subscriptions: [] }).then(
  async () => {
    const text = readFileSync(file, "utf8");
    const doc = (path, languageId) => ({ uri: uri(pathToFileURL(path).href), fileName: path, languageId, version: 1, getText: () => text, lineCount: text.split("\n").length, isClosed: false });
    // A Jinja template too: the selector sends it, and the server lints it as a template.
    for (const l of openListeners) l(doc(`${file}.j2`, "keepalived-jinja"));
    for (const l of openListeners) l(doc(file, "keepalived"));
    const start = Date.now();
    while (new Set(diagnostics.map((d) => d.uri)).size < 2 && Date.now() - start < 10_000) await new Promise((r) => setTimeout(r, 50));
    await ext.deactivate();
    done({ called: [...called], diagnostics });
  },
  (e) => done({ error: String(e && e.stack), called: [...called] }),
);
