/**
 * The server's message encoder: JSON as the protocol library writes it, with
 * each published diagnostic's JSON kept while the same diagnostic object is
 * published again. At 50,000 lines one edit publishes ~2,000 diagnostics
 * (750 KB of JSON, ~4 ms of JSON.stringify), almost all of them the objects
 * the last publish sent (src/service/diagnostics.ts keeps them while their
 * ranges stay), so each is written once, kept as UTF-8, and copied into the
 * message after that.
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
  const kept = new WeakMap<object, Buffer>();
  return {
    name: "application/json",
    encode(msg, options) {
      try {
        const charset = options.charset;
        if (!isPublish(msg) || charset !== "utf-8") return Promise.resolve(Buffer.from(JSON.stringify(msg, undefined, 0), charset));
        // Each diagnostic's UTF-8 bytes as kept, copied once into the message: no 750 KB string to join and encode.
        const bytesOf = (d: object) => {
          let bytes = kept.get(d);
          if (bytes === undefined) kept.set(d, (bytes = Buffer.from(JSON.stringify(d), "utf-8")));
          return bytes;
        };
        return Promise.resolve(publishBytes(msg, bytesOf));
      } catch (e) {
        return Promise.reject(e);
      }
    },
  };
}

const COMMA = Buffer.from(",");

/** The notification as JSON.stringify writes it (keys in the same order), in UTF-8, from each diagnostic's bytes. */
function publishBytes(msg: Publish, bytesOf: (d: object) => Buffer): Buffer {
  const { params } = msg;
  const pieces: Buffer[] = [];
  let text = `{"jsonrpc":${JSON.stringify(msg.jsonrpc)},"method":"textDocument/publishDiagnostics","params":{`;
  let first = true;
  for (const key of Object.keys(params)) {
    if (key !== "diagnostics") {
      // As JSON.stringify does, a key whose value JSON cannot say (undefined) is left out.
      const value = JSON.stringify(params[key as keyof typeof params]) as string | undefined;
      if (value === undefined) continue;
      text += `${first ? "" : ","}${JSON.stringify(key)}:${value}`;
      first = false;
      continue;
    }
    pieces.push(Buffer.from(`${text}${first ? "" : ","}"diagnostics":[`, "utf-8"));
    first = false;
    const list = params.diagnostics;
    for (let i = 0; i < list.length; i++) {
      if (i > 0) pieces.push(COMMA);
      pieces.push(bytesOf(list[i]));
    }
    text = "]";
  }
  pieces.push(Buffer.from(text + "}}", "utf-8"));
  return Buffer.concat(pieces);
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
