/**
 * The keyword tree's facts alone (keywords.data.ts, generated): which keywords
 * each context has, what kind of line each is, which block it opens. The
 * reader and the formatter need only these, so they import this module and
 * do not pay for the prose, value checks and line grammars that index.ts adds
 * for validation, completion and hover.
 */
import { CONTEXTS, KEYWORDS } from "./keywords.data.js";
import type { ContextSpec, KeywordFacts } from "./types.js";

/** A context with its keywords' facts (index.ts's ContextSpec without the prose). */
export type ContextFacts = Omit<ContextSpec, "keywords"> & { keywords: ReadonlyMap<string, KeywordFacts> };

export const ROOT_CONTEXT = "root";

const contexts = new Map<string, ContextFacts>();
for (const c of CONTEXTS) {
  const facts: ContextFacts = { name: c.name, kind: c.kind, lineGrammar: c.lineGrammar, keywords: new Map() };
  if (c.entryRef) facts.entryRef = c.entryRef;
  contexts.set(c.name, facts);
}
for (const k of KEYWORDS) (contexts.get(k.context)!.keywords as Map<string, KeywordFacts>).set(k.name, k);

/** The context with this name and its keywords' facts, if any. */
export function contextFacts(name: string): ContextFacts | undefined {
  return contexts.get(name);
}

/** Every keyword's facts (one entry per keyword-in-context). */
export function allKeywordFacts(): readonly KeywordFacts[] {
  return KEYWORDS;
}
