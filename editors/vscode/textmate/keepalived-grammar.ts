/**
 * The TextMate grammar of keepalived configuration (source.keepalived), built
 * from the keyword schema: which words are keywords, which open blocks, which
 * name an object and which values an enum takes all come from grammar/schema,
 * so the highlighting knows exactly the keywords the linter knows. The
 * committed syntaxes/keepalived.tmLanguage.json is this function's output
 * (scripts/gen-grammars.mjs writes it; a test fails when it is stale).
 *
 * keepalived has no lexer to mirror: it reads line by line (comments from `#`
 * or `!` outside double quotes, `$NAME=` definitions, `@id` prefixes, `~SEQ`
 * and `include` at the start of a line, then words split at blanks and
 * braces). The grammar follows that: a keyword is the first word of a
 * statement (line start, after `{`, after an `@id` prefix or a `~SEQ(...)`),
 * everything after it is a value.
 */
import { allKeywordFacts } from "../../../grammar/schema/facts.js";
import type { KeywordFacts } from "../../../grammar/schema/types.js";

export type TmRule = Record<string, unknown>;
export interface TmGrammar {
  $schema?: string;
  name: string;
  scopeName: string;
  fileTypes?: string[];
  firstLineMatch?: string;
  patterns: TmRule[];
  repository?: Record<string, TmRule>;
  injectionSelector?: string;
}

export const SCOPE = "source.keepalived";

/** Escapes a word for an Oniguruma regex. */
function escape(word: string): string {
  return word.replace(/[\\^$.*+?()[\]{}|/-]/g, (c) => `\\${c}`);
}

/** One alternation of whole words, longest first (so `notify_master_rx_lower_pri` is not cut at `notify_master`). */
function words(list: Iterable<string>): string {
  return [...new Set(list)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join("|");
}

/**
 * Where a statement (and so a keyword) starts: a line, a brace (keepalived splits lines at braces), or the
 * end of an `@id` / `~SEQ(...)` prefix (\G). Also after a template tag (`{{ end }}`, `%}`, `%>`): in a
 * template, what follows a tag that renders to nothing is the start of the line.
 */
const STATEMENT = "(?:^|\\G|(?<=[{}]|%>))\\s*";
/** After a word: blank, brace, comment or end of line (keepalived splits words only there). */
const WORD_END = "(?=[\\s{}#!]|$)";
/** Before a word: a blank, brace, quote, or the `=` of a `$NAME=` definition. */
const WORD_START = "(?<![^\\s{}\"=])";

function keywordSets(facts: readonly KeywordFacts[]) {
  const opensBlock = (k: KeywordFacts) => k.kind === "block" || k.kind === "value-block";
  const blocks = new Set(facts.filter(opensBlock).map((k) => k.name));
  const named = new Set(facts.filter((k) => k.defines !== undefined).map((k) => k.name));
  // A name that opens a block in one context and is a plain keyword in another counts as a block keyword.
  const scalars = new Set(facts.filter((k) => !blocks.has(k.name)).map((k) => k.name));
  const booleans = new Set(facts.filter((k) => k.type === "bool").flatMap((k) => k.values ?? []));
  const enums = new Set(facts.filter((k) => k.type === "enum").flatMap((k) => k.values ?? []).filter((v) => !booleans.has(v)));
  return { blocks: [...blocks].filter((n) => !named.has(n)), named: [...named], scalars: [...scalars], booleans: [...booleans], enums: [...enums] };
}

/**
 * A first line that says "keepalived": a top-level block opening (`vrrp_instance VI_1 {`)
 * or a comment naming keepalived (not a `#!` line: scripts mention keepalived too).
 * VS Code consults it only for files whose name no language claims.
 */
export function firstLineMatch(facts: readonly KeywordFacts[] = allKeywordFacts()): string {
  const roots = facts.filter((k) => k.context === "root" && (k.kind === "block" || k.kind === "value-block")).map((k) => k.name);
  return `^\\s*(?:(?:${words(roots)})\\b[^#!]*\\{|(?!#!)[#!].*\\bkeepalived\\b)`;
}

export function keepalivedGrammar(facts: readonly KeywordFacts[] = allKeywordFacts()): TmGrammar {
  const k = keywordSets(facts);
  return {
    name: "keepalived",
    scopeName: SCOPE,
    fileTypes: ["keepalived.conf"],
    firstLineMatch: firstLineMatch(facts),
    patterns: [{ include: "#line" }],
    repository: {
      line: {
        patterns: [
          { include: "#comment" },
          { include: "#config-id" },
          { include: "#sequence" },
          { include: "#definition" },
          { include: "#include" },
          { include: "#named-block" },
          { include: "#block" },
          { include: "#keyword" },
          { include: "#braces" },
          { include: "#values" },
        ],
      },
      comment: {
        // A region, not one match, so template tags inside comments (`# {{ ansible_managed }}`) are still found.
        begin: "[#!]",
        beginCaptures: { "0": { name: "punctuation.definition.comment.keepalived" } },
        end: "$",
        name: "comment.line.keepalived",
      },
      "config-id": {
        // `@lb1 line` applies on the host whose config id is lb1; `@^lb1 line` everywhere else.
        begin: `${STATEMENT}(@\\^?)([^\\s#!]*)\\s*`,
        beginCaptures: {
          "1": { name: "keyword.control.conditional.config-id.keepalived" },
          "2": { name: "entity.name.tag.config-id.keepalived" },
        },
        end: "$",
        name: "meta.config-id.keepalived",
        patterns: [{ include: "#line" }],
      },
      sequence: {
        // `~SEQ(var, start, step, end) line`, `~SEQx(...)`, `~LST(var, a, b) line`: the line repeated per value.
        begin: `${STATEMENT}(~(?:SEQx?|LST))(\\()([^)]*)(\\))\\s*`,
        beginCaptures: {
          "1": { name: "support.function.sequence.keepalived" },
          "2": { name: "punctuation.definition.arguments.begin.keepalived" },
          "3": { name: "meta.arguments.keepalived", patterns: [{ include: "#numbers" }, { match: "[A-Za-z_]\\w*", name: "variable.parameter.keepalived" }] },
          "4": { name: "punctuation.definition.arguments.end.keepalived" },
        },
        end: "$",
        name: "meta.sequence.keepalived",
        patterns: [{ include: "#line" }],
      },
      definition: {
        // `$NAME=value` (no blank before `=`; keepalived reads `$NAME = x` as an unknown keyword).
        begin: `${STATEMENT}(\\$)([A-Za-z_]\\w*)(=)`,
        beginCaptures: {
          "1": { name: "punctuation.definition.variable.keepalived" },
          "2": { name: "variable.other.definition.keepalived" },
          "3": { name: "keyword.operator.assignment.keepalived" },
        },
        end: "$",
        name: "meta.definition.keepalived",
        patterns: [{ include: "#line" }],
      },
      include: {
        begin: `${STATEMENT}(include)(?=\\s|$)`,
        beginCaptures: { "1": { name: "keyword.control.import.keepalived" } },
        end: "$",
        name: "meta.include.keepalived",
        patterns: [{ include: "#comment" }, { include: "#variables" }, { include: "#string" }, { match: "[^\\s#!\"$]+", name: "string.unquoted.path.keepalived" }],
      },
      "named-block": {
        // Blocks whose first argument names an object others refer to (`vrrp_script chk_haproxy {`).
        begin: `${STATEMENT}(${words(k.named)})${WORD_END}`,
        beginCaptures: { "1": { name: "keyword.other.block.keepalived" } },
        end: "(?=[{}#!]|$)",
        name: "meta.block-header.keepalived",
        patterns: [{ include: "#variables" }, { include: "#string" }, { match: "[^\\s{}#!\"$]+", name: "entity.name.section.keepalived" }],
      },
      block: {
        begin: `${STATEMENT}(${words(k.blocks)})${WORD_END}`,
        beginCaptures: { "1": { name: "keyword.other.block.keepalived" } },
        end: "(?=[{}#!]|$)",
        name: "meta.block-header.keepalived",
        patterns: [{ include: "#values" }],
      },
      keyword: {
        match: `${STATEMENT}(${words(k.scalars)})${WORD_END}`,
        captures: { "1": { name: "keyword.other.keepalived" } },
      },
      braces: {
        patterns: [
          { match: "\\{", name: "punctuation.section.block.begin.keepalived" },
          { match: "\\}", name: "punctuation.section.block.end.keepalived" },
        ],
      },
      values: {
        patterns: [
          { include: "#string" },
          { include: "#variables" },
          { include: "#addresses" },
          { include: "#numbers" },
          { match: `${WORD_START}(${words(k.booleans)})${WORD_END}`, captures: { "1": { name: "constant.language.boolean.keepalived" } } },
          { match: `${WORD_START}(${words(k.enums)})${WORD_END}`, captures: { "1": { name: "constant.language.keepalived" } } },
        ],
      },
      string: {
        // Only double quotes quote in keepalived; `\"` does not end the string.
        begin: '"',
        beginCaptures: { "0": { name: "punctuation.definition.string.begin.keepalived" } },
        end: '"|$',
        endCaptures: { "0": { name: "punctuation.definition.string.end.keepalived" } },
        name: "string.quoted.double.keepalived",
        patterns: [{ match: '\\\\.', name: "constant.character.escape.keepalived" }, { include: "#variables" }],
      },
      variables: {
        patterns: [
          {
            // `${NAME}` anywhere; `${_ENV NAME}`-style built-ins take words after the name.
            match: "(\\$\\{)([A-Za-z_]\\w*)([^}]*)(\\})",
            captures: {
              "1": { name: "punctuation.definition.variable.begin.keepalived" },
              "2": { name: "variable.other.keepalived" },
              "3": { name: "variable.parameter.keepalived" },
              "4": { name: "punctuation.definition.variable.end.keepalived" },
            },
          },
          {
            match: "(\\$)([A-Za-z_]\\w*)",
            captures: { "1": { name: "punctuation.definition.variable.keepalived" }, "2": { name: "variable.other.keepalived" } },
          },
        ],
      },
      addresses: {
        patterns: [
          // IPv4 with an optional prefix length or range end (10.0.0.1/24, 10.0.0.1-10).
          { match: `${WORD_START}(?:\\d{1,3}\\.){3}\\d{1,3}(?:/\\d{1,2})?(?![\\w.:])`, name: "constant.numeric.ip-address.v4.keepalived" },
          // IPv6: hex groups with at least two colons, optional zone and prefix length.
          { match: `${WORD_START}(?=[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:)[0-9A-Fa-f:]+(?:\\d{1,3}(?:\\.\\d{1,3}){3})?(?:%[\\w.-]+)?(?:/\\d{1,3})?(?![\\w:])`, name: "constant.numeric.ip-address.v6.keepalived" },
        ],
      },
      numbers: {
        patterns: [
          { match: `${WORD_START}[-+]?0[xX][0-9A-Fa-f]+${WORD_END}`, name: "constant.numeric.hex.keepalived" },
          { match: `(?<![^\\s{}(,=])[-+]?\\d+(?:\\.\\d+)?(?=[\\s{}#!,)]|$)`, name: "constant.numeric.keepalived" },
        ],
      },
    },
  };
}
