/**
 * The keyword tree's facts alone (keywords.data.ts, generated): which keywords
 * each context has, what kind of line each is, which block it opens. The
 * reader and the formatter need only these, so they import this module and
 * do not pay for the prose, value checks and line grammars that index.ts adds
 * for validation, completion and hover.
 *
 * A context's keywords are made when it is first asked for: a lint meets a
 * few of the 54 contexts, and making all 531 keyword objects (and their maps)
 * at every start-up was about a twentieth of a small lint.
 */
import { CONTEXTS, KEYWORDS_OF, type ContextData } from "./keywords.data.js";
import type { ContextSpec, KeywordFacts } from "./types.js";

// What start-up code asks of every keyword, generated with the data (it would otherwise make every context's).
export { BUILD_OPTION_KEYWORDS, DEPRECATED_NAMES, QUOTED_NAMES, SCRIPTLESS_CONTEXTS } from "./keywords.data.js";

/** A context with its keywords' facts (index.ts's ContextSpec without the prose). */
export type ContextFacts = Omit<ContextSpec, "keywords"> & { keywords: ReadonlyMap<string, KeywordFacts> };

export const ROOT_CONTEXT = "root";

/** What every keyword object gets when it is made (index.ts gives them their prose). */
const decorators: ((facts: KeywordFacts) => void)[] = [];
/** Contexts whose keywords are made, in no particular order. */
const made: Context[] = [];

class Context implements ContextFacts {
  readonly name: string;
  readonly kind: ContextData["kind"];
  readonly lineGrammar: string | undefined;
  readonly entryRef?: ContextData["entryRef"];
  private map: Map<string, KeywordFacts> | undefined;

  constructor(data: ContextData) {
    this.name = data.name;
    this.kind = data.kind;
    this.lineGrammar = data.lineGrammar;
    if (data.entryRef) this.entryRef = data.entryRef;
  }

  get keywords(): ReadonlyMap<string, KeywordFacts> {
    if (!this.map) {
      const list = Object.hasOwn(KEYWORDS_OF, this.name) ? KEYWORDS_OF[this.name]!() : [];
      const map = new Map<string, KeywordFacts>();
      for (let i = 0; i < list.length; i++) {
        const k = list[i]!;
        for (let d = 0; d < decorators.length; d++) decorators[d]!(k);
        map.set(k.name, k);
      }
      this.map = map;
      made.push(this);
    }
    return this.map;
  }
}

const contexts = new Map<string, Context>();
for (const c of CONTEXTS) contexts.set(c.name, new Context(c));

/** The context with this name and its keywords' facts, if any. */
export function contextFacts(name: string): ContextFacts | undefined {
  return contexts.get(name);
}

let all: readonly KeywordFacts[] | undefined;

/** Every keyword's facts (one entry per keyword-in-context), in the inventory's order: makes every context's. */
export function allKeywordFacts(): readonly KeywordFacts[] {
  return (all ??= CONTEXTS.flatMap((c) => [...contexts.get(c.name)!.keywords.values()]));
}

/**
 * Has `decorate` run on every keyword object, those made already and those
 * made later (index.ts sets their prose prototype: the facts objects are the
 * schema's KeywordSpecs).
 */
export function decorateKeywords(decorate: (facts: KeywordFacts) => void): void {
  decorators.push(decorate);
  for (const c of made) for (const k of c.keywords.values()) decorate(k);
}
