/**
 * The keyword schema: lookups over keepalived's keyword tree (keywords.data.ts,
 * generated facts) joined with our own prose (descriptions.ts).
 * Everything that needs to know what a keyword is asks here.
 */
import type { ConfigNode } from "../ast.js";
import { docOf } from "./descriptions.js";
import { allKeywordFacts, contextFacts, decorateKeywords, ROOT_CONTEXT } from "./facts.js";
import { CONTEXTS } from "./keywords.data.js";
import type { ContextSpec, KeywordFacts, KeywordSpec, RefKind } from "./types.js";
import { hasKeyword, RELEASES, type TargetVersion } from "./versions.js";

export type { ArgType, ContextSpec, KeywordFacts, KeywordKind, KeywordSpec, RefKind } from "./types.js";

/**
 * A keyword's prose is read from descriptions.ts on first use, through getters
 * on the facts objects' prototype: the KeywordSpec of a keyword is its facts
 * object, and facts.ts's context maps serve the whole schema. A lint that never
 * shows a description neither builds the prose table nor copies the facts.
 */
const PROSE: Pick<KeywordSpec, "description" | "notes"> & ThisType<KeywordFacts> = {
  get description() {
    return docOf(this.context, this.name)?.description ?? "";
  },
  get notes() {
    return docOf(this.context, this.name)?.notes;
  },
};
// Each keyword object gets the prose prototype as facts.ts makes it (a context's keywords are made on first use).
decorateKeywords((facts) => Object.setPrototypeOf(facts, PROSE));

/** Keyword entries by name, across contexts (made on first use). */
let byName: Map<string, KeywordSpec[]> | undefined;

export { ROOT_CONTEXT };
export { BUILD_OPTION_KEYWORDS, DEPRECATED_NAMES, QUOTED_NAMES, SCRIPTLESS_CONTEXTS } from "./facts.js";

/** The context with this name, if any. */
export function getContext(name: string): ContextSpec | undefined {
  return contextFacts(name) as ContextSpec | undefined;
}

/** All contexts. */
export function allContexts(): Iterable<ContextSpec> {
  return CONTEXTS.map((c) => contextFacts(c.name) as ContextSpec);
}

/** All keyword entries (one per keyword-in-context); makes every context's (start-up code asks the generated lists instead). */
export function allKeywords(): readonly KeywordSpec[] {
  return allKeywordFacts() as readonly KeywordSpec[];
}

/** The keyword `name` as valid in `context`, or undefined when keepalived would not know it there. */
export function lookupKeyword(context: string, name: string): KeywordSpec | undefined {
  return getContext(context)?.keywords.get(name);
}

/**
 * A line's keyword entry: lookupKeyword(node.context, node.name), without the
 * lookup for lines the reader already looked up (every line of a lint: the
 * rules ask for it per line).
 */
export function keywordOf(node: Pick<ConfigNode, "kind" | "known" | "context" | "name" | "spec">): KeywordSpec | undefined {
  if (node.kind === "keyword") {
    if (!node.known) return undefined;
    // The facts objects are the KeywordSpecs (their prose comes through the prototype).
    if (node.spec !== undefined) return node.spec as KeywordSpec;
  }
  return lookupKeyword(node.context, node.name);
}

/** Every context in which a keyword of this name is valid (for "valid only inside X"). */
export function contextsOf(name: string): readonly KeywordSpec[] {
  if (!byName) {
    byName = new Map();
    for (const k of allKeywords()) {
      const list = byName.get(k.name);
      if (list) list.push(k);
      else byName.set(k.name, [k]);
    }
  }
  return byName.get(name) ?? [];
}

/** Is this a value-block context (entries are free-form lines, not keywords)? */
export function isValueContext(context: string): boolean {
  return contextFacts(context)?.kind === "value_block";
}

/** Does keepalived resolve references to this kind of object while reading, so that the definition must come first? */
export function mustBeDefinedBeforeUse(kind: RefKind): boolean {
  // Only top-level blocks define objects (keywords.data.ts: `defines`).
  for (const k of contextFacts(ROOT_CONTEXT)!.keywords.values()) if (k.defines === kind && k.definedBeforeUse === true) return true;
  return false;
}

/** keepalived releases the schema knows, oldest first (versions.data.ts: 2.0.19 to the newest tag, and HEAD). */
export const KNOWN_VERSIONS = RELEASES;

/** Does the target keepalived release know this keyword where the spec places it? */
export function knownIn(spec: KeywordFacts, target: TargetVersion): boolean {
  return hasKeyword(spec.context, spec.name, target);
}


export { checkValue, type Target, type ValueProblem } from "./values.js";
export { describeSpans, hasKeyword, isBefore, keywordSpans, keywordsWithHistory, NEWEST_RELEASE, normalizeVersion, OLDEST_RELEASE, RELEASES, resolveTarget, whyMissing, inSpans, type Span, type TargetVersion } from "./versions.js";
export { lineGrammarOf, parseEntryLine, type EntryLine, type Field, type LineGrammarName, type LineProblem } from "./lines.js";
export { secretArgument, secretKeywords } from "./secrets.js";
export { configTestRefusesDeprecated } from "./config-test.js";
export { isLinkLocal, isMulticast, parseIp, parseIpPrefix, type Family, type IpAddress, type IpPrefix } from "./ip.js";
