/**
 * The keyword schema: lookups over keepalived's keyword tree (keywords.data.ts,
 * generated facts) joined with our own prose (descriptions.ts).
 * Everything that needs to know what a keyword is asks here.
 */
import { docOf } from "./descriptions.js";
import { allKeywordFacts, contextFacts, ROOT_CONTEXT } from "./facts.js";
import { CONTEXTS } from "./keywords.data.js";
import type { ContextSpec, KeywordSpec, RefKind } from "./types.js";

export type { ArgType, ContextSpec, KeywordFacts, KeywordKind, KeywordSpec, RefKind } from "./types.js";

const KEYWORDS: readonly KeywordSpec[] = allKeywordFacts().map((facts) => {
  const doc = docOf(facts.context, facts.name);
  const spec: KeywordSpec = { ...facts, description: doc?.description ?? "" };
  if (doc?.notes) spec.notes = doc.notes;
  return spec;
});

// The same contexts as facts.ts's, with the keywords' prose.
const contexts = new Map<string, ContextSpec>();
for (const { name } of CONTEXTS) contexts.set(name, { ...contextFacts(name)!, keywords: new Map() });
const byName = new Map<string, KeywordSpec[]>();
for (const k of KEYWORDS) {
  (contexts.get(k.context)!.keywords as Map<string, KeywordSpec>).set(k.name, k);
  const list = byName.get(k.name);
  if (list) list.push(k);
  else byName.set(k.name, [k]);
}

export { ROOT_CONTEXT };

/** The context with this name, if any. */
export function getContext(name: string): ContextSpec | undefined {
  return contexts.get(name);
}

/** All contexts. */
export function allContexts(): Iterable<ContextSpec> {
  return contexts.values();
}

/** All keyword entries (one per keyword-in-context). */
export function allKeywords(): readonly KeywordSpec[] {
  return KEYWORDS;
}

/** The keyword `name` as valid in `context`, or undefined when keepalived would not know it there. */
export function lookupKeyword(context: string, name: string): KeywordSpec | undefined {
  return contexts.get(context)?.keywords.get(name);
}

/** Every context in which a keyword of this name is valid (for "valid only inside X"). */
export function contextsOf(name: string): readonly KeywordSpec[] {
  return byName.get(name) ?? [];
}

/** Is this a value-block context (entries are free-form lines, not keywords)? */
export function isValueContext(context: string): boolean {
  return contexts.get(context)?.kind === "value_block";
}

/** Does keepalived resolve references to this kind of object while reading, so that the definition must come first? */
export function mustBeDefinedBeforeUse(kind: RefKind): boolean {
  return KEYWORDS.some((k) => k.defines === kind && k.definedBeforeUse === true);
}

/** keepalived versions the schema knows, oldest first. */
export const KNOWN_VERSIONS = ["2.2.7", "2.4.3", "HEAD"] as const;


export { checkValue, type Target, type ValueProblem } from "./values.js";
export { lineGrammarOf, parseEntryLine, type EntryLine, type Field, type LineGrammarName, type LineProblem } from "./lines.js";
export { isLinkLocal, isMulticast, parseIp, parseIpPrefix, type Family, type IpAddress, type IpPrefix } from "./ip.js";
