/**
 * The server's message encoder: JSON as the protocol library writes it, with
 * each published diagnostic's JSON kept while the same diagnostic object is
 * published again. At 50,000 lines one edit publishes ~2,000 diagnostics
 * (750 KB of JSON, ~4 ms of JSON.stringify), almost all of them the objects
 * the last publish sent (src/service/diagnostics.ts keeps them while their
 * ranges stay), so each is written once and joined after that.
 */
import type { ContentTypeEncoder } from "vscode-languageserver/node.js";

/** A publishDiagnostics notification as the server sends it. */
interface Publish {
  jsonrpc: string;
  method: "textDocument/publishDiagnostics";
  params: { uri: string; version?: number; diagnostics: object[] };
}

export function diagnosticsEncoder(): ContentTypeEncoder {
  // Keyed by the diagnostic objects: dropped with them. Nothing changes a diagnostic once published.
  const json = new WeakMap<object, string>();
  const jsonOf = (d: object) => {
    let text = json.get(d);
    if (text === undefined) json.set(d, (text = JSON.stringify(d)));
    return text;
  };
  return {
    name: "application/json",
    encode(msg, options) {
      try {
        const text = isPublish(msg) ? publishJson(msg, jsonOf) : JSON.stringify(msg, undefined, 0);
        return Promise.resolve(Buffer.from(text, options.charset));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}

/** The notification's JSON, as JSON.stringify writes it (keys in the same order), from each diagnostic's. */
function publishJson(msg: Publish, jsonOf: (d: object) => string): string {
  const { params } = msg;
  let out = `{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"method":"textDocument/publishDiagnostics","params":{`;
  for (const key of Object.keys(params)) {
    if (key !== "diagnostics") {
      // As JSON.stringify does, a key whose value JSON cannot say (undefined) is left out.
      const value = JSON.stringify(params[key as keyof typeof params]) as string | undefined;
      if (value !== undefined) out += `${JSON.stringify(key)}:${value},`;
      continue;
    }
    out += '"diagnostics":[';
    const list = params.diagnostics;
    for (let i = 0; i < list.length; i++) out += i === 0 ? jsonOf(list[i]) : "," + jsonOf(list[i]);
    out += "],";
  }
  return out.slice(0, -1) + "}}";
}

/** Only the exact shape is taken apart; anything else (an extra field, a missing one) is stringified whole. */
function isPublish(msg: unknown): msg is Publish {
  const m = msg as Partial<Publish> & Record<string, unknown>;
  if (m.method !== "textDocument/publishDiagnostics" || typeof m.params !== "object" || m.params === null || !Array.isArray(m.params.diagnostics)) return false;
  const keys = Object.keys(m);
  if (keys.length !== 3 || keys[0] !== "jsonrpc" || keys[1] !== "method" || keys[2] !== "params" || typeof m.jsonrpc !== "string") return false;
  if (hasToJson(m) || hasToJson(m.params) || hasToJson(m.params.diagnostics)) return false;
  // Kept by object (a WeakMap key); JSON.stringify of each honours its toJSON as the whole message's would.
  return m.params.diagnostics.every((d) => typeof d === "object" && d !== null);
}

function hasToJson(o: object): boolean {
  return typeof (o as { toJSON?: unknown }).toJSON === "function";
}
