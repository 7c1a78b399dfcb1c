/**
 * Bytes of a config file to the text the reader reads. Configs are almost
 * always ASCII; for those, Node's latin1 decoding gives the same text as UTF-8,
 * made as one copy into an external one-byte string, and the bytes themselves
 * can be handed to the reader's scanner as the text's char codes (see
 * ReadResult.bytes). Anything else is decoded as UTF-8.
 */
import { isAscii } from "node:buffer";

// A BOM stays in the text: keepalived sees those bytes too, and --fix must write them back.
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** The text of `bytes`, and whether they are all ASCII (then byte i is character i of the text). */
export function decodeConfig(bytes: Uint8Array): { text: string; ascii: boolean } {
  if (isAscii(bytes)) return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"), ascii: true };
  return { text: utf8.decode(bytes), ascii: false };
}
