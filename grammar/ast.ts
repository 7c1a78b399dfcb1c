/**
 * The typed AST: the configuration as keepalived loads it (includes expanded,
 * definitions and conditionals applied), every piece pointing at the text the
 * user wrote. Offsets are UTF-16 offsets into the file's text (JS string
 * indices); line/column are computed at the edges from SourceFile.lineStarts.
 */
import type { KeywordFacts } from "./schema/types.js";

/** A range of one file. `file` is the path as the reader resolved it. */
export interface Span {
  file: string;
  start: number;
  end: number;
}

/**
 * Index of the first of `spans` whose end is past `offset` (spans.length:
 * none), by binary search: the spans must not overlap and be sorted, so
 * their ends rise with their starts (a fix's edits, as applied).
 */
export function firstEndingAfter(spans: readonly Pick<Span, "end">[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How the reader got to a piece of text: through an include, a $DEFINITION, a ~SEQ/~LST loop. */
export interface Via {
  kind: "include" | "definition" | "seq";
  /** Definition or loop variable name; for includes the included path. */
  name: string;
  /** Where the include line, the definition, or the ~SEQ/~LST line is written. */
  span: Span;
}

/** One word of a logical line, as keepalived's tokenizer sees it. */
export interface Word extends Span {
  /** Value as keepalived reads it: quotes removed, `\#` unescaped, definitions expanded. */
  text: string;
  /** Was it written in double quotes? */
  quoted: boolean;
  /**
   * True when the word's text came (partly) from a $DEFINITION, ~SEQ/~LST or
   * builtin: the span then covers the reference, and a fix must not edit it.
   */
  synthetic?: boolean;
  /** Definitions/loops/includes this word came through, outermost first. */
  via?: Via[];
}

/**
 * A word for display (parse output, hover): quoted words keep their quotes,
 * because keepalived reads `script "a b"` (one word) differently from
 * `script a b` (a command and an argument).
 */
export function wordForDisplay(w: Pick<Word, "text" | "quoted">): string {
  return w.quoted ? `"${w.text}"` : w.text;
}

/** A keyword line (or, inside a value block, an entry line) with its block, if any. */
export interface ConfigNode extends Span {
  kind: "keyword" | "entry";
  /** keyword.text: the keyword, or for an entry its first word. */
  name: string;
  keyword: Word;
  args: Word[];
  /** Schema context the line appears in: "root", "vrrp_instance", "vrrp_instance.track_script", … */
  context: string;
  /** Is `name` a keyword of `context` per the schema (always true for entries)? */
  known: boolean;
  /**
   * The keyword's schema facts (what lookupKeyword(context, name) gives) when
   * the line is a known keyword, as the reader found them; undefined for
   * entries and unknown keywords. Read it through the schema's keywordOf().
   */
  readonly spec?: KeywordFacts;
  /** The block this line opens, as keepalived would read it. */
  block?: Block;
  /** Child lines (empty unless block). */
  children: ConfigNode[];
  /** The enclosing node (undefined at the top level). */
  parent?: ConfigNode;
  /**
   * The logical line's text after the keyword, after expansion, with comments removed:
   * what keepalived's script tokenizer re-reads for notify*, script, misc_path, …
   */
  rest: string;
  /** Includes/definitions the line came through. */
  via?: Via[];
}

/**
 * The line the rules' walk is at, read from the reader's store without
 * making its ConfigNode: most lines of a large configuration are never
 * reported or kept, and a node object per line was most of a lint's garbage
 * collection. It is valid only during the call it is handed to (the walk
 * moves it on to the next line): keep `node`, never the line itself.
 */
export interface WalkedLine extends Pick<ConfigNode, "kind" | "name" | "context" | "known" | "spec" | "rest"> {
  /** The line's ConfigNode, made now if no one had asked for it: the object the tree's `children` hold. */
  readonly node: ConfigNode;
  /** The line whose block this one is in (undefined at the top level). */
  readonly parent: ConfigNode | undefined;
  /** 0 for a top-level line, 1 inside its block, … */
  readonly depth: number;
  /** Does the line open a block? */
  readonly opensBlock: boolean;
  /** The context of the lines in its block (undefined: it opens none). */
  readonly childContext: string | undefined;
  /** The line's number in the walk of its top-level line (0 for that line): what `sibling` takes. */
  readonly at: number;
  /** An earlier line of the same block, by its `at`. */
  sibling(at: number): ConfigNode;
  /** The number of args, without making their Words. */
  argCount(): number;
  /** The text of arg i (0 ≤ i < argCount()). */
  argText(i: number): string;
}

export interface Block {
  kind: "keywords" | "values";
  /** Context of the lines inside. */
  childContext: string;
  /** The `{`, when written (keepalived reads on without it, with an error). */
  open?: Span;
  /** The closing `}`, absent when the file ended first. */
  close?: Span;
}

/** A `$NAME=value` definition (single or multiline). */
export interface Definition {
  name: string;
  /** The value text (lines joined with "\n" for multiline definitions), unexpanded. */
  value: string;
  multiline: boolean;
  /** Has parameters syntax / builtin. */
  builtin: boolean;
  /** Where `$NAME=` is written (the whole definition line). */
  span: Span;
  /** Just the `$NAME` part. */
  nameSpan: Span;
}

/** An include line and the files it brought in. */
export interface IncludeRef {
  /** The include keyword variant: include, includer, includem, includew, includeb, includea. */
  keyword: string;
  pattern: string;
  span: Span;
  patternSpan: Span;
  files: string[];
}

/** A reference to a $NAME in the text, resolved or not. */
export interface DefinitionUse {
  name: string;
  span: Span;
  definition?: Definition;
}

export interface ConfigAst {
  /** Top-level lines of the whole configuration, in load order across includes. */
  children: ConfigNode[];
  definitions: Definition[];
  definitionUses: DefinitionUse[];
  includes: IncludeRef[];
  /** The main file(s), in the order read. */
  roots: string[];
}

export type Severity = "error" | "warning" | "info";

/** A text edit on one file. */
export interface Edit {
  file: string;
  start: number;
  end: number;
  text: string;
}

/**
 * What an edit changes in what keepalived does, by area. A safe fix declares
 * only the change the finding names (and only on the object it names); a
 * suggestion declares everything it changes on purpose. The no-behaviour-change
 * test (test/rules/fix-safety.test.ts) rebuilds the models and checks both.
 */
export type BehaviourArea =
  /** Priorities, state, preemption, tracking weights: who holds the VIP when. */
  | "failover"
  /** Other VRRP instance settings (addresses, adverts, authentication, peers). */
  | "vrrp"
  /** Which scripts run, with which arguments and as which user. */
  | "scripts"
  /** Virtual and real servers and their checkers. */
  | "lvs"
  /** global_defs. */
  | "global";

export interface Fix {
  /** Short imperative: "replace `state MASTER` with `state BACKUP`". */
  description: string;
  edits: Edit[];
  /** What the edit changes in keepalived's behaviour (absent: nothing at all). */
  changes?: BehaviourArea[];
  /** Suggestions: the consequence of applying it, said to the user before they choose it. */
  consequence?: string;
}

/** One finding: from the reader, the schema checks or a rule. */
export interface Diagnostic extends Span {
  /** "syntax/<id>" for reader findings, the rule id for rule findings. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** How to fix it, in words (also when there is no automatic fix). */
  hint?: string;
  /** Safe fix: keeps every behaviour but the one the finding names (applied by --fix and editor fix-all). */
  fix?: Fix;
  /** Fixes that change behaviour on purpose, each with its consequence: applied only by choice (editor quick fix, --fix --unsafe-fixes). */
  suggestions?: Fix[];
  /** How the reader reached the text (include chain, definitions). */
  via?: Via[];
  /** Other places worth showing (e.g. the first definition of a duplicate). */
  related?: { span: Span; message: string }[];
  /** `keepalived -t` exits non-zero on this (host-independent); drives --exit-like-keepalived. */
  refusedByKeepalived?: boolean;
}
