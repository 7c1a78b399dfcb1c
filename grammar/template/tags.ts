/**
 * Finds the tags of a template, with exact offsets, and says what each one
 * is: an expression (its output stands in the text), a comment, code that
 * outputs nothing (`{% set %}`, `<% x = 1 %>`, an EPP parameter list), or
 * structure (the opening, `else` and end of an if, a loop, a section, a
 * definition). Text outside the tags is the template's literal text.
 */
import type { TemplateEngine } from "./engines.js";

export type TagKind = "expr" | "comment" | "code" | "open" | "else" | "close";

export interface Tag {
  start: number;
  end: number;
  kind: TagKind;
  /**
   * For "open": the body is a definition (a macro, `define`, a `set` block),
   * rendered elsewhere if at all, so it is not read in place.
   */
  definition?: boolean;
  /** For Mustache sections: the section's name and whether it is inverted (`{{^x}}`). */
  section?: { name: string; inverted: boolean };
  /** The closing delimiter is missing: the tag runs to the end of the line. */
  unclosed?: boolean;
  /**
   * Whitespace the engine strips around the tag (a trim marker `{%-`, `-}}`,
   * `-%>`, `~}`, or Jinja2's trim_blocks): [trimBefore, start) and
   * [end, trimAfter). When it holds a line break, two lines of the template
   * are one line of the rendering.
   */
  trimBefore?: number;
  trimAfter?: number;
}

export function scanTags(text: string, engine: TemplateEngine): Tag[] {
  const tags = scanEngine(text, engine);
  markTrims(text, tags, engine);
  return tags;
}

function scanEngine(text: string, engine: TemplateEngine): Tag[] {
  switch (engine) {
    case "jinja":
      return scanJinja(text);
    case "go":
      return scanGo(text);
    case "erb":
    case "epp":
      return scanErb(text, engine === "epp");
    case "mustache":
      return scanMustache(text);
    case "terraform":
      return scanDollar(text, true);
    case "envsubst":
      return scanDollar(text, false);
  }
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
const isBlank = (c: string | undefined) => c === " " || c === "\t";

/** Back over whitespace from `i` (exclusive). */
function spaceBefore(text: string, i: number, blank = isSpace): number {
  while (i > 0 && blank(text[i - 1])) i--;
  return i;
}

function spaceAfter(text: string, i: number, blank = isSpace): number {
  while (i < text.length && blank(text[i])) i++;
  return i;
}

/** After `i`: one line break, if one follows directly. */
function lineBreakAt(text: string, i: number): number {
  if (text[i] === "\n") return i + 1;
  return text[i] === "\r" && text[i + 1] === "\n" ? i + 2 : i;
}

/**
 * Jinja2's trim_blocks: on in Ansible, which renders most `.j2` templates of
 * keepalived, unless the template's `#jinja2:` header turns it off.
 */
function jinjaTrimBlocks(text: string): boolean {
  const header = /^#jinja2:([^\n]*)/.exec(text)?.[1];
  const m = header && /\btrim_blocks\s*:\s*(\w+)/.exec(header);
  return m ? /^true$/i.test(m[1]) : true;
}

/**
 * What each engine strips, as it documents it:
 * - Jinja2: `{%-`/`{{-`/`{#-` every whitespace before, `-%}`/`-}}`/`-#}` every
 *   whitespace after; with trim_blocks, the line break right after a block or
 *   comment tag (`+%}` keeps it);
 * - Go: `{{- ` and ` -}}`, every whitespace on that side;
 * - ERB (trim mode "-"): `-%>` the line break right after it; `<%-` the
 *   indentation of a line it starts;
 * - EPP: `-%>` blanks and the line break after it; `<%-` blanks before it;
 * - Terraform: `${~`/`%{~` every whitespace before, `~}` every whitespace after.
 */
function markTrims(text: string, tags: Tag[], engine: TemplateEngine): void {
  const trimBlocks = engine === "jinja" && jinjaTrimBlocks(text);
  for (const t of tags) {
    if (t.unclosed) continue;
    let before = t.start;
    let after = t.end;
    switch (engine) {
      case "jinja": {
        const d = text[t.start + 1];
        if (text[t.start + 2] === "-") before = spaceBefore(text, t.start);
        if (text[t.end - 3] === "-") after = spaceAfter(text, t.end);
        else if (trimBlocks && (d === "%" || d === "#") && text[t.end - 3] !== "+") after = lineBreakAt(text, t.end);
        break;
      }
      case "go":
        if (text[t.start + 2] === "-" && isSpace(text[t.start + 3])) before = spaceBefore(text, t.start);
        if (text[t.end - 3] === "-" && isSpace(text[t.end - 4])) after = spaceAfter(text, t.end);
        break;
      case "erb":
      case "epp": {
        const lineStart = spaceBefore(text, t.start, isBlank);
        if (text[t.start + 2] === "-" && (engine === "epp" || lineStart === 0 || text[lineStart - 1] === "\n")) before = lineStart;
        if (text[t.end - 3] === "-") after = engine === "epp" ? lineBreakAt(text, spaceAfter(text, t.end, isBlank)) : text[t.end] === "\n" ? t.end + 1 : t.end;
        // EPP strips the blanks only together with the line break.
        if (engine === "epp" && after > t.end && text[after - 1] !== "\n") after = t.end;
        break;
      }
      case "terraform":
        if (text[t.start + 2] === "~") before = spaceBefore(text, t.start);
        if (text[t.end - 2] === "~") after = spaceAfter(text, t.end);
        break;
      default:
        break;
    }
    if (before < t.start) t.trimBefore = before;
    if (after > t.end) t.trimAfter = after;
  }
}

/**
 * The end of a tag that starts at `from` (after its opening delimiter):
 * the offset just past `close`, skipping quoted strings. When the tag never
 * closes: the end of its line, flagged.
 */
function tagEnd(text: string, from: number, close: string, quotes: string): { end: number; unclosed: boolean } {
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (text.startsWith(close, i)) return { end: i + close.length, unclosed: false };
    if (quotes.includes(c)) {
      const q = text.indexOf(c, i + 1);
      // An unmatched quote inside a tag: read on as if it were text.
      if (q > 0 && !text.slice(i, q).includes("\n")) i = q;
    }
    i++;
  }
  const nl = text.indexOf("\n", from);
  return { end: nl < 0 ? text.length : nl, unclosed: true };
}

/** The first word of a tag's inside, after the trim marker. */
function firstWord(inner: string): string {
  return /^[-+~]?\s*([A-Za-z_]\w*)/.exec(inner)?.[1] ?? "";
}

const JINJA_OPEN = new Set(["if", "for", "macro", "call", "filter", "block", "with", "autoescape", "trans"]);
const JINJA_ELSE = new Set(["elif", "else", "pluralize"]);
/** Bodies rendered somewhere else, if at all. */
const JINJA_DEFINITIONS = new Set(["macro", "call", "filter", "set"]);

function scanJinja(text: string): Tag[] {
  const tags: Tag[] = [];
  let i = text.indexOf("{");
  while (i >= 0 && i < text.length - 1) {
    const d = text[i + 1];
    if (d !== "{" && d !== "%" && d !== "#") {
      i = text.indexOf("{", i + 1);
      continue;
    }
    const close = d === "{" ? "}}" : d === "%" ? "%}" : "#}";
    const { end, unclosed } = tagEnd(text, i + 2, close, d === "#" ? "" : "'\"");
    const inner = text.slice(i + 2, unclosed ? end : end - 2);
    const tag: Tag = { start: i, end, kind: "expr", unclosed };
    if (d === "#") tag.kind = "comment";
    else if (d === "%") {
      const w = firstWord(inner);
      if (w === "raw") {
        // Everything up to {% endraw %} is literal text.
        tag.kind = "code";
        tags.push(tag);
        const m = /\{%[-+]?\s*endraw\s*[-+]?%\}/g;
        m.lastIndex = end;
        const r = m.exec(text);
        if (!r) break;
        tags.push({ start: r.index, end: r.index + r[0].length, kind: "code" });
        i = text.indexOf("{", r.index + r[0].length);
        continue;
      }
      if (JINJA_OPEN.has(w) || (w === "set" && !/=/.test(inner))) {
        tag.kind = "open";
        if (JINJA_DEFINITIONS.has(w)) tag.definition = true;
      } else if (JINJA_ELSE.has(w)) tag.kind = "else";
      else if (w.startsWith("end")) tag.kind = "close";
      else if (w === "include" || w === "super") tag.kind = "expr";
      else tag.kind = "code";
    }
    tags.push(tag);
    i = text.indexOf("{", end);
  }
  return tags;
}

function scanGo(text: string): Tag[] {
  const tags: Tag[] = [];
  let i = text.indexOf("{{");
  while (i >= 0) {
    const { end, unclosed } = tagEnd(text, i + 2, "}}", "\"`'");
    const inner = text.slice(i + 2, unclosed ? end : end - 2).replace(/^-\s/, "").trim();
    const tag: Tag = { start: i, end, kind: "expr", unclosed };
    const w = firstWord(inner);
    if (inner.startsWith("/*")) tag.kind = "comment";
    else if (w === "if" || w === "range" || w === "with" || w === "block") tag.kind = "open";
    else if (w === "define") {
      tag.kind = "open";
      tag.definition = true;
    } else if (w === "else") tag.kind = "else";
    else if (w === "end") tag.kind = "close";
    else if (w === "break" || w === "continue" || /^\$\w*\s*:?=/.test(inner)) tag.kind = "code";
    tags.push(tag);
    i = text.indexOf("{{", end);
  }
  return tags;
}

const RUBY_OPEN = /^(?:if|unless|case|while|until|for|begin)\b|\bdo\s*(?:\|[^|]*\|)?\s*$|\{\s*(?:\|[^|]*\|)?\s*$/;
const RUBY_ELSE = /^(?:else|elsif|when|rescue|ensure)\b/;
const PUPPET_OPEN = /^(?:if|unless|case)\b.*\{\s*$|\|[^|]*\|\s*\{\s*$/;
const PUPPET_ELSE = /^\}\s*(?:else|elsif)\b.*\{\s*$/;

/** ERB (Ruby code) and EPP (Puppet code): `<%= %>`, `<% %>`, `<%# %>`, `<%- -%>`, `<%%` for a literal `<%`. */
function scanErb(text: string, epp: boolean): Tag[] {
  const tags: Tag[] = [];
  let i = text.indexOf("<%");
  let first = true;
  while (i >= 0) {
    if (text[i + 2] === "%") {
      i = text.indexOf("<%", i + 3);
      continue;
    }
    const { end, unclosed } = tagEnd(text, i + 2, "%>", "");
    const inner = text.slice(i + 2, unclosed ? end : end - 2);
    const tag: Tag = { start: i, end, kind: "code", unclosed };
    const code = inner.replace(/^[-=]?/, "").replace(/-$/, "").trim();
    if (inner.startsWith("#")) tag.kind = "comment";
    else if (inner.startsWith("=")) tag.kind = "expr";
    else if (epp && first && code.startsWith("|")) tag.kind = "code"; // the parameter list
    else if (epp ? PUPPET_ELSE.test(code) : RUBY_ELSE.test(code)) tag.kind = "else";
    else if (epp ? PUPPET_OPEN.test(code) : RUBY_OPEN.test(code)) tag.kind = "open";
    else if (epp ? /^\}\s*$/.test(code) : /^(?:end|\})\s*$/.test(code)) tag.kind = "close";
    first = false;
    tags.push(tag);
    i = text.indexOf("<%", end);
  }
  return tags;
}

/** Mustache, and sed-style `{{VAR}}`: sections `{{#x}}…{{/x}}`, inverted `{{^x}}`, comments `{{! }}`, delimiter changes `{{=<% %>=}}`. */
function scanMustache(text: string): Tag[] {
  const tags: Tag[] = [];
  let open = "{{";
  let close = "}}";
  let i = text.indexOf(open);
  while (i >= 0) {
    const triple = open === "{{" && text.startsWith("{{{", i);
    const { end, unclosed } = tagEnd(text, i + open.length, triple ? "}}}" : close, "");
    const inner = text.slice(i + open.length, unclosed ? end : end - (triple ? 3 : close.length)).trim();
    const tag: Tag = { start: i, end, kind: "expr", unclosed };
    const sigil = triple ? "" : inner[0];
    const name = inner.slice(1).trim();
    if (sigil === "!") tag.kind = "comment";
    else if (sigil === "#" || sigil === "^") {
      tag.kind = "open";
      tag.section = { name, inverted: sigil === "^" };
    } else if (sigil === "/") tag.kind = "close";
    else if (sigil === "=") {
      tag.kind = "code";
      const m = /^=\s*(\S+)\s+(\S+)\s*=$/.exec(inner);
      if (m) {
        open = m[1];
        close = m[2];
      }
    }
    tags.push(tag);
    i = text.indexOf(open, end);
  }
  return tags;
}

/** Terraform templatefile (`${ }`, `%{ if/for }`, `$${`/`%%{` escapes) and envsubst (`${VAR}`, `${VAR:-default}`). */
function scanDollar(text: string, directives: boolean): Tag[] {
  const tags: Tag[] = [];
  const re = directives ? /([$%])\{/g : /(\$)\{/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    if (i > 0 && text[i - 1] === m[1]) continue; // `$${` and `%%{` are escapes
    const end = braceEnd(text, i + 2);
    const unclosed = end < 0;
    const stop = unclosed ? lineEndOf(text, i) : end;
    const tag: Tag = { start: i, end: stop, kind: "expr", unclosed };
    if (m[1] === "%") {
      const w = firstWord(text.slice(i + 2, stop));
      tag.kind = w === "if" || w === "for" ? "open" : w === "else" ? "else" : w.startsWith("end") ? "close" : "code";
    }
    tags.push(tag);
    re.lastIndex = stop;
  }
  return tags;
}

/** Past the `}` that balances the `{` before `from` (strings skipped); -1 when the line ends first. */
function braceEnd(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") return -1;
    if (c === '"') {
      const q = text.indexOf('"', i + 1);
      if (q > 0) i = q;
    } else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return -1;
}

function lineEndOf(text: string, i: number): number {
  const nl = text.indexOf("\n", i);
  return nl < 0 ? text.length : nl;
}
