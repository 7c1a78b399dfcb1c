// Shared by the oracle tests that write one configuration of many hand-labelled
// lines, run keepalived once, and compare per line: did keepalived flag it, did
// the schema, and was each right?
import type { OracleResult } from "../../oracle/keepalived.js";

export interface ExpectedLine {
  label: string;
  /** Is the line wrong (hand-written from keepalived's source)? */
  wrong: boolean;
  /** Does the schema call it wrong? */
  ours: boolean;
}

/** Every line where keepalived or the schema disagrees with the hand-written verdict. */
export function verdictDisagreements(expected: ReadonlyMap<number, ExpectedLine>, result: OracleResult): string[] {
  const flagged = new Set(result.messages.filter((m) => m.line !== null && !m.hostDependent).map((m) => m.line));
  const out: string[] = [];
  for (const [line, c] of expected) {
    const keepalived = flagged.has(line);
    if (keepalived !== c.wrong) out.push(`keepalived ${keepalived ? "flags" : "accepts"} "${c.label}" (expected ${c.wrong ? "wrong" : "fine"})`);
    if (c.ours !== c.wrong) out.push(`schema ${c.ours ? "flags" : "accepts"} "${c.label}" (expected ${c.wrong ? "wrong" : "fine"})`);
  }
  return out;
}
