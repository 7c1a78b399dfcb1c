/**
 * Templated keepalived configurations: one wrapper grammar per template
 * language (source.keepalived.<engine>: keepalived underneath) and one
 * injection grammar per engine that finds its tags anywhere in that wrapper,
 * values, strings and comments included (`L:` makes a tag win over the
 * keepalived rule that would match at the same place, e.g. `{` or `$`).
 * Tags know nothing of keepalived: no keywords here.
 */
import { SCOPE, type TmGrammar, type TmRule } from "./keepalived-grammar.js";

export interface TemplateLanguage {
  /** VS Code language id and grammar file stem. */
  id: string;
  /** Short engine name (scope suffix, file name). */
  engine: "jinja" | "gotmpl" | "erb" | "tftpl";
  title: string;
  /** File name endings of templates in this language. */
  extensions: string[];
}

export const TEMPLATE_LANGUAGES: readonly TemplateLanguage[] = [
  { id: "keepalived-jinja", engine: "jinja", title: "keepalived (Jinja2)", extensions: [".j2", ".jinja", ".jinja2"] },
  { id: "keepalived-gotmpl", engine: "gotmpl", title: "keepalived (Go template, Mustache)", extensions: [".tmpl", ".tpl", ".gotmpl", ".mustache"] },
  { id: "keepalived-erb", engine: "erb", title: "keepalived (ERB, EPP)", extensions: [".erb", ".epp"] },
  { id: "keepalived-tftpl", engine: "tftpl", title: "keepalived (Terraform template)", extensions: [".tftpl"] },
];

export const wrapperScope = (engine: TemplateLanguage["engine"]) => `${SCOPE}.${engine}`;
export const injectionScope = (engine: TemplateLanguage["engine"]) => `${SCOPE}.${engine}.injection`;

/** source.keepalived.<engine>: the keepalived grammar, under a scope the engine's injection targets. */
export function wrapperGrammar(lang: TemplateLanguage): TmGrammar {
  return { name: lang.title, scopeName: wrapperScope(lang.engine), patterns: [{ include: SCOPE }] };
}

const str = (suffix: string): TmRule[] => [
  { begin: '"', end: '"', name: `string.quoted.double.${suffix}`, patterns: [{ match: "\\\\.", name: `constant.character.escape.${suffix}` }] },
  { begin: "'", end: "'", name: `string.quoted.single.${suffix}`, patterns: [{ match: "\\\\.", name: `constant.character.escape.${suffix}` }] },
];
const num = (suffix: string): TmRule => ({ match: "(?<![\\w.])\\d+(?:\\.\\d+)?(?![\\w.])", name: `constant.numeric.${suffix}` });

/** A tag: begin/end delimiters (with trim markers as their own scope) around expression content. */
function tag(suffix: string, kind: string, begin: string, end: string, content: TmRule[]): TmRule {
  return {
    begin: `(${begin})(-|\\+|~)?`,
    beginCaptures: { "1": { name: `punctuation.section.embedded.begin.${suffix}` }, "2": { name: `keyword.operator.whitespace-control.${suffix}` } },
    end: `(-|\\+|~)?(${end})`,
    endCaptures: { "1": { name: `keyword.operator.whitespace-control.${suffix}` }, "2": { name: `punctuation.section.embedded.end.${suffix}` } },
    name: `meta.embedded.${kind}.${suffix}`,
    contentName: `source.${suffix}`,
    patterns: content,
  };
}

function jinja(): TmRule[] {
  const s = "jinja";
  const expr: TmRule[] = [
    ...str(s),
    num(s),
    { match: "\\b(?:and|or|not|in|is|if|else|true|false|none|True|False|None)\\b", name: `keyword.operator.${s}` },
    { match: "\\|\\s*([A-Za-z_]\\w*)", captures: { "1": { name: `support.function.filter.${s}` } } },
    { match: "[A-Za-z_]\\w*", name: `variable.other.${s}` },
  ];
  return [
    { begin: "\\{#", end: "#\\}", name: `comment.block.${s}`, beginCaptures: { "0": { name: `punctuation.definition.comment.begin.${s}` } }, endCaptures: { "0": { name: `punctuation.definition.comment.end.${s}` } } },
    tag(s, "statement", "\\{%", "%\\}", [{ match: "(?<=\\{%|\\{%-|\\{%\\+)\\s*([A-Za-z_]\\w*)", captures: { "1": { name: `keyword.control.${s}` } } }, ...expr]),
    tag(s, "expression", "\\{\\{", "\\}\\}", expr),
  ];
}

function gotmpl(): TmRule[] {
  const s = "gotmpl";
  return [
    // {{/* comment */}} and {{- /* comment */ -}}; Mustache's {{! comment }}.
    { begin: "\\{\\{-?\\s*/\\*", end: "\\*/\\s*-?\\}\\}", name: `comment.block.${s}` },
    { begin: "\\{\\{!", end: "\\}\\}", name: `comment.block.mustache.${s}` },
    tag(s, "expression", "\\{\\{\\{?", "\\}?\\}\\}", [
      ...str(s),
      { begin: "`", end: "`", name: `string.quoted.raw.${s}` },
      num(s),
      { match: "(?<![\\w.$])(?:if|else|end|range|with|define|template|block|break|continue|and|or|not|eq|ne|lt|le|gt|ge|len|index|print|printf|println)\\b", name: `keyword.control.${s}` },
      { match: "\\$[A-Za-z_]\\w*|\\$", name: `variable.other.${s}` },
      { match: "\\.[A-Za-z_][\\w.]*|\\.", name: `variable.other.member.${s}` },
      { match: ":=|=|\\|", name: `keyword.operator.${s}` },
      { match: "[#^/]?[A-Za-z_][\\w.-]*", name: `variable.other.${s}` },
    ]),
  ];
}

function erb(): TmRule[] {
  const s = "erb";
  const ruby: TmRule[] = [...str(s), num(s), { match: "@@?[A-Za-z_]\\w*|\\$[A-Za-z_]\\w*", name: `variable.other.${s}` }, { match: "\\b(?:if|elsif|else|unless|end|each|do|for|in|case|when|then|and|or|not)\\b", name: `keyword.control.${s}` }];
  return [
    { begin: "<%#", end: "-?%>", name: `comment.block.${s}` },
    tag(s, "expression", "<%=", "%>", ruby),
    tag(s, "statement", "<%", "%>", ruby),
  ];
}

function tftpl(): TmRule[] {
  const s = "tftpl";
  const expr: TmRule[] = [...str(s), num(s), { match: "\\b(?:for|in|endfor|if|else|endif|true|false|null)\\b", name: `keyword.control.${s}` }, { match: "[A-Za-z_][\\w.-]*", name: `variable.other.${s}` }];
  return [
    // `$${` and `%%{` are literal `${` and `%{`.
    { match: "\\$\\$\\{|%%\\{", name: `constant.character.escape.${s}` },
    tag(s, "expression", "\\$\\{", "\\}", expr),
    tag(s, "statement", "%\\{", "\\}", expr),
  ];
}

const TAGS: Record<TemplateLanguage["engine"], () => TmRule[]> = { jinja, gotmpl, erb, tftpl };

/** The injection grammar that highlights `engine`'s tags inside source.keepalived.<engine>. */
export function injectionGrammar(lang: TemplateLanguage): TmGrammar {
  return {
    name: `${lang.title} tags`,
    scopeName: injectionScope(lang.engine),
    // Not inside its own tags or comments: a `{{` there is text.
    injectionSelector: `L:${wrapperScope(lang.engine)} -source.${lang.engine} -comment.block.${lang.engine}`,
    patterns: TAGS[lang.engine](),
  };
}
